export {
  DEFAULT_DIAGNOSTIC_GRACE_SECONDS,
  DEFAULT_STOPPED_STEP_GRACE_SECONDS,
  type DiagnosticOptions,
  type DiagnosticRule,
} from './types';
export { operatorKubeconfigSecretRule } from './operatorKubeconfigSecret';
export { infraKubeconfigSecretRule } from './infraKubeconfigSecret';
export { crOnWrongClusterRule } from './crOnWrongCluster';
export { notReconciledRule, OPERATOR_DEBUG_LABEL } from './notReconciled';
export { profileMissingRule, profileConfigMapRefOf } from './profileMissing';
export {
  fluxKubeconfigSecretRule,
  FLUX_DEFAULT_KUBECONFIG_KEYS,
} from './fluxKubeconfigSecret';
export { helmreleaseMissingKubeconfigRule } from './helmreleaseMissingKubeconfig';
export { sourceMissingRule } from './sourceMissing';
export {
  argocdDestinationRule,
  ARGOCD_SECRET_TYPE_LABEL,
} from './argocdDestination';
export { instanceTerminatingRule } from './instanceTerminating';
export { namespaceSharedRule } from './namespaceShared';
export { releaseRetriesExceededRule } from './releaseRetriesExceeded';
export { releaseKubeconfigErrorRule } from './releaseKubeconfigError';
export { releaseChartRenderRule } from './releaseChartRender';
export { releaseNamespaceMissingRule } from './releaseNamespaceMissing';
export { releaseRolledBackRule } from './releaseRolledBack';
export { pipelineStoppedRule } from './pipelineStopped';
export { readFailedRule } from './readFailed';
export { diagnosticRules } from './rules';
export { runDiagnostics } from './runDiagnostics';
