import type { DeploymentTechnology } from '../types/status';
import type {
  PlatformMeshProfile,
  ProfileInfra,
  ProfileOcmConfig,
  ServiceConfig,
} from '../types/profile';
import type { ProfileOptions } from '../types/setup';
import { deepMerge } from './deepMerge';
import {
  defaultInfraComponents,
  PROFILE_INFRA_COMPONENTS,
} from './infraDefaults';
import { DEFAULT_ENABLED_SERVICES, KNOWN_SERVICES } from './knownServices';
import { defaultServiceConfigs } from './serviceDefaults';

/**
 * Default HelmRelease timeout of a built profile (the operator's default).
 */
const DEFAULT_COMPONENTS_TIMEOUT = '15m';

/**
 * Default OCM repository and component name.
 */
const DEFAULT_OCM_NAME = 'platform-mesh';

/**
 * What a built profile depends on besides its options.
 */
interface BuildProfileContext {
  deploymentTechnology: DeploymentTechnology;
  /** The PlatformMesh namespace. */
  namespace: string;
  /** Argo CD destination (written to `infra` and `components` in argocd mode). */
  destinationServer?: string;
  /** `spec.exposure.port`. */
  port?: number;
  /** Fallback OCM names (from `spec.ocm`) when the options name none. */
  ocm?: { repo?: string; component?: string };
}

function ocmBlock(repo: string, component: string): ProfileOcmConfig {
  return {
    component: { name: component },
    repo: { name: repo },
    referencePath: [],
  };
}

/**
 * The enabled services of a built profile: `options.services`, else the defaults; a service
 * override with an explicit `enabled` wins.
 *
 * @param options - the profile options
 */
export function enabledServiceNames(options: ProfileOptions): string[] {
  const base = new Set<string>(options.services ?? DEFAULT_ENABLED_SERVICES);
  for (const [name, override] of Object.entries(
    options.serviceOverrides ?? {},
  )) {
    if (override?.enabled === true) base.add(name);
    if (override?.enabled === false) base.delete(name);
  }
  return [...base];
}

/**
 * Builds a remote profile (the structure of the upstream remote fluxcd/argocd profiles) from
 * options. In argocd mode `destinationServer` is set in both `infra` and `components`.
 *
 * @param options - services, timeout, OCM names, infra switches, per-service overrides
 * @param ctx - deployment technology, namespace, destination server, exposure port
 */
export function buildProfile(
  options: ProfileOptions,
  ctx: BuildProfileContext,
): PlatformMeshProfile {
  const technology = ctx.deploymentTechnology;
  const repo = options.ocm?.repo ?? ctx.ocm?.repo ?? DEFAULT_OCM_NAME;
  const component =
    options.ocm?.component ?? ctx.ocm?.component ?? DEFAULT_OCM_NAME;
  const argo =
    technology === 'argocd' && ctx.destinationServer
      ? { destinationServer: ctx.destinationServer }
      : {};

  const enabled = new Set(enabledServiceNames(options));
  const defaults = defaultServiceConfigs({
    deploymentTechnology: technology,
    namespace: ctx.namespace,
  });
  const overrides = options.serviceOverrides ?? {};
  const names = [
    ...KNOWN_SERVICES,
    ...Object.keys(overrides).filter(
      name => !(KNOWN_SERVICES as readonly string[]).includes(name),
    ),
  ];
  const services: Record<string, ServiceConfig> = {};
  for (const name of names) {
    const base = (defaults as Record<string, ServiceConfig>)[name] ?? {};
    const merged = deepMerge<ServiceConfig>(base, overrides[name]);
    services[name] = { ...merged, enabled: enabled.has(name) };
  }

  const infraDefaults = defaultInfraComponents({ port: ctx.port });
  const infra: ProfileInfra = {
    deploymentTechnology: technology,
    ...argo,
    ocm: ocmBlock(repo, component),
  };
  for (const key of PROFILE_INFRA_COMPONENTS) {
    const on = options.infraComponents?.[key] ?? true;
    infra[key] = { ...infraDefaults[key], enabled: on };
  }

  return {
    infra,
    components: {
      deploymentTechnology: technology,
      ...argo,
      timeout: options.timeout ?? DEFAULT_COMPONENTS_TIMEOUT,
      ocm: ocmBlock(repo, component),
      services,
    },
  };
}
