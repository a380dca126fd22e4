export { describePlannedObject } from './describe';
export {
  renderOperatorHelmValues,
  renderOperatorHelmValuesYaml,
} from './helmValues';
export { buildArgocdClusterConfig, buildKubeconfig } from './kubeconfig';
export type { KubeconfigNames } from './kubeconfig';
export {
  renderKubeconfigSecrets,
  renderSetupSecret,
} from './kubeconfigSecrets';
export { renderInstanceCatalogEntity } from './instanceCatalogEntity';
export type {
  InstanceCatalogEntity,
  InstanceCatalogEntityOptions,
} from './instanceCatalogEntity';
export { instanceSettingsOf } from './instanceSettings';
export type { InstanceSettings } from './instanceSettings';
export { RENDERED_OBJECT_LABELS } from './labels';
export { diffLines, formatLineDiff } from './lineDiff';
export type { LineDiffHunk, LineDiffOptions } from './lineDiff';
export { stringifyManifests } from './manifests';
export { renderPlan } from './plan';
export type { RenderPlanOptions } from './plan';
export { renderPlatformMesh } from './platformMesh';
export type { RenderPlatformMeshOptions } from './platformMesh';
export { renderProfile } from './profile';
export {
  convertProviderConnectionForms,
  providerConnectionFormsOfCrd,
  providerConnectionFormsOfOpenApi,
  providerConnectionFormsOfSchema,
} from './providerConnectionForm';
export type {
  InstalledProviderConnectionForms,
  ProviderConnectionConversion,
  ProviderConnectionForm,
  ProviderConnectionFormProblem,
  ProviderConnectionList,
} from './providerConnectionForm';
export { renderProfileConfigMap } from './profileConfigMap';
export { REDACTED, redactObject } from './redact';
export { resolveDestinationServer, resolveSetup } from './resolveSetup';
export { describeSetupSecrets } from './setupSecrets';
export { sha256Hex } from './sha256';
export type {
  OperatorHelmValues,
  PlannedObject,
  RenderPlan,
  RequiredSecret,
  SetupSecret,
  SetupSecretId,
} from './types';
