import {
  canRead,
  findSource,
  instanceHelmReleases,
  instanceKustomizations,
  sourceRefOf,
  SNAPSHOT_RESOURCES,
  type ResolvedSourceRef,
} from '../snapshot';
import type { HelmRelease, Kustomization } from '../types/flux';
import type { Diagnostic } from '../types/status';
import { elapsedMs, listNames, onCluster } from './text';
import { DEFAULT_DIAGNOSTIC_GRACE_SECONDS, type DiagnosticRule } from './types';

/** The field of a release that names its source. */
function sourceField(release: HelmRelease | Kustomization): string {
  if (release.kind === 'Kustomization') return 'spec.sourceRef';
  return release.spec?.chartRef ? 'spec.chartRef' : 'spec.chart.spec.sourceRef';
}

const CHECKED_KINDS = new Set([
  'OCIRepository',
  'HelmRepository',
  'GitRepository',
]);

function hintFor(ref: ResolvedSourceRef, runtimeNamespace: string): string {
  const create = `or create the ${ref.kind} ${ref.name} in namespace ${ref.namespace} on the infra cluster yourself`;
  return `The operator's ResourceSubroutine creates the ${ref.kind} ${ref.name} once the OCM Resource ${ref.name} or ${ref.name}-chart (resources.delivery.ocm.software) in namespace ${runtimeNamespace} on the runtime cluster resolves: check that Resource and the OCM Repository and Component named in the PlatformMesh's spec.ocm (kubectl -n ${runtimeNamespace} get resources.delivery.ocm.software,repositories.delivery.ocm.software,components.delivery.ocm.software), ${create}.`;
}

/**
 * `source-missing`: the source each operator-created HelmRelease (`spec.chartRef` or
 * `spec.chart.spec.sourceRef`) and Kustomization (`spec.sourceRef`) uses exists on the infra
 * cluster. Only OCIRepository, HelmRepository and GitRepository references are checked. Objects
 * younger than the grace period are skipped: the operator creates a source shortly after its
 * release. One finding per missing source, naming the objects that use it.
 */
export const sourceMissingRule: DiagnosticRule = {
  id: 'source-missing',
  evaluate(snapshot, options) {
    if (
      !canRead(
        snapshot,
        'infra',
        SNAPSHOT_RESOURCES.helmReleases,
        SNAPSHOT_RESOURCES.kustomizations,
        SNAPSHOT_RESOURCES.ociRepositories,
        SNAPSHOT_RESOURCES.helmRepositories,
        SNAPSHOT_RESOURCES.gitRepositories,
      )
    ) {
      return [];
    }
    const graceMs =
      (options?.gracePeriodSeconds ?? DEFAULT_DIAGNOSTIC_GRACE_SECONDS) * 1000;
    const missing = new Map<
      string,
      { ref: ResolvedSourceRef; users: Array<HelmRelease | Kustomization> }
    >();
    for (const release of [
      ...instanceHelmReleases(snapshot),
      ...instanceKustomizations(snapshot),
    ]) {
      const ref = sourceRefOf(release);
      if (!ref || !CHECKED_KINDS.has(ref.kind) || findSource(snapshot, ref))
        continue;
      const age = elapsedMs(snapshot.now, release.metadata.creationTimestamp);
      if (age !== undefined && age < graceMs) continue;
      const id = `${ref.kind}/${ref.namespace}/${ref.name}`;
      const entry = missing.get(id) ?? { ref, users: [] };
      entry.users.push(release);
      missing.set(id, entry);
    }
    return [...missing.values()].map(({ ref, users }): Diagnostic => {
      const usedBy = listNames(
        users.map(u => `${u.kind} ${u.metadata.name} (${sourceField(u)})`),
      );
      return {
        id: 'source-missing',
        severity: 'error',
        cluster: 'infra',
        summary: `${ref.kind} ${ref.name} is missing`,
        detail: `${usedBy} in namespace ${
          users[0].metadata.namespace
        } on ${onCluster(snapshot, 'infra')} ${
          users.length === 1 ? 'uses' : 'use'
        } ${ref.kind} ${ref.namespace}/${
          ref.name
        }, which does not exist there, so Flux cannot fetch what to deploy.`,
        hint: hintFor(ref, snapshot.ref.namespace),
      };
    });
  },
};
