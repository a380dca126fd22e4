export type { InstanceSnapshot } from './InstanceSnapshot';
export { SNAPSHOT_RESOURCES } from './resources';
export { canRead, sameCluster } from './readability';
export {
  isInstancePlatformMesh,
  instancePlatformMesh,
  instanceHelmReleases,
  instanceKustomizations,
  instanceApplications,
  sourceRefOf,
  findSource,
  instanceSources,
  type ResolvedSourceRef,
} from './selectors';
export { wellFormedObject, wellFormedSnapshot } from './wellFormedSnapshot';
export {
  missingReads,
  type RequiredRead,
  type MissingRead,
} from './requiredReads';
export {
  isInformationalRead,
  informationalReadError,
} from './informationalReads';
