import type {
  Diagnostic,
  Health,
  InstanceStatus,
  ReleaseStatus,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { baseStatus, minutesAgo, REF } from './base';

/** The release-level diagnostic ids, and the step diagnostic `pipeline-stopped`. */
export type ReleaseDiagnosticId =
  | 'release-retries-exceeded'
  | 'release-kubeconfig-error'
  | 'release-chart-render-failed'
  | 'release-namespace-missing'
  | 'release-rolled-back'
  | 'pipeline-stopped';

/** One case: the finding as the backend writes it, and the release row and overall it goes with. */
interface ReleaseProblem {
  diagnostic: Diagnostic;
  /** The release row the finding is about (replaces the healthy row of the same name). */
  release?: Partial<ReleaseStatus> & { name: string; health: Health };
  overall: Health;
}

const NS = REF.namespace;

/**
 * The findings of the release rules, with the texts `plugin-platform-mesh-common`'s rules write
 * for the recorded real-Flux objects (B7 for RESTClientError; its shape with other Ready messages
 * for the render and namespace cases; the hand-made stalled and remediated releases).
 */
export const RELEASE_PROBLEMS: Record<ReleaseDiagnosticId, ReleaseProblem> = {
  'release-retries-exceeded': {
    overall: 'failed',
    release: {
      name: 'keycloak',
      health: 'failed',
      reason: 'RetriesExceeded',
      message:
        'Failed to upgrade after 4 attempt(s) — Helm upgrade failed for release platform-mesh-system/keycloak with chart keycloak@25.2.0: context deadline exceeded',
      failures: 4,
    },
    diagnostic: {
      id: 'release-retries-exceeded',
      severity: 'error',
      cluster: 'infra',
      summary: 'HelmRelease keycloak has given up: retries exceeded',
      detail: `HelmRelease ${NS}/keycloak on the infra cluster "infra" is Stalled (RetriesExceeded): Failed to upgrade after 4 attempt(s). The last Helm error: Helm upgrade failed for release ${NS}/keycloak with chart keycloak@25.2.0: context deadline exceeded. Flux does not retry the upgrade on its own any more: only a change of the HelmRelease's spec or a reset or forced reconcile makes it try again.`,
      hint: `Fix the cause of the last error first, then ask Flux to try again on the infra cluster: flux reconcile helmrelease keycloak -n ${NS} --reset (clears the failure counts; --force instead runs one install or upgrade at once), or without the flux CLI: T=$(date +%s); kubectl -n ${NS} annotate --overwrite helmreleases.helm.toolkit.fluxcd.io keycloak reconcile.fluxcd.io/requestedAt="$T" reconcile.fluxcd.io/resetAt="$T" (reconcile.fluxcd.io/forceAt for a forced run; its value must equal reconcile.fluxcd.io/requestedAt). A profile change that changes the release's spec also makes Flux try again.`,
    },
  },
  'release-kubeconfig-error': {
    overall: 'degraded',
    release: {
      name: 'portal',
      health: 'degraded',
      reason: 'RESTClientError',
      message: `could not get KubeConfig secret '${NS}/platform-mesh-runtime-secret': secrets "platform-mesh-runtime-secret" not found`,
    },
    diagnostic: {
      id: 'release-kubeconfig-error',
      severity: 'error',
      cluster: 'infra',
      summary:
        'HelmRelease portal is stuck on its kubeConfig Secret, which exists now',
      detail: `HelmRelease ${NS}/portal on the infra cluster "infra" has failed since 2026-12-01T19:30:03Z with RESTClientError: could not get KubeConfig secret '${NS}/platform-mesh-runtime-secret': secrets "platform-mesh-runtime-secret" not found. The Secret ${NS}/platform-mesh-runtime-secret (key kubeconfig) exists now, but helm-controller only reads it again at its next retry, which can be many minutes away after repeated failures.`,
      hint: `Ask Flux to retry now, on the infra cluster: flux reconcile helmrelease portal -n ${NS}, or without the flux CLI: T=$(date +%s); kubectl -n ${NS} annotate --overwrite helmreleases.helm.toolkit.fluxcd.io portal reconcile.fluxcd.io/requestedAt="$T".`,
    },
  },
  'release-chart-render-failed': {
    overall: 'degraded',
    release: {
      name: 'openfga',
      health: 'degraded',
      reason: 'InstallFailed',
      message: `Helm install failed for release ${NS}/openfga with chart openfga@0.2.40: execution error at (openfga/templates/deployment.yaml:4:14): datastore.uri is required`,
      failures: 2,
    },
    diagnostic: {
      id: 'release-chart-render-failed',
      severity: 'error',
      cluster: 'infra',
      summary:
        'The chart openfga@0.2.40 of HelmRelease openfga does not render',
      detail: `Helm could not render the chart of HelmRelease ${NS}/openfga on the infra cluster "infra" (InstallFailed): Helm install failed for release ${NS}/openfga with chart openfga@0.2.40: execution error at (openfga/templates/deployment.yaml:4:14): datastore.uri is required. Flux tries again on every interval, but the same chart and values fail the same way.`,
      hint: `Correct the values in the profile ConfigMap ${NS}/platform-mesh-sample-profile on the runtime cluster (the operator renders spec.values from its components.openfga.values or infra section), or the chart version, so that the template renders (helm template with the same values shows the error locally). The operator picks up profile changes while the PlatformMesh is not Ready; once it is Ready, touch the PlatformMesh (e.g. add an annotation) to make it rewrite the release. Then flux reconcile helmrelease openfga -n ${NS} retries at once.`,
    },
  },
  'release-namespace-missing': {
    overall: 'degraded',
    release: {
      name: 'traefik',
      health: 'degraded',
      reason: 'InstallFailed',
      message: `Helm install failed for release ${NS}/traefik with chart traefik@37.1.1: create: failed to create: namespaces "${NS}" not found`,
      failures: 3,
    },
    diagnostic: {
      id: 'release-namespace-missing',
      severity: 'error',
      cluster: 'runtime',
      summary: `Namespace ${NS} is missing on the runtime cluster`,
      detail: `HelmRelease ${NS}/traefik on the infra cluster "infra" fails (InstallFailed): Helm install failed for release ${NS}/traefik with chart traefik@37.1.1: create: failed to create: namespaces "${NS}" not found. Helm stores the release in namespace ${NS} on the cluster it installs into, and install.createNamespace creates only the targetNamespace, so this namespace must exist on the runtime cluster "runtime".`,
      hint: `Create the namespace on the runtime cluster "runtime": kubectl create namespace ${NS}. Flux installs at its next attempt, or at once with flux reconcile helmrelease traefik -n ${NS} on the infra cluster.`,
    },
  },
  'release-rolled-back': {
    overall: 'degraded',
    release: {
      name: 'etcd-druid',
      health: 'degraded',
      reason: 'RollbackSucceeded',
      message: `Helm rollback to previous release ${NS}/etcd-druid.v3 with chart etcd-druid@v0.31.0 succeeded`,
      failures: 1,
    },
    diagnostic: {
      id: 'release-rolled-back',
      severity: 'warning',
      cluster: 'infra',
      summary: 'HelmRelease etcd-druid was rolled back',
      detail: `The last upgrade of HelmRelease ${NS}/etcd-druid on the infra cluster "infra" to chart version v0.32.0 failed (Helm upgrade failed for release ${NS}/etcd-druid with chart etcd-druid@v0.32.0: context deadline exceeded), and Flux rolled back the failed upgrade: the runtime cluster runs revision 3 (etcd-druid@v0.31.0) again, not what the spec asks for. Helm rollback to previous release ${NS}/etcd-druid.v3 with chart etcd-druid@v0.31.0 succeeded. Flux tries again on its own (1 failed attempts so far) until its remediation retries are used up.`,
      hint: `Fix what made the upgrade fail (the error above; the workloads' events on the runtime cluster say more); Flux's next attempt then succeeds, or run flux reconcile helmrelease etcd-druid -n ${NS} on the infra cluster to try at once. If it stalls with RetriesExceeded, flux reconcile helmrelease etcd-druid -n ${NS} --reset lets it try again.`,
    },
  },
  'pipeline-stopped': {
    overall: 'progressing',
    diagnostic: {
      id: 'pipeline-stopped',
      severity: 'warning',
      cluster: 'runtime',
      summary: 'DeploymentSubroutine has been stopped for 20 minutes',
      detail: `PlatformMesh ${NS}/platform-mesh-sample on the runtime cluster "runtime": DeploymentSubroutine has reported Stopped since 2026-12-01T19:20:00Z (RootShard is not ready), and the steps after it do not run until it goes on.`,
      hint: `The operator waits for kcp's RootShard and FrontProxy (operator.kcp.io) in namespace ${NS} on the runtime cluster to be Available: check the kcp-operator release and kubectl -n ${NS} get rootshards.operator.kcp.io,frontproxies.operator.kcp.io on the runtime cluster.`,
    },
  },
};

/** The release diagnostics, as entries of `DIAGNOSTICS`. */
export const RELEASE_DIAGNOSTICS: Record<ReleaseDiagnosticId, Diagnostic> =
  Object.fromEntries(
    Object.entries(RELEASE_PROBLEMS).map(([id, p]) => [id, p.diagnostic]),
  ) as Record<ReleaseDiagnosticId, Diagnostic>;

/**
 * A status where one release problem is what is wrong: its release row (problems first), the
 * overall health that goes with it, and the one finding. `pipeline-stopped` stops the
 * DeploymentSubroutine and leaves the later steps not reached.
 */
export function statusWithReleaseProblem(
  id: ReleaseDiagnosticId,
): InstanceStatus {
  const status = baseStatus();
  const problem = RELEASE_PROBLEMS[id];
  status.instance.overall = problem.overall;
  status.diagnostics = [problem.diagnostic];
  if (problem.release) {
    const { name } = problem.release;
    const row = status.releases.find(r => r.name === name)!;
    status.releases = [
      { ...row, ...problem.release, lastTransitionTime: minutesAgo(12) },
      ...status.releases.filter(r => r.name !== name),
    ];
  }
  if (id === 'pipeline-stopped') {
    status.conditions = status.conditions.map(c => {
      if (c.step === 'DeploymentSubroutine') {
        return {
          ...c,
          status: 'False',
          reason: 'Stopped',
          message: 'RootShard is not ready',
          lastTransitionTime: minutesAgo(20),
          health: 'progressing',
        };
      }
      if (c.step === 'Ready') {
        return {
          ...c,
          status: 'False',
          reason: 'Stopped',
          message: 'one or more subroutines stopped the chain',
          lastTransitionTime: minutesAgo(20),
          health: 'progressing',
        };
      }
      return {
        ...c,
        status: 'Unknown',
        reason: 'Unknown',
        message: `awaiting first reconciliation for ${c.step}`,
        notReached: true,
        health: 'unknown',
      };
    });
  }
  return status;
}
