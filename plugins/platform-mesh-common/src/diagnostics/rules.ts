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
import { readFailedRule } from './readFailed';
import { sourceMissingRule } from './sourceMissing';
import type { DiagnosticRule } from './types';

/**
 * Every diagnostic rule, in the order of design.md's troubleshooting table, then
 * `instance-terminating`, `namespace-shared` and `read-failed`.
 *
 * @public
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
  readFailedRule,
];
