import {
  validateSetup,
  type PlatformMeshSetup,
  type SetupKubeconfigs,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type {
  PlatformMeshClustersService,
  PlatformMeshTarget,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { buildSetup } from './buildSetup';
import { toInputError, type Problem } from './inputProblems';
import { placeholderTarget } from './placeholderTarget';
import {
  instanceCatalogInput,
  type CatalogEntitySource,
  type InstanceCatalogInput,
} from './readCatalogInput';
import { readField as field, readNumberField } from './readFields';
import { parseSetupInput } from './schema/setupInputSchema';
import { readSecretKubeconfigs } from './secretKubeconfigs';
import {
  PLACEHOLDER_TOKEN,
  serviceAccountKubeconfigs,
} from './serviceAccountKubeconfigs';
import { setupProblems } from './setupProblems';

export { PLACEHOLDER_TOKEN, serviceAccountKubeconfigs };

/** How the kubeconfigs in the setup's Secrets are obtained. */
export type CredentialsMode = 'serviceAccount' | 'secrets' | 'none';

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

/**
 * Checks and normalizes the shared inputs: the one schema of their shapes and rules
 * (`schema/setupInputSchema`) finds every problem at once, named by its input field (`baseDomain`,
 * `services[2]`, `kubeconfigSecrets.operatorToRuntime`); the task-secret kubeconfigs are read;
 * then the setup (with stand-ins for a missing target or name) is validated by `validateSetup`
 * and its problems mapped onto the same fields (`kcp.providerConnections[0].secret`).
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
  const { clusters } = options;
  const checked = parseSetupInput(raw, {
    targets: clusters.listTargets(),
    defaultCredentials: options.defaultCredentials,
    sourceTemplate: options.sourceTemplate,
    checkKubeconfigSecrets: options.readSecretKubeconfigs !== false,
  });
  if (checked.problems.some(p => p.field === 'input')) {
    throw toInputError(checked.problems);
  }
  const problems: Problem[] = [
    ...(options.extraProblems ?? []),
    ...checked.problems,
  ];
  const { values } = checked;
  const credentials = (values.credentials ??
    options.defaultCredentials) as CredentialsMode;

  // Kubeconfigs from task secrets: named by the secret, never quoted.
  const secretKubeconfigs: SetupKubeconfigs =
    credentials === 'secrets' &&
    values.target &&
    options.readSecretKubeconfigs !== false
      ? readSecretKubeconfigs(
          values.target,
          values.kubeconfigSecrets,
          options.secrets,
          problems,
        )
      : {};

  // A missing or unknown target or name is reported above; stand-ins let every other field be
  // checked in the same pass, and problems they cause are left out below.
  const realTarget = values.target;
  const target = realTarget ?? placeholderTarget(values.deploymentTechnology);
  const instanceName = values.name ?? 'placeholder-name';
  const servers = {
    runtime: (values.runtimeServerUrl ?? target.runtimeServerUrl).replace(
      /\/+$/,
      '',
    ),
    infra: (
      values.infraServerUrl ??
      clusters.config.clusters.find(c => c.name === target.infraCluster)?.url ??
      ''
    ).replace(/\/+$/, ''),
  };
  const setup = buildSetup(values, {
    target,
    instanceName,
    credentials,
    servers,
    secretKubeconfigs,
  });

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
      {
        entityName: values.entityName,
        owner: values.owner,
        sourceTemplate: values.sourceTemplate,
      },
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
  const skip = new Set<string>();
  if (!realTarget) skip.add('target');
  if (!values.name) skip.add('name');
  if (!realTarget && !values.runtimeServerUrl) skip.add('runtimeServerUrl');
  // Reported above already.
  for (const urlField of ['runtimeServerUrl', 'infraServerUrl']) {
    if (problems.some(p => p.field === urlField)) skip.add(urlField);
  }
  if (!validation.ok) {
    problems.push(...setupProblems(validation.problems, credentials, skip));
  }
  input.warnings = setupProblems(validation.warnings ?? [], credentials, skip);
  if (problems.length > 0 || !realTarget || !values.name) {
    throw toInputError(problems);
  }
  input.target = realTarget;
  input.annotations = input.entity.annotations;
  return input;
}

export { field as readField, readNumberField, type Problem };
