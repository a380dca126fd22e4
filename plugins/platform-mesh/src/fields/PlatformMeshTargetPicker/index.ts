export {
  PlatformMeshTargetPicker,
  PLATFORM_MESH_TARGET_PICKER,
} from './PlatformMeshTargetPicker';
export { platformMeshTargetPickerValidation } from './validation';
