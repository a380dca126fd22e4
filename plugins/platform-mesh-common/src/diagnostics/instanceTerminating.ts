import { PLATFORM_MESH_FINALIZER } from '../constants';
import { canRead, instancePlatformMesh, SNAPSHOT_RESOURCES } from '../snapshot';
import { formatFinalizers } from '../status/instanceDeletion';
import { elapsedMs, minutes, onCluster } from './text';
import { DEFAULT_DIAGNOSTIC_GRACE_SECONDS, type DiagnosticRule } from './types';

/**
 * `instance-terminating` (warning): the PlatformMesh has been terminating
 * (`metadata.deletionTimestamp` set, finalizers left) for longer than the grace period (default 2
 * minutes), counted from the deletionTimestamp against `snapshot.now`. Names the finalizers it
 * waits for. The operator's finalizer is removed only by its KcpsetupSubroutine and
 * ProvidersecretSubroutine, so a switched-off subroutine (or a stopped operator) keeps the object
 * Terminating; the hint also says that deleting a PlatformMesh leaves its HelmReleases and OCM
 * Resources behind.
 */
export const instanceTerminatingRule: DiagnosticRule = {
  id: 'instance-terminating',
  evaluate(snapshot, options) {
    if (!canRead(snapshot, 'runtime', SNAPSHOT_RESOURCES.platformMeshes))
      return [];
    const pm = instancePlatformMesh(snapshot);
    const since = pm?.metadata.deletionTimestamp;
    const finalizers = pm?.metadata.finalizers ?? [];
    if (!pm || !since || finalizers.length === 0) return [];
    const elapsed = elapsedMs(snapshot.now, since);
    const graceMs =
      (options?.gracePeriodSeconds ?? DEFAULT_DIAGNOSTIC_GRACE_SECONDS) * 1000;
    if (elapsed === undefined || elapsed < graceMs) return [];

    const { ref } = snapshot;
    const operatorOwned = finalizers.includes(PLATFORM_MESH_FINALIZER);
    const owner = operatorOwned
      ? `The finalizer ${PLATFORM_MESH_FINALIZER} is removed only by the operator's KcpsetupSubroutine and ProvidersecretSubroutine: the operator must be running in namespace ${
          snapshot.operatorNamespace
        } on ${onCluster(
          snapshot,
          'operator',
        )} with both enabled (--subroutines-kcp-setup-enabled=true, --subroutines-provider-secret-enabled=true); its logs say why finalizing does not finish. If they stay switched off, remove the finalizers by hand: kubectl -n ${
          ref.namespace
        } patch platformmeshes.core.platform-mesh.io ${
          ref.name
        } --type=merge -p '{"metadata":{"finalizers":null}}' (on the runtime cluster).`
      : 'Each finalizer is removed by the controller that owns it: check that controller.';
    return [
      {
        id: 'instance-terminating',
        severity: 'warning',
        cluster: 'runtime',
        summary: `PlatformMesh ${ref.name} has been terminating for ${minutes(
          elapsed,
        )}`,
        detail: `PlatformMesh ${ref.namespace}/${ref.name} on ${onCluster(
          snapshot,
          'runtime',
        )} was deleted at ${since} and still waits for its finalizers: ${formatFinalizers(
          finalizers,
        )}.`,
        hint: `${owner} Deleting a PlatformMesh leaves its HelmReleases (infra cluster) and OCM Resources (runtime cluster) behind: delete them yourself if they are no longer needed.`,
      },
    ];
  },
};
