import { cloneJson, isPlainObject } from '../profile/deepMerge';
import { resolveDestinationServer } from '../render/resolveSetup';
import { describeSetupSecrets } from '../render/setupSecrets';
import type { SetupSecret } from '../render/types';
import type { PlatformMeshSetup } from '../types/setup';
import { z } from 'zod/v4';
import {
  checkBoundedMapping,
  checkDnsSubdomain,
  checkObject,
  describeType,
  type Problems,
} from './checks';
import { quoteForMessage } from './echo';
import { isHttpUrl } from './rules';
import { dnsLabel, refName } from './schema/names';
import { ifNoProblemYet, mapping } from './schema/shapes';
import { parseInto } from './schema/toProblems';
import { validateKcp } from './validateKcp';
import { validateKubeconfigs } from './validateKubeconfigs';
import { validateProfileInput } from './validateProfileInput';
import { validateSecrets } from './validateSecrets';
import {
  validateExposure,
  validateFeatureToggles,
  validateOcm,
  validateWait,
} from './validateSpecFields';
import type { SetupValidationResult } from './types';

const SETUP_KEYS = [
  'instance',
  'target',
  'deploymentTechnology',
  'profile',
  'exposure',
  'ocm',
  'kcp',
  'featureToggles',
  'values',
  'wait',
  'profileConfigMapName',
  'profileConfigMap',
  'secrets',
  'kubeconfigs',
] as const;

const instanceSchema = mapping({ name: dnsLabel, namespace: dnsLabel });

const targetSchema = mapping({
  name: refName,
  operatorCluster: refName,
  runtimeCluster: refName,
  infraCluster: refName.optional(),
  operatorNamespace: dnsLabel.optional(),
});

const deploymentTechnology = z.enum(['fluxcd', 'argocd'], {
  error: issue =>
    issue.input === undefined
      ? 'is required (fluxcd or argocd)'
      : `must be fluxcd or argocd, got ${quoteForMessage(issue.input)}`,
});

/** `profileConfigMap`: the operator reads it from the runtime cluster. */
function profileConfigMapSchema(runtimeCluster: string | undefined) {
  const cluster =
    runtimeCluster === undefined
      ? refName
      : refName.refine(name => name === runtimeCluster, {
          error: `must be the runtime cluster ${runtimeCluster}: the operator reads the profile ConfigMap with its runtime client, from the PlatformMesh's cluster`,
          ...ifNoProblemYet,
        });
  return mapping({
    namespace: dnsLabel.optional(),
    cluster: cluster.optional(),
  });
}

/** The value when it passes the schema, else `undefined`. */
function valid<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}

const SECRET_PATHS: Record<SetupSecret['id'], string> = {
  'operator-runtime-kubeconfig': 'secrets.operatorRuntimeKubeconfig',
  'operator-infra-kubeconfig': 'secrets.operatorInfraKubeconfig',
  'flux-runtime-kubeconfig': 'secrets.fluxRuntimeKubeconfig',
  'argocd-cluster': 'secrets.argocdClusterSecret',
};

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Two Secrets of the setup with the same cluster, namespace and name must be the same Secret. */
function checkSecretCollisions(
  setup: PlatformMeshSetup,
  problems: Problems,
): void {
  const byId = new Map<string, SetupSecret>();
  for (const secret of describeSetupSecrets(setup)) {
    const id = `${secret.cluster}/${secret.namespace}/${secret.name}`;
    const first = byId.get(id);
    if (!first) {
      byId.set(id, secret);
      continue;
    }
    const sources = setup.kubeconfigs ?? {};
    const a = sources[first.source];
    const b = sources[secret.source];
    const compatible =
      first.id !== 'argocd-cluster' &&
      secret.id !== 'argocd-cluster' &&
      first.key === secret.key &&
      (a === undefined || b === undefined || sameJson(a, b));
    if (!compatible) {
      problems.push({
        path: SECRET_PATHS[secret.id],
        message: `names the same Secret ${secret.namespace}/${
          secret.name
        } on cluster ${secret.cluster} as ${
          SECRET_PATHS[first.id]
        } with different content; use another name, or the same key and kubeconfig source`,
      });
    }
  }
}

function checkDestinationServer(
  setup: PlatformMeshSetup,
  problems: Problems,
): void {
  const options = setup.profile.options;
  const path = options ? 'profile.options.destinationServer' : 'profile.yaml';
  const server = resolveDestinationServer(setup);
  if (!server) {
    problems.push({
      path,
      message: `argocd mode needs the runtime cluster's API URL as the infra cluster reaches it: set profile.options.destinationServer or kubeconfigs.infraToRuntime.server${
        options ? '' : ', or destinationServer in the profile'
      }`,
    });
    return;
  }
  if (!isHttpUrl(server) && !problems.some(p => p.path.startsWith(path))) {
    problems.push({
      path,
      message:
        "the profile's destinationServer must be the http(s) URL of the runtime API server (placeholders are not substituted)",
    });
  }
  const kubeconfigServer = setup.kubeconfigs?.infraToRuntime?.server;
  if (
    options?.destinationServer &&
    kubeconfigServer &&
    options.destinationServer !== kubeconfigServer
  ) {
    problems.push({
      path,
      message:
        'differs from kubeconfigs.infraToRuntime.server: the Argo CD cluster Secret is registered for that server, so Applications for this destination would find no cluster',
    });
  }
}

