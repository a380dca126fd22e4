/**
 * The Platform Mesh status backend plugin for Backstage.
 *
 * @packageDocumentation
 */
export { platformMeshPlugin as default } from './plugin';
