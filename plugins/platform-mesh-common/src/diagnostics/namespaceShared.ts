import { canRead, instancePlatformMesh, SNAPSHOT_RESOURCES } from '../snapshot';
import { agree, listNames, onCluster } from './text';
import type { DiagnosticRule } from './types';

/**
 * `namespace-shared` (warning): other PlatformMeshes (`runtime.otherPlatformMeshes`) live in the
 * instance's namespace on the runtime cluster. The operator renders every instance's HelmReleases,
 * Kustomizations or Applications into the PlatformMesh's namespace with the same names and no
 * owner, so each instance there is shown all of them and which release belongs to which instance
 * is ambiguous (and the instances overwrite each other's releases). Reported on each of them,
 * naming the others.
 */
export const namespaceSharedRule: DiagnosticRule = {
  id: 'namespace-shared',
  evaluate(snapshot) {
    if (!canRead(snapshot, 'runtime', SNAPSHOT_RESOURCES.platformMeshes))
      return [];
    const pm = instancePlatformMesh(snapshot);
    const others = (snapshot.runtime.otherPlatformMeshes ?? []).filter(
      name => name !== snapshot.ref.name,
    );
    if (!pm || others.length === 0) return [];
    const { namespace, name } = snapshot.ref;
    const kind = others.length === 1 ? 'PlatformMesh' : 'PlatformMeshes';
    return [
      {
        id: 'namespace-shared',
        severity: 'warning',
        cluster: 'runtime',
        summary: `PlatformMesh ${name} shares namespace ${namespace} with ${kind} ${listNames(
          others,
        )}`,
        detail: `Namespace ${namespace} on ${onCluster(
          snapshot,
          'runtime',
        )} holds PlatformMesh ${name} and ${listNames(
          others,
        )}. The operator creates each instance's releases in the PlatformMesh's namespace with the same names and no owner, so the releases listed here are those of every instance in the namespace: which release belongs to which instance is ambiguous, and the instances overwrite each other's releases.`,
        hint: `Keep one PlatformMesh per namespace: move ${listNames(
          others,
        )} (with ${agree(
          others.length,
          'its',
          'their',
        )} profile ConfigMap) to a namespace of ${agree(
          others.length,
          'its',
          'their',
        )} own, or delete the extra ${kind}.`,
      },
    ];
  },
};
