import type { Config } from '@backstage/config';
import {
  PlatformMeshConfigError,
  type PlatformMeshClusterDetails,
  type PlatformMeshTarget,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';

/**
 * The write identity of one target for the Reconcile route: per role, the `platformMesh.clusters`
 * entry whose credential may patch the objects there (same API server as the role's cluster, a
 * different token). A role without an entry cannot be reconciled.
 */
export interface ReconcileClusters {
  runtime?: string;
  infra?: string;
}

const ROLES = ['runtime', 'infra'] as const;

/** The config key that enables Reconcile for a role of a target, for messages. */
export function reconcileConfigKey(
  target: PlatformMeshTarget,
  role: string,
): string {
  return `${target.configPath}.reconcile.clusters.${role}`;
}

/**
 * Reads `platformMesh.targets[].reconcile.clusters` (`runtime`, `infra`: cluster names). Each
 * name must be a configured cluster with the same API server URL as the target's cluster of that
 * role, and must not be that very cluster (whose identity is the read-only status reader).
 *
 * @param config - the root config
 * @param targets - the validated targets
 * @param clusters - the validated cluster entries
 * @throws PlatformMeshConfigError naming the broken keys (never a URL or token)
 */
export function readReconcileConfig(
  config: Config,
  targets: PlatformMeshTarget[],
  clusters: PlatformMeshClusterDetails[],
): Map<string, ReconcileClusters> {
  const problems: string[] = [];
  const result = new Map<string, ReconcileClusters>();
  const entries = config.getOptionalConfigArray('platformMesh.targets') ?? [];
  const byName = new Map(clusters.map(c => [c.name, c]));
  for (const [index, entry] of entries.entries()) {
    const name = entry.getOptionalString('name');
    const target = targets.find(t => t.name === name);
    if (!target || !entry.has('reconcile')) continue;
    const base = `platformMesh.targets[${index}].reconcile.clusters`;
    const chosen: ReconcileClusters = {};
    for (const role of ROLES) {
      let writeName: string | undefined;
      try {
        writeName = entry.getOptionalString(`reconcile.clusters.${role}`);
      } catch {
        problems.push(`${base}.${role}: must be a cluster name`);
        continue;
      }
      if (writeName === undefined) continue;
      const readName =
        role === 'runtime' ? target.runtimeCluster : target.infraCluster;
      const write = byName.get(writeName);
      if (!write) {
        problems.push(`${base}.${role}: unknown cluster "${writeName}"`);
      } else if (writeName === readName) {
        problems.push(
          `${base}.${role}: "${writeName}" is the target's ${role} cluster itself; name a separate entry with a write credential`,
        );
      } else if (
        normalizeUrl(write.url) !== normalizeUrl(byName.get(readName)?.url)
      ) {
        problems.push(
          `${base}.${role}: cluster "${writeName}" does not have the same url as the ${role} cluster "${readName}"`,
        );
      } else {
        chosen[role] = writeName;
      }
    }
    result.set(target.name, chosen);
  }
  if (problems.length > 0) throw new PlatformMeshConfigError(problems);
  return result;
}

function normalizeUrl(url: string | undefined): string | undefined {
  return url?.replace(/\/+$/, '');
}
