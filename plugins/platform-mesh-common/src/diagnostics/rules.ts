import { argocdDestinationRule } from './argocdDestination';
import { crOnWrongClusterRule } from './crOnWrongCluster';
import { fluxKubeconfigSecretRule } from './fluxKubeconfigSecret';
import { helmreleaseMissingKubeconfigRule } from './helmreleaseMissingKubeconfig';
import { infraKubeconfigSecretRule } from './infraKubeconfigSecret';
import { instanceTerminatingRule } from './instanceTerminating';
import { notReconciledRule } from './notReconciled';
import { operatorKubeconfigSecretRule } from './operatorKubeconfigSecret';
import { profileMissingRule } from './profileMissing';
import { sourceMissingRule } from './sourceMissing';
import type { DiagnosticRule } from './types';

/**
 * Every diagnostic rule, in the order of design.md's troubleshooting table, then
 * `instance-terminating`.
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
];
