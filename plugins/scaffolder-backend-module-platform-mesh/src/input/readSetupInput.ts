import { readFileSync } from 'node:fs';
import {
  DEFAULT_SECRETS,
  INPUT_LIMITS,
  isHttpUrl,
  isKnownService,
  quoteForMessage,
  truncateForMessage,
  validateSetup,
  type KubeconfigSource,
  type PlatformMeshSetup,
  type SetupKubeconfigs,
  type ValidationProblem,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type {
  PlatformMeshClustersService,
  PlatformMeshTarget,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import type { KubeconfigSourceId } from '../credentials/serviceAccountRbac';
import { parseKubeconfig } from '../credentials/parseKubeconfig';
import { toInputError, type Problem } from './inputProblems';
import {
  instanceCatalogInput,
  readCatalogFields,
  type CatalogEntitySource,
  type InstanceCatalogInput,
} from './readCatalogInput';
import { mergeServiceRepoUrls, readServiceRepoUrls } from './serviceRepoUrls';
import {
  describeType,
  isObject,
  readField as field,
  readNumberField,
} from './readFields';

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
  /** The instance's catalog entity: name, owner, source template. */
  entity: InstanceCatalogInput;
  /** Annotations for the PlatformMesh (the owner and source template the template recorded). */
  annotations: Record<string, string>;
  /**
   * What was accepted but probably is a mistake (a duplicate key in the profile YAML, an unknown
   * feature toggle), named by input field: for the task log and output.
   */
  warnings: Problem[];
}

/** The Secrets whose names and keys `secretNames` may override. */
const SECRET_NAME_KEYS = [
  'operatorRuntimeKubeconfig',
  'operatorInfraKubeconfig',
  'fluxRuntimeKubeconfig',
  'argocdClusterSecret',
] as const;

/**
 * Stands in for a missing or unknown target so that every other field is still checked: its
 * names are valid, and problems caused by it are not reported (the target problem is).
 */
function placeholderTarget(technology: string | undefined): PlatformMeshTarget {
  return {
    name: 'placeholder-target',
    operatorCluster: 'placeholder-operator',
    runtimeCluster: 'placeholder-runtime',
    infraCluster: 'placeholder-operator',
    operatorIsInfra: true,
    deploymentTechnology: technology === 'argocd' ? 'argocd' : 'fluxcd',
    namespace: 'placeholder-namespace',
    operatorNamespace: 'placeholder-system',
    namespaces: [],
    runtimeServerUrl: 'https://127.0.0.1:6443',
    secrets: {
      operatorRuntimeKubeconfig: {
        ...DEFAULT_SECRETS.operatorRuntimeKubeconfig,
      },
      operatorInfraKubeconfig: { ...DEFAULT_SECRETS.operatorInfraKubeconfig },
      fluxRuntimeKubeconfig: { ...DEFAULT_SECRETS.fluxRuntimeKubeconfig },
    },
    configPath: '',
  };
}

/** Checks `secretNames`: known keys only, each a mapping. Returns the valid entries. */
function readSecretNames(
  value: Record<string, unknown> | undefined,
  problems: Problem[],
): Record<string, Record<string, unknown>> {
  const names: Record<string, Record<string, unknown>> = {};
  const unknown: string[] = [];
  for (const [key, entry] of Object.entries(value ?? {})) {
    if (!(SECRET_NAME_KEYS as readonly string[]).includes(key)) {
      unknown.push(key);
    } else if (!isObject(entry)) {
      problems.push({
        field: `secretNames.${key}`,
        message: `must be a mapping, got ${describeType(entry)}`,
      });
    } else {
      names[key] = entry;
    }
  }
  const listed = unknown.slice(0, INPUT_LIMITS.maxUnknownFieldsListed);
  for (const key of listed) {
    problems.push({
      field: `secretNames.${truncateForMessage(key)}`,
      message: `is not a Secret of the setup (expected one of: ${SECRET_NAME_KEYS.join(
        ', ',
      )})`,
    });
  }
  if (unknown.length > listed.length) {
    problems.push({
      field: 'secretNames',
      message: `has ${unknown.length - listed.length} more unknown keys`,
    });
  }
  return names;
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
    /** The initiator's entity ref: the owner when neither `owner` nor config names one. */
    defaultOwner?: string;
    /** `catalog.providers.platformMesh.defaultOwner`: the owner when `owner` is not given. */
    configuredOwner?: string;
    /** `catalog.providers.platformMesh.namePattern`: the instance entity's name pattern. */
    namePattern?: string;
    /** The running template's entity ref, the default of `sourceTemplate`. */
    sourceTemplate?: string;
    /** Where the instance's catalog entity comes from (render: `repository`). */
    catalogEntity?: CatalogEntitySource;
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
        message: `${quoteForMessage(
          targetName,
        )} is not a configured target (platformMesh.targets: ${
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
  const port = readNumberField(raw, 'port', problems, { min: 1, max: 65535 });
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
  const profile = field<string>(raw, 'profile', 'string', problems, {
    maxLength: INPUT_LIMITS.maxProfileYamlLength,
  });
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
  const catalogFields = readCatalogFields(raw, problems, {
    sourceTemplate: options.sourceTemplate,
  });
  const serviceRepoUrls = readServiceRepoUrls(raw, problems);

  if (protocol !== undefined && protocol !== 'http' && protocol !== 'https') {
    problems.push({
      field: 'protocol',
      message: `must be http or https, got ${quoteForMessage(protocol)}`,
    });
  }
  if (!baseDomain && (raw.port !== undefined || protocol !== undefined)) {
    problems.push({
      field: 'baseDomain',
      message:
        'is required when port or protocol is set (the operator uses all three exposure fields together)',
    });
  }
  for (const [fieldName, value] of [
    ['services', services],
    ['serviceOverrides', serviceOverrides],
    ['serviceRepoUrls', serviceRepoUrls],
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
        message: `${quoteForMessage(service)} is not a service name`,
      });
    }
  }
  const credentials = (credentialsValue ??
    options.defaultCredentials) as CredentialsMode;
  if (!['serviceAccount', 'secrets', 'none'].includes(credentials)) {
    problems.push({
      field: 'credentials',
      message: `must be serviceAccount, secrets or none, got ${quoteForMessage(
        credentials,
      )}`,
    });
  }
  if (
    technology !== undefined &&
    technology !== 'fluxcd' &&
    technology !== 'argocd'
  ) {
    problems.push({
      field: 'deploymentTechnology',
      message: `must be fluxcd or argocd, got ${quoteForMessage(technology)}`,
    });
  } else if (
    technology !== undefined &&
    target &&
    technology !== target.deploymentTechnology
  ) {
    problems.push({
      field: 'deploymentTechnology',
      message: `is ${technology}, but target ${target.name} is configured for ${target.deploymentTechnology}`,
    });
  }
  for (const [urlField, url] of [
    ['runtimeServerUrl', runtimeServerUrl],
    ['infraServerUrl', infraServerUrl],
  ] as const) {
    if (url !== undefined && !isHttpUrl(url)) {
      problems.push({
        field: urlField,
        message: 'must be the http(s) URL of the API server',
      });
    }
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
          field: `kubeconfigSecrets.${truncateForMessage(key)}`,
          message:
            'is not a kubeconfig of the setup (operatorToRuntime, operatorToInfra, infraToRuntime)',
        });
      } else if (
        typeof value !== 'string' ||
        !value ||
        value.length > INPUT_LIMITS.maxStringLength
      ) {
        problems.push({
          field: `kubeconfigSecrets.${key}`,
          message: `must name a task secret (at most ${INPUT_LIMITS.maxStringLength} characters)`,
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
          message: `task secret ${quoteForMessage(secretName)} ${
            parsed.problem
          }`,
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

  // A missing or unknown target or name is reported above; stand-ins let every other field be
  // checked in the same pass, and problems they cause are left out below.
  const realTarget = target;
  if (!target) target = placeholderTarget(technology);
  const instanceName = name ?? 'placeholder-name';
  const names = readSecretNames(secretNames, problems);

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
  const setup: PlatformMeshSetup = {
    instance: { name: instanceName, namespace: namespace ?? target.namespace },
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
              ...(serviceOverrides || serviceRepoUrls
                ? {
                    serviceOverrides: mergeServiceRepoUrls(
                      serviceOverrides,
                      serviceRepoUrls,
                    ),
                  }
                : {}),
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
    entity: instanceCatalogInput(
      {
        target: target.name,
        namespace: setup.instance.namespace,
        name: instanceName,
      },
      catalogFields,
      {
        namePattern: options.namePattern,
        defaultOwner: options.configuredOwner,
        initiator: options.defaultOwner,
        catalogEntity: options.catalogEntity,
      },
    ),
    annotations: {},
    warnings: [],
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
  const placeholders = new Set<string>();
  if (!realTarget) placeholders.add('target');
  if (!name) placeholders.add('name');
  if (!realTarget && !runtimeServerUrl) placeholders.add('runtimeServerUrl');
  // Reported above already.
  for (const urlField of ['runtimeServerUrl', 'infraServerUrl']) {
    if (problems.some(p => p.field === urlField)) placeholders.add(urlField);
  }
  const mapped = (list: ValidationProblem[]) =>
    list
      .map(p => ({
        field: inputField(p.path, credentials),
        message: p.message,
      }))
      .filter(p => !placeholders.has(p.field));
  if (!validation.ok) problems.push(...mapped(validation.problems));
  input.warnings = mapped(validation.warnings ?? []);
  if (problems.length > 0 || !realTarget || !name) {
    throw toInputError(problems);
  }
  input.target = realTarget;
  input.annotations = input.entity.annotations;
  return input;
}

export { toInputError, field as readField, readNumberField, type Problem };
