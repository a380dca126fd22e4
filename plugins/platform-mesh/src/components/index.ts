export { EntityPlatformMeshCard } from './EntityPlatformMeshCard';
export {
  EntityPlatformMeshContent,
  EntityPlatformMeshOverviewCard,
} from './EntityPlatformMeshOverviewCard';
export { type PlatformMeshCardProps } from './PlatformMeshCard';
export type { PlatformMeshOverviewCardProps } from './overview/PlatformMeshOverviewCard';
export type { PlatformMeshContentProps } from './content/PlatformMeshContent';
