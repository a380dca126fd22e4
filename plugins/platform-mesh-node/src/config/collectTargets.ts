import type { Config } from '@backstage/config';
import { type DeploymentTechnology } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  DEFAULT_NAMESPACE,
  DEFAULT_SECRETS,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import {
  isDataKey,
  isDnsLabel,
  isDnsSubdomain,
  namespacePatternProblem,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import { checkServerUrl } from './names';
import {
  readConfigArray,
  readConfigObject,
  readConfigValue,
} from './readConfigValue';
import type {
  PlatformMeshClusterDetails,
  PlatformMeshTarget,
  SecretKeyRef,
  TargetSecretNames,
} from './types';

const TECHNOLOGIES: DeploymentTechnology[] = ['fluxcd', 'argocd'];
const SECRET_KEYS: Array<keyof TargetSecretNames> = [
  'operatorRuntimeKubeconfig',
  'operatorInfraKubeconfig',
  'fluxRuntimeKubeconfig',
];

/** What target validation needs to know about the clusters. */
interface KnownClusters {
  /** Every configured cluster name (including entries that failed validation). */
  names: Set<string>;
  /** A valid cluster entry by name. */
  get(name: string): PlatformMeshClusterDetails | undefined;
}

/** Reads `platformMesh.targets`, applying defaults and recording every problem. */
export function collectTargets(
  config: Config,
  clusters: KnownClusters,
  problems: string[],
): PlatformMeshTarget[] {
  const entries =
    readConfigArray(
      config,
      'platformMesh.targets',
      'platformMesh.targets',
      problems,
    ) ?? [];
  const targets: PlatformMeshTarget[] = [];
  const seen = new Map<string, string>();
  entries.forEach((entry, i) => {
    const path = `platformMesh.targets[${i}]`;
    const target = readTarget(entry, path, clusters, problems);
    const name = target?.name ?? entry.getOptional('name');
    if (typeof name === 'string' && name) {
      const previous = seen.get(name);
      if (previous) {
        problems.push(
          `${path}.name: duplicate target name "${name}" (also ${previous})`,
        );
        return;
      }
      seen.set(name, path);
    }
    if (target) targets.push(target);
  });
  return targets;
}

function readTarget(
  entry: Config,
  path: string,
  clusters: KnownClusters,
  problems: string[],
): PlatformMeshTarget | undefined {
  const before = problems.length;
  const str = (key: string) =>
    readConfigValue(entry, key, 'string', path, problems)?.trim() || undefined;

  const name = str('name');
  if (!name) {
    problems.push(`${path}.name: is required`);
  } else if (!isDnsLabel(name)) {
    problems.push(
      `${path}.name: "${name}" must be a DNS label (lower-case letters, digits and '-')`,
    );
  }

  const clusterRef = (key: string, required: boolean) => {
    const value = str(key);
    if (!value) {
      if (required) problems.push(`${path}.${key}: is required`);
      return undefined;
    }
    if (!clusters.names.has(value)) {
      problems.push(`${path}.${key}: unknown cluster "${value}"`);
    }
    return value;
  };
  const operatorCluster = clusterRef('operatorCluster', true);
  const runtimeCluster = clusterRef('runtimeCluster', true);
  const infraCluster = clusterRef('infraCluster', false) ?? operatorCluster;

  const technology = str('deploymentTechnology');
  if (!technology) {
    problems.push(
      `${path}.deploymentTechnology: is required (${TECHNOLOGIES.join(
        ' or ',
      )})`,
    );
  } else if (!TECHNOLOGIES.includes(technology as DeploymentTechnology)) {
    problems.push(
      `${path}.deploymentTechnology: "${technology}" must be ${TECHNOLOGIES.join(
        ' or ',
      )}`,
    );
  }

  const namespace = namespaceValue(
    str('namespace'),
    `${path}.namespace`,
    problems,
  );
  const operatorNamespace = namespaceValue(
    str('operatorNamespace'),
    `${path}.operatorNamespace`,
    problems,
  );

  const namespaces = readNamespaces(entry, path, namespace, problems);

  const explicitServerUrl = str('runtimeServerUrl');
  if (explicitServerUrl) {
    const urlProblem = checkServerUrl(explicitServerUrl);
    if (urlProblem) problems.push(`${path}.runtimeServerUrl: ${urlProblem}`);
  } else if (technology === 'argocd') {
    problems.push(
      `${path}.runtimeServerUrl: is required for argocd targets (the runtime API URL as Argo CD on the infra cluster reaches it)`,
    );
  }

  const secrets = readSecrets(entry, path, problems);

  if (
    problems.length > before ||
    !name ||
    !operatorCluster ||
    !runtimeCluster ||
    !infraCluster
  ) {
    return undefined;
  }
  const runtimeServerUrl =
    explicitServerUrl?.replace(/\/+$/, '') ?? clusters.get(runtimeCluster)?.url;
  if (!runtimeServerUrl) {
    // The runtime cluster entry itself is broken; its own problem was reported.
    return undefined;
  }
  return {
    name,
    operatorCluster,
    runtimeCluster,
    infraCluster,
    operatorIsInfra: infraCluster === operatorCluster,
    deploymentTechnology: technology as DeploymentTechnology,
    namespace,
    operatorNamespace,
    namespaces,
    runtimeServerUrl,
    secrets,
    configPath: path,
  };
}

function namespaceValue(
  value: string | undefined,
  path: string,
  problems: string[],
): string {
  if (value === undefined) return DEFAULT_NAMESPACE;
  if (!isDnsLabel(value)) {
    problems.push(`${path}: "${value}" must be a DNS label`);
  }
  return value;
}

function readNamespaces(
  entry: Config,
  path: string,
  namespace: string,
  problems: string[],
): string[] {
  const values = readConfigValue(
    entry,
    'namespaces',
    'string[]',
    path,
    problems,
  );
  if (values === undefined) return [namespace];
  if (values.length === 0) {
    problems.push(
      `${path}.namespaces: must list at least one namespace or pattern (leave it out to allow only "${namespace}")`,
    );
  }
  values.forEach((value, i) => {
    const problem = namespacePatternProblem(value);
    if (problem) {
      problems.push(
        `${path}.namespaces[${i}]: "${value.slice(0, 80)}" ${problem}`,
      );
    }
  });
  return values;
}

function readSecrets(
  entry: Config,
  path: string,
  problems: string[],
): TargetSecretNames {
  const overrides = readConfigObject(
    entry,
    'secrets',
    `${path}.secrets`,
    problems,
  );
  const result = {} as TargetSecretNames;
  for (const key of SECRET_KEYS) {
    const defaults = DEFAULT_SECRETS[key];
    const secretPath = `${path}.secrets.${key}`;
    const override = overrides
      ? readConfigObject(overrides, key, secretPath, problems)
      : undefined;
    const ref: SecretKeyRef = { name: defaults.name, key: defaults.key };
    if (override) {
      const name = readConfigValue(
        override,
        'name',
        'string',
        secretPath,
        problems,
      );
      const dataKey = readConfigValue(
        override,
        'key',
        'string',
        secretPath,
        problems,
      );
      if (name !== undefined) {
        if (!isDnsSubdomain(name)) {
          problems.push(
            `${secretPath}.name: "${name}" is not a valid Secret name`,
          );
        }
        ref.name = name;
      }
      if (dataKey !== undefined) {
        if (!isDataKey(dataKey)) {
          problems.push(
            `${secretPath}.key: "${dataKey}" is not a valid data key`,
          );
        }
        ref.key = dataKey;
      }
    }
    result[key] = ref;
  }
  return result;
}
