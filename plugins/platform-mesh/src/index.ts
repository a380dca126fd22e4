/**
 * Entity card for remote Platform Mesh instances (legacy frontend system exports; the new
 * frontend system plugin is the default export of `./alpha`).
 *
 * @packageDocumentation
 */
export { platformMeshPlugin } from './plugin';
export { isPlatformMeshAvailable } from './isPlatformMeshAvailable';
export * from './api';
export {
  EntityPlatformMeshCard,
  EntityPlatformMeshContent,
  EntityPlatformMeshOverviewCard,
  type PlatformMeshCardProps,
  type PlatformMeshContentProps,
  type PlatformMeshOverviewCardProps,
} from './components';
export {
  PlatformMeshTargetPickerFieldExtension,
  PLATFORM_MESH_TARGET_PICKER,
} from './fields';
