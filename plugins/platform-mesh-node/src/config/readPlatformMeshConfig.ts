import { DEFAULT_DIAGNOSTIC_GRACE_SECONDS } from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type { Config } from '@backstage/config';
import { collectClusters } from './collectClusters';
import { collectTargets } from './collectTargets';
import { PlatformMeshConfigError } from './PlatformMeshConfigError';
import { readConfigValue } from './readConfigValue';
import type { PlatformMeshConfig } from './types';

const DEFAULT_RESYNC_SECONDS = 300;
const DEFAULT_REQUEST_TIMEOUT_SECONDS = 10;

/**
 * Reads and validates the whole `platformMesh` configuration (clusters, targets, cache, timeouts)
 * in one pass, as the plugins do at start-up.
 *
 * @throws {@link PlatformMeshConfigError} naming every broken entry of clusters and targets at once.
 * @public
 */
export function readPlatformMeshConfig(config: Config): PlatformMeshConfig {
  const problems: string[] = [];
  const collected = collectClusters(config, problems);
  const byName = new Map(collected.clusters.map(c => [c.name, c]));
  const targets = collectTargets(
    config,
    { names: collected.names, get: name => byName.get(name) },
    problems,
  );
  const resyncSeconds = positive(
    readConfigValue(
      config,
      'platformMesh.cache.resyncSeconds',
      'number',
      '',
      problems,
    ),
    'platformMesh.cache.resyncSeconds',
    DEFAULT_RESYNC_SECONDS,
    problems,
  );
  const timeoutSeconds = positive(
    readConfigValue(
      config,
      'platformMesh.requestTimeoutSeconds',
      'number',
      '',
      problems,
    ),
    'platformMesh.requestTimeoutSeconds',
    DEFAULT_REQUEST_TIMEOUT_SECONDS,
    problems,
  );
  const gracePeriodSeconds = nonNegative(
    readConfigValue(
      config,
      'platformMesh.diagnostics.gracePeriodSeconds',
      'number',
      '',
      problems,
    ),
    'platformMesh.diagnostics.gracePeriodSeconds',
    DEFAULT_DIAGNOSTIC_GRACE_SECONDS,
    problems,
  );
  if (problems.length > 0) {
    throw new PlatformMeshConfigError(
      problems.map(p => (p.startsWith('.') ? p.slice(1) : p)),
    );
  }
  return {
    clusters: collected.clusters,
    clusterSource: collected.source,
    targets,
    resyncSeconds,
    requestTimeoutMs: Math.round(timeoutSeconds * 1000),
    diagnosticsGracePeriodSeconds: gracePeriodSeconds,
  };
}

function nonNegative(
  value: number | undefined,
  path: string,
  fallback: number,
  problems: string[],
): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) {
    problems.push(`${path}: must be zero or a positive number`);
    return fallback;
  }
  return value;
}

function positive(
  value: number | undefined,
  path: string,
  fallback: number,
  problems: string[],
): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    problems.push(`${path}: must be a positive number`);
    return fallback;
  }
  return value;
}
