/**
 * The engines behind the Platform Mesh for Backstage plugins: rendering, validation, health,
 * diagnostics, snapshots, catalog entities and decommission plans. The plugin packages of this
 * set build on them; they are not a stable API and may change in any release.
 *
 * The stable contract (the HTTP API's types, the annotation, the permissions) is the package's
 * main entry point.
 *
 * @packageDocumentation
 */

export {
  PLATFORM_MESH_CATALOG_CONFIG_KEY,
  PLATFORM_MESH_CATALOG_ENTITY_ANNOTATION,
  PLATFORM_MESH_INSTANCE_ENTITY_TYPE,
  PLATFORM_MESH_OWNER_ANNOTATION,
  PLATFORM_MESH_SOURCE_TEMPLATE_ANNOTATION,
} from './catalog/annotations';
export { DEFAULT_PLATFORM_MESH_ENTITY_OWNER } from './catalog/catalogEntity';
export type {
  CatalogEntityLink,
  PlatformMeshResourceEntity,
} from './catalog/catalogEntity';
export { buildClusterEntities } from './catalog/clusterEntity';
export type { ClusterEntitiesOptions } from './catalog/clusterEntity';
export { entityRefProblem } from './catalog/entityRef';
export { buildInstanceEntity } from './catalog/instanceEntity';
export type {
  CatalogTarget,
  InstanceEntityOptions,
  InstanceEntityResult,
  InstanceEntitySkipReason,
} from './catalog/instanceEntity';
export {
  DEFAULT_INSTANCE_ENTITY_NAME_PATTERN,
  formatInstanceEntityName,
} from './catalog/instanceEntityName';
export {
  DEFAULT_NAMESPACE,
  DEFAULT_SECRETS,
  FIELD_MANAGER,
  OPERATOR_CREATED_LABEL,
  OPERATOR_WEBHOOK_SECRETS,
  PLATFORM_MESH_FINALIZER,
  PROFILE_CONFIGMAP_KEY,
  PROFILE_CONFIGMAP_SUFFIX,
} from './constants';
export { planDecommission } from './decommission/planDecommission';
export type {
  DecommissionInventory,
  DecommissionObjectRef,
  DecommissionPlan,
  DecommissionStep,
  DecommissionStepId,
  InventoryObject,
  KeptObject,
} from './decommission/types';
export { profileConfigMapRefOf } from './diagnostics/profileMissing';
export { DEFAULT_DIAGNOSTIC_GRACE_SECONDS } from './diagnostics/types';
export type { DiagnosticOptions } from './diagnostics/types';
export { applicationHealth, describeApplication } from './health/application';
export { conditionPipeline } from './health/conditionPipeline';
export { firstBlockingStep } from './health/firstBlockingStep';
export { describeHelmRelease, helmReleaseHealth } from './health/helmRelease';
export { platformMeshHealth } from './health/platformMeshHealth';
export { MAX_STATUS_TEXT_LENGTH, isRecord } from './health/text';
export {
  DEFAULT_OPERATOR_CONTAINER,
  DEFAULT_OPERATOR_POD_SELECTOR,
  selectOperatorContainer,
} from './operatorLogs/operatorContainer';
export type { PodContainers } from './operatorLogs/operatorContainer';
export { KNOWN_SERVICES, isKnownService } from './profile/knownServices';
export type { KnownServiceName } from './profile/knownServices';
export { describePlannedObject } from './render/describe';
export { renderInstanceCatalogEntity } from './render/instanceCatalogEntity';
export type {
  InstanceCatalogEntity,
  InstanceCatalogEntityOptions,
} from './render/instanceCatalogEntity';
export { instanceSettingsOf } from './render/instanceSettings';
export type { InstanceSettings } from './render/instanceSettings';
export { RENDERED_OBJECT_LABELS } from './render/labels';
export { formatLineDiff } from './render/lineDiff';
export type { LineDiffOptions } from './render/lineDiff';
export { stringifyManifests } from './render/manifests';
export { renderPlan } from './render/plan';
export type { RenderPlanOptions } from './render/plan';
export {
  convertProviderConnectionForms,
  providerConnectionFormsOfCrd,
  providerConnectionFormsOfOpenApi,
} from './render/providerConnectionForm';
export type {
  InstalledProviderConnectionForms,
  ProviderConnectionConversion,
  ProviderConnectionForm,
  ProviderConnectionFormProblem,
  ProviderConnectionList,
} from './render/providerConnectionForm';
export { resolveSetup } from './render/resolveSetup';
export { describeSetupSecrets } from './render/setupSecrets';
export type {
  OperatorHelmValues,
  PlannedObject,
  RenderPlan,
  RequiredSecret,
  SetupSecret,
  SetupSecretId,
} from './render/types';
export type {
  ExpectedSecret,
  ExpectedSecrets,
  InstanceSnapshot,
  RoleRead,
} from './snapshot/InstanceSnapshot';
export { requiredReads } from './snapshot/requiredReads';
export type { RequiredRead } from './snapshot/requiredReads';
export { SNAPSHOT_RESOURCES } from './snapshot/resources';
export type { SnapshotResource } from './snapshot/resources';
export { sourceRefOf } from './snapshot/selectors';
export type { ResolvedSourceRef } from './snapshot/selectors';
export { buildInstanceStatus } from './status/buildInstanceStatus';
export {
  findInstanceObject,
  instanceObjectRefs,
} from './status/instanceObjects';
export type { InstanceObjectRef } from './status/instanceObjects';
export {
  RECONCILE_KINDS,
  reconcileAnnotations,
} from './status/reconcileAnnotations';
export { summarizeStatus } from './status/summarizeInstance';
export {
  namespaceAllowed,
  namespacePatternProblem,
} from './targets/namespacePatterns';
export type {
  Application,
  ApplicationCondition,
  ApplicationDestination,
  ApplicationHealthStatusCode,
  ApplicationOperationPhase,
  ApplicationSource,
  ApplicationSyncStatusCode,
} from './types/argo';
export type {
  FluxArtifact,
  FluxCrossNamespaceSourceReference,
  FluxDependencyReference,
  FluxKubeConfigReference,
  FluxObjectStatus,
  FluxSecretKeyReference,
  FluxSourceSpec,
  FluxSourceStatus,
  GitRepository,
  HelmChartTemplate,
  HelmRelease,
  HelmReleaseRemediation,
  HelmReleaseSnapshot,
  HelmReleaseSpec,
  HelmReleaseStatus,
  HelmRepository,
  Kustomization,
  OCIRepository,
} from './types/flux';
export type {
  Condition,
  ConfigMap,
  KubernetesObject,
  ObjectMeta,
  SecretMetadata,
} from './types/kubernetes';
export type {
  ExposureConfig,
  ExtraDefaultAPIBinding,
  ExtraWorkspace,
  FeatureToggle,
  KcpConfig,
  OcmConfig,
  PlatformMesh,
  PlatformMeshSpec,
  PlatformMeshStatus,
  ProviderConnection,
  WaitResourceType,
} from './types/platformMesh';
export type {
  ProfileOcmRef,
  ServiceConfig,
  ServiceDependency,
  ServiceImageResource,
} from './types/profile';
export type { ReconcileKind } from './types/reconcile';
export type {
  KubeconfigCredential,
  KubeconfigSource,
  PlatformMeshSetup,
  ProfileInfraComponentName,
  ProfileOptions,
  ResolvedPlatformMeshSetup,
  SecretKeyRef,
  SetupExposure,
  SetupInstance,
  SetupKubeconfigs,
  SetupProfile,
  SetupProfileConfigMap,
  SetupSecrets,
  SetupTarget,
} from './types/setup';
export type {
  ClusterError,
  ClusterErrorType,
  ClusterRole,
  ClusterRoleStatus,
  ConditionStatus,
  DeploymentTechnology,
  Diagnostic,
  DiagnosticId,
  DiagnosticSeverity,
  Health,
  InstanceDeletion,
  InstanceRef,
  InstanceStatus,
  InstanceSummary,
  KcpWorkspaceStatus,
  OcmResourceStatus,
  PipelineStep,
  ReleaseStatus,
  SecretStatus,
  SourceStatus,
  TargetSummary,
} from './types/status';
export { quoteForMessage, truncateForMessage } from './validation/echo';
export { normalizeEntityRef } from './validation/entityRef';
export type { EntityRefCheck } from './validation/entityRef';
export { INPUT_LIMITS } from './validation/limits';
export {
  isDataKey,
  isDnsLabel,
  isDnsSubdomain,
  isHttpUrl,
} from './validation/rules';
export type {
  SetupValidationResult,
  ValidationProblem,
} from './validation/types';
export { validateSetup } from './validation/validateSetup';
