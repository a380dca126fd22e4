export type {
  ExpectedSecret,
  ExpectedSecrets,
  RoleRead,
  InstanceSnapshot,
} from './InstanceSnapshot';
export { SNAPSHOT_RESOURCES, type SnapshotResource } from './resources';
export { canRead, sameCluster } from './readability';
export {
  isOperatorCreated,
  isInstancePlatformMesh,
  instancePlatformMesh,
  instanceHelmReleases,
  instanceKustomizations,
  instanceApplications,
  sourceRefOf,
  allSources,
  findSource,
  instanceSources,
  type ResolvedSourceRef,
} from './selectors';
export { wellFormedObject, wellFormedSnapshot } from './wellFormedSnapshot';
export {
  requiredReads,
  missingReads,
  type RequiredRead,
  type MissingRead,
} from './requiredReads';
export {
  INFORMATIONAL_READS,
  isInformationalRead,
  informationalReadError,
  type InformationalRead,
} from './informationalReads';
