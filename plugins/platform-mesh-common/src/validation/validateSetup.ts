import { cloneJson, isPlainObject } from '../profile/deepMerge';
import { resolveDestinationServer } from '../render/resolveSetup';
import { describeSetupSecrets } from '../render/setupSecrets';
import type { SetupSecret } from '../render/types';
import type { PlatformMeshSetup } from '../types/setup';
import {
  checkBoundedMapping,
  checkDnsLabel,
  checkDnsSubdomain,
  checkObject,
  checkRefName,
  describeType,
  type Problems,
} from './checks';
import { quoteForMessage } from './echo';
import { isHttpUrl } from './rules';
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

  const instance = checkObject(root.instance, 'instance', problems, {
    required: true,
    keys: ['name', 'namespace'],
  });
  checkDnsLabel(instance?.name, 'instance.name', problems, Boolean(instance));
  const namespace = checkDnsLabel(
    instance?.namespace,
    'instance.namespace',
    problems,
    Boolean(instance),
  );

  const target = checkObject(root.target, 'target', problems, {
    required: true,
    keys: [
      'name',
      'operatorCluster',
      'runtimeCluster',
      'infraCluster',
      'operatorNamespace',
    ],
  });
  let operatorIsInfra = true;
  let runtimeCluster: string | undefined;
  if (target) {
    checkRefName(target.name, 'target.name', problems, true);
    const operator = checkRefName(
      target.operatorCluster,
      'target.operatorCluster',
      problems,
      true,
    );
    runtimeCluster = checkRefName(
      target.runtimeCluster,
      'target.runtimeCluster',
      problems,
      true,
    );
    const infra = checkRefName(
      target.infraCluster,
      'target.infraCluster',
      problems,
    );
    operatorIsInfra = infra === undefined || infra === operator;
    checkDnsLabel(
      target.operatorNamespace,
      'target.operatorNamespace',
      problems,
    );
  }

  const technology = root.deploymentTechnology;
  if (technology === undefined) {
    problems.push({
      path: 'deploymentTechnology',
      message: 'is required (fluxcd or argocd)',
    });
  } else if (technology !== 'fluxcd' && technology !== 'argocd') {
    problems.push({
      path: 'deploymentTechnology',
      message: `must be fluxcd or argocd, got ${quoteForMessage(technology)}`,
    });
  }
  const validTechnology =
    technology === 'fluxcd' || technology === 'argocd' ? technology : undefined;

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
  const cm = checkObject(root.profileConfigMap, 'profileConfigMap', problems, {
    keys: ['namespace', 'cluster'],
  });
  if (cm) {
    checkDnsLabel(cm.namespace, 'profileConfigMap.namespace', problems);
    const cluster = checkRefName(
      cm.cluster,
      'profileConfigMap.cluster',
      problems,
    );
    if (
      cluster !== undefined &&
      runtimeCluster !== undefined &&
      cluster !== runtimeCluster
    ) {
      problems.push({
        path: 'profileConfigMap.cluster',
        message: `must be the runtime cluster ${runtimeCluster}: the operator reads the profile ConfigMap with its runtime client, from the PlatformMesh's cluster`,
      });
    }
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
