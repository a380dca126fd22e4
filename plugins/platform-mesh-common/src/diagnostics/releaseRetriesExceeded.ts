import { findCondition } from '../health/conditions';
import type { Diagnostic } from '../types/status';
import {
  currentHelmReleases,
  fluxReconcile,
  quoted,
  reconcileAnnotation,
  releaseOnInfra,
} from './releaseText';
import type { DiagnosticRule } from './types';

/**
 * `release-retries-exceeded`: an operator-created HelmRelease is `Stalled=True/RetriesExceeded`
 * (helm-controller v1.4.3 used up the remediation retries of its install or upgrade). Flux does
 * not try again on its own: only a change of the release's spec (a new generation, e.g. from a
 * profile change the operator writes) or a reset or forced reconcile requested through
 * `flux reconcile helmrelease --reset` / `--force` or the `reconcile.fluxcd.io/resetAt` /
 * `forceAt` annotations with the same token in `reconcile.fluxcd.io/requestedAt`. One error per
 * such release, with the Stalled message and the last Helm error (the Ready message).
 */
export const releaseRetriesExceededRule: DiagnosticRule = {
  id: 'release-retries-exceeded',
  evaluate(snapshot) {
    return currentHelmReleases(snapshot).flatMap((hr): Diagnostic[] => {
      const stalled = findCondition(hr, 'Stalled');
      if (stalled?.status !== 'True' || stalled.reason !== 'RetriesExceeded') {
        return [];
      }
      const ready = findCondition(hr, 'Ready');
      const lastError =
        ready?.status === 'False' && ready.message !== stalled.message
          ? ` The last Helm error: ${quoted(ready.message)}.`
          : '';
      const action = hr.status?.lastAttemptedReleaseAction;
      return [
        {
          id: 'release-retries-exceeded',
          severity: 'error',
          cluster: 'infra',
          summary: `HelmRelease ${hr.metadata.name} has given up: retries exceeded`,
          detail: `${releaseOnInfra(
            snapshot,
            hr,
          )} is Stalled (RetriesExceeded): ${quoted(
            stalled.message,
          )}.${lastError} Flux does not retry ${
            action ? `the ${action}` : 'it'
          } on its own any more: only a change of the HelmRelease's spec or a reset or forced reconcile makes it try again.`,
          hint: `Fix the cause of the last error first, then ask Flux to try again on the infra cluster: ${fluxReconcile(
            hr,
            '--reset',
          )} (clears the failure counts; --force instead runs one install or upgrade at once), or without the flux CLI: ${reconcileAnnotation(
            hr,
            'resetAt',
          )} (reconcile.fluxcd.io/forceAt for a forced run; its value must equal reconcile.fluxcd.io/requestedAt). A profile change that changes the release's spec also makes Flux try again.`,
        },
      ];
    });
  },
};
