import { readFileSync } from 'node:fs';
import { InputError } from '@backstage/errors';
import {
  isKnownService,
  validateSetup,
  type KubeconfigSource,
  type PlatformMeshSetup,
  type SetupKubeconfigs,
  type ValidationProblem,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import type {
  PlatformMeshClustersService,
  PlatformMeshTarget,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import type { KubeconfigSourceId } from '../credentials/serviceAccountRbac';
import { parseKubeconfig } from '../credentials/parseKubeconfig';

/** How the kubeconfigs in the setup's Secrets are obtained. */
export type CredentialsMode = 'serviceAccount' | 'secrets' | 'none';

/** Default names of the task secrets that hold kubeconfigs (`credentials: secrets`). */
export const DEFAULT_KUBECONFIG_SECRETS: Record<KubeconfigSourceId, string> = {
  operatorToRuntime: 'operatorToRuntimeKubeconfig',
  operatorToInfra: 'operatorToInfraKubeconfig',
  infraToRuntime: 'infraToRuntimeKubeconfig',
};

/** A placeholder credential: what a ServiceAccount token will replace. Never written. */
export const PLACEHOLDER_TOKEN = 'placeholder-for-a-serviceaccount-token';

/** The inputs shared by the render and apply actions, after checks and defaults. */
export interface SetupInput {
  target: PlatformMeshTarget;
  /** The setup without kubeconfigs (they depend on the credentials mode). */
  setup: PlatformMeshSetup;
  credentials: CredentialsMode;
  /** `credentials: secrets`: the kubeconfigs read from the task secrets. Holds credentials. */
  secretKubeconfigs: SetupKubeconfigs;
  /** The server URLs the consumers use (for ServiceAccount kubeconfigs). */
  servers: { runtime: string; infra: string };
  entity: { name: string; owner: string };
}

interface Problem {
  field: string;
  message: string;
}

type Raw = Record<string, unknown>;

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads one field with a type check; undefined (and a problem) when it has the wrong type. */
function field<T>(
  raw: Raw,
  name: string,
  type: 'string' | 'number' | 'boolean' | 'object' | 'string[]',
  problems: Problem[],
  options: { required?: boolean } = {},
): T | undefined {
  const value = raw[name];
  if (value === undefined || value === null || value === '') {
    if (options.required)
      problems.push({ field: name, message: 'is required' });
    return undefined;
  }
  const checks: Record<typeof type, [boolean, string]> = {
    object: [isObject(value), 'a mapping'],
    'string[]': [
      Array.isArray(value) && value.every(v => typeof v === 'string'),
      'a list of strings',
    ],
    string: [typeof value === 'string', 'a string'],
    number: [typeof value === 'number', 'a number'],
    boolean: [typeof value === 'boolean', 'a boolean'],
  };
  const [ok, expected] = checks[type];
  if (!ok) {
    problems.push({
      field: name,
      message: `must be ${expected}, got ${describeType(value)}`,
    });
    return undefined;
  }
  return value as T;
}

/** Maps a path of `validateSetup` onto the input field the user set. */
function inputField(path: string, credentials: CredentialsMode): string {
  const rules: Array<[RegExp, string | ((m: RegExpMatchArray) => string)]> = [
    [/^instance\.name$/, 'name'],
    [/^instance\.namespace$/, 'namespace'],
    [/^instance$/, 'name'],
    [/^exposure\.(baseDomain|port|protocol)$/, m => m[1]],
    [/^exposure$/, 'baseDomain'],
    [/^profile\.yaml(.*)$/, m => `profile${m[1]}`],
    [/^profile\.options\.services(.*)$/, m => `services${m[1]}`],
    [/^profile\.options\.destinationServer$/, 'runtimeServerUrl'],
    [
      /^profile\.options\.serviceOverrides(.*)$/,
      m => `serviceOverrides${m[1]}`,
    ],
    [/^profile(\..*)?$/, 'profile'],
    [/^featureToggles\[(\d+)\](\.name)?$/, m => `featureToggles[${m[1]}]`],
    [/^secrets\.(.*)$/, m => `secretNames.${m[1]}`],
    [/^target(\..*)?$/, 'target'],
  ];
  if (credentials !== 'secrets') {
    rules.push(
      [
        /^kubeconfigs\.(operatorToRuntime|infraToRuntime)(\..*)?$/,
        'runtimeServerUrl',
      ],
      [/^kubeconfigs\.operatorToInfra(\..*)?$/, 'infraServerUrl'],
    );
  } else {
    rules.push([
      /^kubeconfigs\.(\w+)(\..*)?$/,
      m => `kubeconfigSecrets.${m[1]}${m[2] ?? ''}`,
    ]);
  }
  for (const [pattern, replacement] of rules) {
    const match = path.match(pattern);
    if (match) {
      return typeof replacement === 'string' ? replacement : replacement(match);
    }
  }
  return path;
}

function toInputError(problems: Problem[]): InputError {
  const fields = [...new Set(problems.map(p => p.field))];
  return new InputError(
    `Invalid input (${fields.join(', ')}): ${problems
      .map(p => `${p.field}: ${p.message}`)
      .join('; ')}`,
  );
}

/**
 * A kubeconfig source for a configured cluster as a consumer reaches it at `server`: the CA from
 * the cluster's config (`caData`, else `caFile`), `insecure-skip-tls-verify` only when the config
 * skips TLS verification and has no CA, and a placeholder token.
 */
function clusterSource(
  clusters: PlatformMeshClustersService,
  cluster: string,
  server: string,
): KubeconfigSource {
  const details = clusters.config.clusters.find(c => c.name === cluster);
  const source: KubeconfigSource = {
    server,
    credential: { token: PLACEHOLDER_TOKEN },
  };
  let caData = details?.caData?.replace(/\s+/g, '');
  if (!caData && details?.caFile) {
    try {
      caData = readFileSync(details.caFile).toString('base64');
    } catch {
      // reported by the clusters service at start-up
    }
  }
  if (caData) {
    source.caData = caData;
  } else if (details?.skipTLSVerify && server.startsWith('https:')) {
    source.insecureSkipTlsVerify = true;
  }
  return source;
}

/**
 * The kubeconfig sources ServiceAccount tokens complete: the server URLs as the operator, Flux and
 * Argo CD reach the clusters, each cluster's CA from config, and a placeholder token.
 *
 * @param input - the checked input
 * @param clusters - the clusters service
 */
export function serviceAccountKubeconfigs(
  input: Pick<SetupInput, 'target' | 'servers'>,
  clusters: PlatformMeshClustersService,
): SetupKubeconfigs {
  const { target, servers } = input;
  const result: SetupKubeconfigs = {
    operatorToRuntime: clusterSource(
      clusters,
      target.runtimeCluster,
      servers.runtime,
    ),
    infraToRuntime: clusterSource(
      clusters,
      target.runtimeCluster,
      servers.runtime,
    ),
  };
  if (!target.operatorIsInfra) {
    result.operatorToInfra = clusterSource(
      clusters,
      target.infraCluster,
      servers.infra,
    );
  }
  return result;
}

/**
 * Checks and normalizes the shared inputs: every problem at once, named by its input field
 * (`baseDomain`, `kcp.providerConnections[0].secret`, `kubeconfigSecrets.operatorToRuntime`),
 * then the setup is validated by `validateSetup` and its problems mapped onto the same fields.
 * Throws one `InputError`; nothing is read from or written to a cluster. Messages never quote a
 * task secret.
 *
 * @param raw - the action input
 * @param options - the clusters service, the task secrets, defaults of the action
 */
export function readSetupInput(
  raw: unknown,
  options: {
    clusters: PlatformMeshClustersService;
    secrets?: Record<string, string | undefined>;
    defaultCredentials: CredentialsMode;
    defaultOwner?: string;
    /**
     * Read kubeconfigs from the task secrets with `credentials: secrets` (default true). The render
     * action reads them only when it may write them.
     */
    readSecretKubeconfigs?: boolean;
    /** Extra checks of action-specific fields, reported with the shared ones. */
    extraProblems?: Problem[];
  },
): SetupInput {
  const problems: Problem[] = [...(options.extraProblems ?? [])];
  if (!isObject(raw)) {
    throw toInputError([
      {
        field: 'input',
        message: `must be a mapping, got ${describeType(raw)}`,
      },
    ]);
  }
  const { clusters } = options;

  const targetName = field<string>(raw, 'target', 'string', problems, {
    required: true,
  });
  let target: PlatformMeshTarget | undefined;
  if (targetName) {
    target = clusters.listTargets().find(t => t.name === targetName);
    if (!target) {
      const known = clusters.listTargets().map(t => t.name);
      problems.push({
        field: 'target',
        message: `"${targetName}" is not a configured target (platformMesh.targets: ${
          known.length > 0 ? known.join(', ') : 'none configured'
        })`,
      });
    }
  }
  const name = field<string>(raw, 'name', 'string', problems, {
    required: true,
  });
  const namespace = field<string>(raw, 'namespace', 'string', problems);
  const baseDomain = field<string>(raw, 'baseDomain', 'string', problems);
  const port = field<number>(raw, 'port', 'number', problems);
  const protocol = field<string>(raw, 'protocol', 'string', problems);
  const services = field<string[]>(raw, 'services', 'string[]', problems);
  const serviceOverrides = field<Record<string, any>>(
    raw,
    'serviceOverrides',
    'object',
    problems,
  );
  const technology = field<string>(
    raw,
    'deploymentTechnology',
    'string',
    problems,
  );
  const profile = field<string>(raw, 'profile', 'string', problems);
  const featureToggles = field<string[]>(
    raw,
    'featureToggles',
    'string[]',
    problems,
  );
  const kcp = field<Record<string, unknown>>(raw, 'kcp', 'object', problems);
  const values = field<Record<string, unknown>>(
    raw,
    'values',
    'object',
    problems,
  );
  const profileConfigMapName = field<string>(
    raw,
    'profileConfigMapName',
    'string',
    problems,
  );
  const secretNames = field<Record<string, any>>(
    raw,
    'secretNames',
    'object',
    problems,
  );
  const credentialsValue = field<string>(
    raw,
    'credentials',
    'string',
    problems,
  );
  const kubeconfigSecrets = field<Record<string, unknown>>(
    raw,
    'kubeconfigSecrets',
    'object',
    problems,
  );
  const runtimeServerUrl = field<string>(
    raw,
    'runtimeServerUrl',
    'string',
    problems,
  );
  const infraServerUrl = field<string>(
    raw,
    'infraServerUrl',
    'string',
    problems,
  );
  const entityName = field<string>(raw, 'entityName', 'string', problems);
  const owner = field<string>(raw, 'owner', 'string', problems);

  if (protocol !== undefined && protocol !== 'http' && protocol !== 'https') {
    problems.push({
      field: 'protocol',
      message: `must be http or https, got ${JSON.stringify(protocol)}`,
    });
  }
  if (!baseDomain && (port !== undefined || protocol !== undefined)) {
    problems.push({
      field: 'baseDomain',
      message:
        'is required when port or protocol is set (the operator uses all three exposure fields together)',
    });
  }
  for (const [fieldName, value] of [
    ['services', services],
    ['serviceOverrides', serviceOverrides],
  ] as const) {
    if (profile !== undefined && value !== undefined) {
      problems.push({
        field: fieldName,
        message:
          'cannot be combined with profile: a given profile YAML lists its own services',
      });
    }
  }
  for (const [i, service] of (services ?? []).entries()) {
    if (
      !isKnownService(service) &&
      !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(service)
    ) {
      problems.push({
        field: `services[${i}]`,
        message: `"${service}" is not a service name`,
      });
    }
  }
  const credentials = (credentialsValue ??
    options.defaultCredentials) as CredentialsMode;
  if (!['serviceAccount', 'secrets', 'none'].includes(credentials)) {
    problems.push({
      field: 'credentials',
      message: `must be serviceAccount, secrets or none, got ${JSON.stringify(
        credentials,
      )}`,
    });
  }
  if (
    technology !== undefined &&
    target &&
    technology !== target.deploymentTechnology
  ) {
    problems.push({
      field: 'deploymentTechnology',
      message: `is ${technology}, but target ${target.name} is configured for ${target.deploymentTechnology}`,
    });
  }
  if (kubeconfigSecrets && credentials !== 'secrets') {
    problems.push({
      field: 'kubeconfigSecrets',
      message: 'is only read with credentials: secrets',
    });
  }

  // Kubeconfigs from task secrets: named by the secret, never quoted.
  const secretKubeconfigs: SetupKubeconfigs = {};
  if (
    credentials === 'secrets' &&
    target &&
    options.readSecretKubeconfigs !== false
  ) {
    const wanted: KubeconfigSourceId[] = target.operatorIsInfra
      ? ['operatorToRuntime', 'infraToRuntime']
      : ['operatorToRuntime', 'operatorToInfra', 'infraToRuntime'];
    for (const key of Object.keys(kubeconfigSecrets ?? {})) {
      const value = kubeconfigSecrets?.[key];
      if (!(key in DEFAULT_KUBECONFIG_SECRETS)) {
        problems.push({
          field: `kubeconfigSecrets.${key}`,
          message:
            'is not a kubeconfig of the setup (operatorToRuntime, operatorToInfra, infraToRuntime)',
        });
      } else if (typeof value !== 'string' || !value) {
        problems.push({
          field: `kubeconfigSecrets.${key}`,
          message: 'must name a task secret',
        });
      }
    }
    let found = 0;
    for (const id of wanted) {
      const secretName =
        (kubeconfigSecrets?.[id] as string | undefined) ??
        DEFAULT_KUBECONFIG_SECRETS[id];
      const text = options.secrets?.[secretName];
      if (typeof text !== 'string' || text.trim() === '') continue;
      found++;
      const parsed = parseKubeconfig(text);
      if (parsed.ok) {
        secretKubeconfigs[id] = parsed.source;
      } else {
        problems.push({
          field: `kubeconfigSecrets.${id}`,
          message: `task secret "${secretName}" ${parsed.problem}`,
        });
      }
    }
    if (found === 0) {
      problems.push({
        field: 'kubeconfigSecrets',
        message: `credentials: secrets needs at least one kubeconfig in the task secrets (${wanted
          .map(
            id =>
              (kubeconfigSecrets?.[id] as string | undefined) ??
              DEFAULT_KUBECONFIG_SECRETS[id],
          )
          .join(', ')}); none was passed`,
      });
    }
  }

  if (!target || !name) {
    throw toInputError(problems);
  }

  const deploymentTechnology = target.deploymentTechnology;
  const servers = {
    runtime: (runtimeServerUrl ?? target.runtimeServerUrl).replace(/\/+$/, ''),
    infra: (
      infraServerUrl ??
      clusters.config.clusters.find(c => c.name === target!.infraCluster)
        ?.url ??
      ''
    ).replace(/\/+$/, ''),
  };
  const names = secretNames ?? {};
  const setup: PlatformMeshSetup = {
    instance: { name, namespace: namespace ?? target.namespace },
    target: {
      name: target.name,
      operatorCluster: target.operatorCluster,
      runtimeCluster: target.runtimeCluster,
      ...(target.operatorIsInfra ? {} : { infraCluster: target.infraCluster }),
      operatorNamespace: target.operatorNamespace,
    },
    deploymentTechnology,
    profile:
      profile !== undefined
        ? { yaml: profile }
        : {
            options: {
              ...(services ? { services } : {}),
              ...(serviceOverrides ? { serviceOverrides } : {}),
              ...(deploymentTechnology === 'argocd' &&
              (credentials !== 'secrets' ||
                runtimeServerUrl ||
                !secretKubeconfigs.infraToRuntime)
                ? { destinationServer: servers.runtime }
                : {}),
            },
          },
    secrets: {
      operatorRuntimeKubeconfig: {
        ...target.secrets.operatorRuntimeKubeconfig,
        ...names.operatorRuntimeKubeconfig,
      },
      operatorInfraKubeconfig: {
        ...target.secrets.operatorInfraKubeconfig,
        ...names.operatorInfraKubeconfig,
      },
      fluxRuntimeKubeconfig: {
        ...target.secrets.fluxRuntimeKubeconfig,
        ...names.fluxRuntimeKubeconfig,
      },
      ...(names.argocdClusterSecret
        ? {
            argocdClusterSecret: {
              name: 'platform-mesh-cluster-secret',
              namespace: 'argocd',
              ...names.argocdClusterSecret,
            },
          }
        : {}),
    },
  };
  if (baseDomain) {
    setup.exposure = {
      baseDomain,
      port: port ?? (protocol === 'http' ? 80 : 443),
      protocol: (protocol as 'http' | 'https') ?? 'https',
    };
  }
  if (featureToggles) {
    setup.featureToggles = featureToggles.map(toggle => ({ name: toggle }));
  }
  if (kcp) setup.kcp = kcp as PlatformMeshSetup['kcp'];
  if (values) setup.values = values;
  if (profileConfigMapName) setup.profileConfigMapName = profileConfigMapName;

  const input: SetupInput = {
    target,
    setup,
    credentials,
    secretKubeconfigs,
    servers,
    entity: {
      name: entityName ?? name,
      owner: owner ?? options.defaultOwner ?? 'unknown',
    },
  };

  // Validate the setup as it will be rendered: with the kubeconfigs the mode provides (a
  // placeholder token for ServiceAccounts), so server URLs are checked too.
  let kubeconfigs: SetupKubeconfigs | undefined;
  if (credentials === 'serviceAccount') {
    kubeconfigs = serviceAccountKubeconfigs(input, clusters);
  } else if (credentials === 'secrets') {
    kubeconfigs = secretKubeconfigs;
  }
  const validation = validateSetup({
    ...setup,
    ...(kubeconfigs && Object.keys(kubeconfigs).length > 0
      ? { kubeconfigs }
      : {}),
  });
  if (!validation.ok) {
    problems.push(
      ...validation.problems.map((p: ValidationProblem) => ({
        field: inputField(p.path, credentials),
        message: p.message,
      })),
    );
  }
  if (
    entityName !== undefined &&
    !/^[A-Za-z0-9][-A-Za-z0-9_.]{0,62}$/.test(entityName)
  ) {
    problems.push({
      field: 'entityName',
      message:
        'must be a catalog entity name (letters, digits, -, _ and ., at most 63)',
    });
  }
  if (problems.length > 0) throw toInputError(problems);
  return input;
}

export { toInputError, field as readField, type Problem };
