import { findCondition } from '../health/conditions';
import { helmReleaseFailureCount } from '../health/helmReleaseFailures';
import type { Diagnostic } from '../types/status';
import {
  currentHelmReleases,
  fluxReconcile,
  quoted,
  releaseOnInfra,
} from './releaseText';
import type { DiagnosticRule } from './types';

/** What helm-controller's remediation did, by the `Remediated` reason. */
const REMEDIATIONS: Record<string, string> = {
  RollbackSucceeded: 'rolled back the failed upgrade',
  UninstallSucceeded: 'uninstalled the failed install',
};

/**
 * `release-rolled-back`: helm-controller remediated a failed Helm action of an operator-created
 * HelmRelease (`Remediated=True`, reason `RollbackSucceeded` after a failed upgrade or
 * `UninstallSucceeded` after a failed install) and is still retrying: the runtime cluster runs
 * the previous revision (`status.history[0]`), or nothing, not what the spec asks for. A warning
 * (Flux retries on its own); a release that stopped retrying is `release-retries-exceeded`
 * instead.
 */
export const releaseRolledBackRule: DiagnosticRule = {
  id: 'release-rolled-back',
  evaluate(snapshot) {
    return currentHelmReleases(snapshot).flatMap((hr): Diagnostic[] => {
      const remediated = findCondition(hr, 'Remediated');
      const did = remediated?.reason && REMEDIATIONS[remediated.reason];
      if (remediated?.status !== 'True' || !did) return [];
      if (findCondition(hr, 'Stalled')?.status === 'True') return [];
      // the Ready message is the remediation's; the Helm error is on Released
      const released = findCondition(hr, 'Released');
      const ready = findCondition(hr, 'Ready');
      const failure = released?.status === 'False' ? released : ready;
      const running = hr.status?.history?.[0];
      const runs =
        remediated.reason === 'RollbackSucceeded' && running
          ? `the runtime cluster runs revision ${running.version} (${running.chartName}@${running.chartVersion}) again`
          : 'nothing of it runs on the runtime cluster';
      const wanted = hr.status?.lastAttemptedRevision;
      const failures = helmReleaseFailureCount(hr);
      const error =
        failure?.status === 'False' && failure.message !== remediated.message
          ? ` (${quoted(failure.message)})`
          : '';
      return [
        {
          id: 'release-rolled-back',
          severity: 'warning',
          cluster: 'infra',
          summary: `HelmRelease ${hr.metadata.name} was ${
            remediated.reason === 'RollbackSucceeded'
              ? 'rolled back'
              : 'uninstalled after a failed install'
          }`,
          detail: `The last ${
            hr.status?.lastAttemptedReleaseAction ?? 'Helm action'
          } of ${releaseOnInfra(snapshot, hr)}${
            wanted ? ` to chart version ${wanted}` : ''
          } failed${error}, and Flux ${did}: ${runs}, not what the spec asks for. ${quoted(
            remediated.message,
          )}. Flux tries again on its own${
            failures ? ` (${failures} failed attempts so far)` : ''
          } until its remediation retries are used up.`,
          hint: `Fix what made the ${
            hr.status?.lastAttemptedReleaseAction ?? 'Helm action'
          } fail (the error above; the workloads' events on the runtime cluster say more); Flux's next attempt then succeeds, or run ${fluxReconcile(
            hr,
          )} on the infra cluster to try at once. If it stalls with RetriesExceeded, ${fluxReconcile(
            hr,
            '--reset',
          )} lets it try again.`,
        },
      ];
    });
  },
};
