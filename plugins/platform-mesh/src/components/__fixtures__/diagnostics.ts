import type {
  Diagnostic,
  DiagnosticId,
  InstanceStatus,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { baseStatus, minutesAgo } from './base';
import { RELEASE_DIAGNOSTICS } from './releaseDiagnostics';

/** One realistic finding per diagnostic id (design.md's troubleshooting table). */
export const DIAGNOSTICS: Record<DiagnosticId, Diagnostic> = {
  ...RELEASE_DIAGNOSTICS,
  'operator-kubeconfig-secret': {
    id: 'operator-kubeconfig-secret',
    severity: 'error',
    cluster: 'operator',
    summary: 'Runtime kubeconfig Secret platform-mesh-kubeconfig is missing',
    detail:
      'Secret platform-mesh-kubeconfig in namespace platform-mesh-system on the operator cluster "operator" does not exist. The operator mounts it to reach the runtime cluster.',
    hint: 'Create the Secret platform-mesh-kubeconfig in namespace platform-mesh-system on the operator cluster with key kubeconfig holding a kubeconfig for the runtime cluster.',
  },
  'infra-kubeconfig-secret': {
    id: 'infra-kubeconfig-secret',
    severity: 'error',
    cluster: 'operator',
    summary:
      'Infra kubeconfig Secret platform-mesh-infra-kubeconfig has no key kubeconfig',
    detail:
      'Secret platform-mesh-infra-kubeconfig in namespace platform-mesh-system on the operator cluster "operator" has keys config, but not kubeconfig. The operator uses it to create HelmReleases on the infra cluster.',
    hint: 'Add the key kubeconfig holding a kubeconfig for the infra cluster to the Secret platform-mesh-infra-kubeconfig, or set remoteInfra.secretKey to the key that holds it.',
  },
  'cr-on-wrong-cluster': {
    id: 'cr-on-wrong-cluster',
    severity: 'warning',
    cluster: 'infra',
    summary:
      'A second PlatformMesh platform-mesh-sample exists on the infra cluster',
    detail:
      'PlatformMesh platform-mesh-system/platform-mesh-sample exists on the runtime cluster "runtime" and also on the infra cluster "infra". An operator reconciling the infra cluster would deploy a second copy from it.',
    hint: "Remove the copy from the infra cluster (kubectl delete platformmeshes.core.platform-mesh.io platform-mesh-sample -n platform-mesh-system); the runtime cluster's PlatformMesh is the one the remote operator uses.",
  },
  'not-reconciled': {
    id: 'not-reconciled',
    severity: 'info',
    cluster: 'runtime',
    summary:
      'The operator has not reconciled PlatformMesh platform-mesh-sample yet',
    detail:
      'PlatformMesh platform-mesh-system/platform-mesh-sample was created 2 minutes ago and has no conditions yet.',
    hint: 'Wait a few minutes; if it stays like this, check that the operator runs on the operator cluster with remoteRuntime.enabled=true and read its logs.',
  },
  'profile-missing': {
    id: 'profile-missing',
    severity: 'error',
    cluster: 'runtime',
    summary:
      'Profile ConfigMap platform-mesh-sample-profile has no profile.yaml',
    detail:
      'ConfigMap platform-mesh-system/platform-mesh-sample-profile on the runtime cluster "runtime" exists but has no key profile.yaml, so the operator renders nothing.',
    hint: 'Put the profile under the key profile.yaml of ConfigMap platform-mesh-sample-profile on the runtime cluster, next to the PlatformMesh (the platform-mesh:apply action renders it).',
  },
  'flux-kubeconfig-secret': {
    id: 'flux-kubeconfig-secret',
    severity: 'error',
    cluster: 'infra',
    summary: 'Flux kubeconfig Secret platform-mesh-runtime-secret is missing',
    detail:
      'Secret platform-mesh-runtime-secret in namespace platform-mesh-system on the infra cluster "infra" does not exist. 8 HelmReleases name it in spec.kubeConfig.secretRef, so Flux cannot reach the runtime cluster.',
    hint: 'Create the Secret platform-mesh-runtime-secret in namespace platform-mesh-system on the infra cluster with key kubeconfig holding a kubeconfig for the runtime cluster as the infra cluster reaches it.',
  },
  'helmrelease-missing-kubeconfig': {
    id: 'helmrelease-missing-kubeconfig',
    severity: 'warning',
    cluster: 'infra',
    summary:
      '2 HelmReleases deploy to the infra cluster instead of the runtime cluster',
    detail:
      'HelmReleases traefik and openfga in namespace platform-mesh-system on the infra cluster "infra" carry no spec.kubeConfig.secretRef.',
    hint: "Upgrade the operator's Helm release with remoteRuntime.enabled=true and remoteRuntime.infra.secretName naming the Flux kubeconfig Secret; the restarted operator re-renders these objects.",
  },
  'source-missing': {
    id: 'source-missing',
    severity: 'error',
    cluster: 'infra',
    summary: 'OCIRepository cert-manager is missing',
    detail:
      'HelmRelease cert-manager in namespace platform-mesh-system on the infra cluster "infra" uses OCIRepository platform-mesh-system/cert-manager, which does not exist there.',
    hint: "Check that the operator's infra profile lists cert-manager with its chart source; the operator creates the OCIRepository next to the HelmRelease on its next reconcile.",
  },
  'argocd-destination': {
    id: 'argocd-destination',
    severity: 'error',
    cluster: 'infra',
    summary:
      'Application cert-manager deploys into the infra cluster, not the runtime cluster',
    detail:
      "Application argocd/cert-manager has destination.server https://kubernetes.default.svc, which is the infra cluster itself; the runtime cluster's API is https://runtime.platform-mesh.test:6443.",
    hint: "Set destinationServer in the profile's infra and components sections to the runtime cluster's API as the infra cluster reaches it, and create the Argo CD cluster Secret for it in namespace argocd.",
  },
  'instance-terminating': {
    id: 'instance-terminating',
    severity: 'warning',
    cluster: 'runtime',
    summary:
      'PlatformMesh platform-mesh-sample has been terminating for 12 minutes',
    detail:
      'PlatformMesh platform-mesh-system/platform-mesh-sample on the runtime cluster "runtime" was deleted at 2026-12-01T19:30:00Z and still waits for its finalizers: platform-mesh.core.platform-mesh.io/finalizer (×2).',
    hint: "The finalizer platform-mesh.core.platform-mesh.io/finalizer is removed only by the operator's KcpsetupSubroutine and ProvidersecretSubroutine: the operator must be running with both enabled. Deleting a PlatformMesh leaves its HelmReleases (infra cluster) and OCM Resources (runtime cluster) behind: delete them yourself if they are no longer needed.",
  },
  'namespace-shared': {
    id: 'namespace-shared',
    severity: 'warning',
    cluster: 'runtime',
    summary:
      'PlatformMesh platform-mesh-sample shares namespace platform-mesh-system with PlatformMesh second',
    detail:
      "Namespace platform-mesh-system on the runtime cluster \"runtime\" holds PlatformMesh platform-mesh-sample and second. The operator creates each instance's releases in the PlatformMesh's namespace with the same names and no owner, so the releases listed here are those of every instance in the namespace: which release belongs to which instance is ambiguous, and the instances overwrite each other's releases.",
    hint: 'Keep one PlatformMesh per namespace: move second (with its profile ConfigMap) to a namespace of its own, or delete the extra PlatformMesh.',
  },
  'read-failed': {
    id: 'read-failed',
    severity: 'error',
    cluster: 'infra',
    summary:
      'Flux (its helm-controller) is not installed on the infra cluster "infra": helmreleases.helm.toolkit.fluxcd.io is not served',
    detail:
      'the infra cluster "infra" does not serve helmreleases.helm.toolkit.fluxcd.io, which the instance\'s deployment needs; so the instance\'s overall health is unknown until it can be read.',
    hint: 'Install Flux (its helm-controller) on the infra cluster "infra", or correct the target\'s cluster roles or deploymentTechnology in the Backstage configuration.',
  },
};

/** A status that carries exactly one finding: the one with id `id`. */
export function statusWithDiagnostic(id: DiagnosticId): InstanceStatus {
  const status = baseStatus();
  const diagnostic = DIAGNOSTICS[id];
  status.diagnostics = [diagnostic];
  if (diagnostic.severity === 'error') status.instance.overall = 'degraded';
  // a read that failed leaves the health unknown, never degraded (see buildInstanceStatus)
  if (id === 'read-failed') status.instance.overall = 'unknown';
  if (id === 'argocd-destination') {
    status.instance.deploymentTechnology = 'argocd';
    status.sources = [];
    status.releases = status.releases.map(r => ({
      ...r,
      kind: 'Application',
      namespace: 'argocd',
      reason: 'Synced',
      message: 'successfully synced (all tasks run)',
      lastTransitionTime: minutesAgo(30),
      targetsRemoteCluster: false,
    }));
  }
  return status;
}
