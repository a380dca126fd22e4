import type { Config } from '@backstage/config';
import fs from 'node:fs';
import { checkServerUrl } from './names';
import { readConfigArray, readConfigValue } from './readConfigValue';
import type { PlatformMeshClusterDetails } from './types';
import type { ClusterRegistry } from './ClusterRegistry';

/** The built-in authProvider that reads a static token from config. */
export const SERVICE_ACCOUNT_AUTH_PROVIDER = 'serviceAccount';

interface CollectedClusters {
  source: ClusterRegistry['source'];
  /** The valid entries. */
  clusters: PlatformMeshClusterDetails[];
  /** Names of every entry that has one, valid or not (targets may refer to them). */
  names: Set<string>;
}

/**
 * Reads cluster entries from `platformMesh.clusters`, else from the Kubernetes plugin's
 * `kubernetes.clusterLocatorMethods[type=config].clusters`, recording every problem.
 */
export function collectClusters(
  config: Config,
  problems: string[],
): CollectedClusters {
  if (config.has('platformMesh.clusters')) {
    const entries =
      readConfigArray(
        config,
        'platformMesh.clusters',
        'platformMesh.clusters',
        problems,
      ) ?? [];
    return {
      source: 'platformMesh',
      ...readEntries(
        entries.map((entry, i) => ({
          entry,
          path: `platformMesh.clusters[${i}]`,
        })),
        problems,
      ),
    };
  }

  const methods =
    readConfigArray(
      config,
      'kubernetes.clusterLocatorMethods',
      'kubernetes.clusterLocatorMethods',
      problems,
    ) ?? [];
  const located: Array<{ entry: Config; path: string }> = [];
  methods.forEach((method, m) => {
    const path = `kubernetes.clusterLocatorMethods[${m}]`;
    if (
      readConfigValue(method, 'type', 'string', path, problems) !== 'config'
    ) {
      return;
    }
    const clusters =
      readConfigArray(method, 'clusters', `${path}.clusters`, problems) ?? [];
    clusters.forEach((entry, i) =>
      located.push({ entry, path: `${path}.clusters[${i}]` }),
    );
  });
  if (located.length === 0) {
    return { source: 'none', clusters: [], names: new Set() };
  }
  return { source: 'kubernetes', ...readEntries(located, problems) };
}

function readEntries(
  entries: Array<{ entry: Config; path: string }>,
  problems: string[],
): Omit<CollectedClusters, 'source'> {
  const clusters: PlatformMeshClusterDetails[] = [];
  const seen = new Map<string, string>();
  for (const { entry, path } of entries) {
    const { name, cluster } = readEntry(entry, path, problems);
    if (!name) continue;
    const previous = seen.get(name);
    if (previous) {
      problems.push(
        `${path}.name: duplicate cluster name "${name}" (also ${previous})`,
      );
      continue;
    }
    seen.set(name, path);
    if (cluster) clusters.push(cluster);
  }
  return { clusters, names: new Set(seen.keys()) };
}

function readEntry(
  entry: Config,
  path: string,
  problems: string[],
): { name?: string; cluster?: PlatformMeshClusterDetails } {
  const before = problems.length;
  const name = readConfigValue(entry, 'name', 'string', path, problems)?.trim();
  const url = readConfigValue(entry, 'url', 'string', path, problems)?.trim();
  const authProvider =
    readConfigValue(entry, 'authProvider', 'string', path, problems)?.trim() ||
    SERVICE_ACCOUNT_AUTH_PROVIDER;
  const serviceAccountToken = readConfigValue(
    entry,
    'serviceAccountToken',
    'string',
    path,
    problems,
  )?.trim();
  const caData = readConfigValue(
    entry,
    'caData',
    'string',
    path,
    problems,
  )?.trim();
  const caFile = readConfigValue(
    entry,
    'caFile',
    'string',
    path,
    problems,
  )?.trim();
  const skipTLSVerify = readConfigValue(
    entry,
    'skipTLSVerify',
    'boolean',
    path,
    problems,
  );

  if (!name) {
    problems.push(`${path}.name: is required`);
  }
  if (!url) {
    problems.push(`${path}.url: is required`);
  } else {
    const urlProblem = checkServerUrl(url);
    if (urlProblem) problems.push(`${path}.url: ${urlProblem}`);
  }
  if (authProvider === SERVICE_ACCOUNT_AUTH_PROVIDER && !serviceAccountToken) {
    problems.push(
      `${path}.serviceAccountToken: is required for authProvider "${SERVICE_ACCOUNT_AUTH_PROVIDER}"`,
    );
  }
  if (caData && !isBase64Pem(caData)) {
    problems.push(
      `${path}.caData: must be a base64-encoded PEM certificate bundle`,
    );
  }
  if (caData && caFile) {
    problems.push(`${path}: set only one of caData and caFile`);
  }
  if (caFile && !fs.existsSync(caFile)) {
    problems.push(`${path}.caFile: file does not exist`);
  }
  if (problems.length > before || !name || !url) {
    return { name };
  }
  const cluster: PlatformMeshClusterDetails = {
    name,
    url: url.replace(/\/+$/, ''),
    authProvider,
    serviceAccountToken: serviceAccountToken || undefined,
    caData: caData || undefined,
    caFile: caFile || undefined,
    skipTLSVerify: skipTLSVerify ?? false,
    configPath: path,
  };
  return { name, cluster };
}

function isBase64Pem(value: string): boolean {
  if (!/^[A-Za-z0-9+/=\s]+$/.test(value)) return false;
  return Buffer.from(value, 'base64')
    .toString('utf8')
    .includes('-----BEGIN CERTIFICATE-----');
}
