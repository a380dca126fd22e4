export {
  DEFAULT_DIAGNOSTIC_GRACE_SECONDS,
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
export { readFailedRule } from './readFailed';
export { diagnosticRules } from './rules';
export { runDiagnostics } from './runDiagnostics';
