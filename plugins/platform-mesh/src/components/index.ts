export { EntityPlatformMeshCard } from './EntityPlatformMeshCard';
export {
  PlatformMeshCard,
  type PlatformMeshCardProps,
} from './PlatformMeshCard';
