export { scaffolderModulePlatformMesh as default } from './module';
