import { argocdDestinationRule } from './argocdDestination';
import { crOnWrongClusterRule } from './crOnWrongCluster';
import { fluxKubeconfigSecretRule } from './fluxKubeconfigSecret';
import { helmreleaseMissingKubeconfigRule } from './helmreleaseMissingKubeconfig';
import { infraKubeconfigSecretRule } from './infraKubeconfigSecret';
import { instanceTerminatingRule } from './instanceTerminating';
import { namespaceSharedRule } from './namespaceShared';
import { notReconciledRule } from './notReconciled';
import { operatorKubeconfigSecretRule } from './operatorKubeconfigSecret';
import { profileMissingRule } from './profileMissing';
import { pipelineStoppedRule } from './pipelineStopped';
import { readFailedRule } from './readFailed';
import { releaseChartRenderRule } from './releaseChartRender';
import { releaseKubeconfigErrorRule } from './releaseKubeconfigError';
import { releaseNamespaceMissingRule } from './releaseNamespaceMissing';
import { releaseRetriesExceededRule } from './releaseRetriesExceeded';
import { releaseRolledBackRule } from './releaseRolledBack';
import { sourceMissingRule } from './sourceMissing';
import type { DiagnosticRule } from './types';

/**
 * Every diagnostic rule, in the order of design.md's troubleshooting table, then
 * `instance-terminating`, `namespace-shared`, the release diagnostics (what helm-controller's
 * conditions say about each operator-created HelmRelease), `pipeline-stopped` and `read-failed`.
 */
export const diagnosticRules: readonly DiagnosticRule[] = [
  operatorKubeconfigSecretRule,
  infraKubeconfigSecretRule,
  crOnWrongClusterRule,
  notReconciledRule,
  profileMissingRule,
  fluxKubeconfigSecretRule,
  helmreleaseMissingKubeconfigRule,
  sourceMissingRule,
  argocdDestinationRule,
  instanceTerminatingRule,
  namespaceSharedRule,
  releaseRetriesExceededRule,
  releaseKubeconfigErrorRule,
  releaseChartRenderRule,
  releaseNamespaceMissingRule,
  releaseRolledBackRule,
  pipelineStoppedRule,
  readFailedRule,
];