/**
 * Validates a setup before anything is rendered or written, and returns every problem at once with
 * its field path (`exposure.port`, `kcp.providerConnections[1].secret`, ...). Checks RFC 1123
 * names, domain, port, protocol, deployment technology, the profile (YAML or options), provider
 * connections, feature toggles, wait entries, Secret names and keys, kubeconfig sources, and the
 * cross-field rules: the profile ConfigMap on the runtime cluster, the Flux Secret in the instance
 * namespace, a destination server in argocd mode, no two different Secrets with one identity.
 * Strings, lists and free-form mappings are bounded (`INPUT_LIMITS`); values repeated in messages
 * are cut to 80 characters. Messages never repeat credential values. What the operator accepts but
 * probably is a mistake (a duplicate key in profile YAML, an unknown feature toggle) is returned
 * as `warnings`, with its path.
 *
 * @param input - the setup to check (any value)
 * @alpha
 */
export function validateSetup(input: unknown): SetupValidationResult {
  const problems: Problems = [];
  const warnings: Problems = [];
  if (!isPlainObject(input)) {
    return {
      ok: false,
      problems: [
        {
          path: '',
          message: `the setup must be a mapping, got ${describeType(input)}`,
        },
      ],
    };
  }
  const root = checkObject(input, '', problems, { keys: SETUP_KEYS })!;

  parseInto(instanceSchema, root.instance, 'instance', problems);
  const instance = isPlainObject(root.instance) ? root.instance : {};
  const namespace = valid(dnsLabel, instance.namespace);

  parseInto(targetSchema, root.target, 'target', problems);
  const target = isPlainObject(root.target) ? root.target : {};
  const operator = valid(refName, target.operatorCluster);
  const infra = valid(refName, target.infraCluster);
  const operatorIsInfra = infra === undefined || infra === operator;
  const runtimeCluster = valid(refName, target.runtimeCluster);

  const technology = root.deploymentTechnology;
  parseInto(deploymentTechnology, technology, 'deploymentTechnology', problems);
  const validTechnology = valid(deploymentTechnology, technology);

  const overridesDestination =
    isPlainObject(root.kubeconfigs) &&
    root.kubeconfigs.infraToRuntime !== undefined;
  const profileProblems: Problems = [];
  validateProfileInput(
    root.profile,
    'profile',
    profileProblems,
    { deploymentTechnology: validTechnology, namespace },
    warnings,
  );
  // The render replaces the profile's destinationServer with the infraToRuntime server.
  problems.push(
    ...profileProblems.filter(
      p =>
        !(
          overridesDestination &&
          p.path.startsWith('profile.yaml.') &&
          p.path.endsWith('.destinationServer')
        ),
    ),
  );

  if (root.exposure !== undefined)
    validateExposure(root.exposure, 'exposure', problems);
  if (root.ocm !== undefined) validateOcm(root.ocm, 'ocm', problems);
  if (root.kcp !== undefined && checkBoundedMapping(root.kcp, 'kcp', problems))
    validateKcp(root.kcp, 'kcp', problems);
  if (root.featureToggles !== undefined)
    validateFeatureToggles(
      root.featureToggles,
      'featureToggles',
      problems,
      warnings,
    );
  if (root.values !== undefined)
    checkBoundedMapping(root.values, 'values', problems);
  if (root.wait !== undefined) validateWait(root.wait, 'wait', problems);

  checkDnsSubdomain(
    root.profileConfigMapName,
    'profileConfigMapName',
    problems,
  );
  if (root.profileConfigMap !== undefined) {
    parseInto(
      profileConfigMapSchema(runtimeCluster),
      root.profileConfigMap,
      'profileConfigMap',
      problems,
    );
  }

  if (root.secrets !== undefined)
    validateSecrets(root.secrets, 'secrets', problems, namespace);
  if (root.kubeconfigs !== undefined)
    validateKubeconfigs(
      root.kubeconfigs,
      'kubeconfigs',
      problems,
      operatorIsInfra,
    );

  // Cross-field rules run when the fields they read are valid, so every other problem is still
  // reported in the same pass.
  const clean = (...prefixes: string[]) =>
    !problems.some(p =>
      prefixes.some(
        prefix =>
          p.path === prefix ||
          p.path.startsWith(`${prefix}.`) ||
          p.path.startsWith(`${prefix}[`),
      ),
    );
  const setup = input as unknown as PlatformMeshSetup;
  if (
    validTechnology === 'argocd' &&
    clean('deploymentTechnology', 'profile', 'kubeconfigs')
  ) {
    checkDestinationServer(setup, problems);
  }
  if (
    clean(
      'instance',
      'target',
      'deploymentTechnology',
      'secrets',
      'kubeconfigs',
    )
  ) {
    checkSecretCollisions(setup, problems);
  }

  const withWarnings = warnings.length > 0 ? { warnings } : {};
  if (problems.length > 0) {
    return { ok: false, problems, ...withWarnings };
  }
  return {
    ok: true,
    value: cloneJson(input) as unknown as PlatformMeshSetup,
    ...withWarnings,
  };
}
