export { platformMeshPlugin as default } from './plugin';
