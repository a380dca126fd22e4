import { isPlainObject } from '../profile/deepMerge';
import { buildProfile, enabledServiceNames } from '../profile/buildProfile';
import { PROFILE_INFRA_COMPONENTS } from '../profile/infraDefaults';
import { isKnownService, KNOWN_SERVICES } from '../profile/knownServices';
import { parseProfileYaml } from '../profile/parseProfileYaml';
import type { DeploymentTechnology } from '../types/status';
import type { ProfileOptions } from '../types/setup';
import {
  checkArray,
  checkBoolean,
  checkBoundedMapping,
  checkDnsLabel,
  checkDnsSubdomain,
  checkObject,
  checkString,
  describeType,
  type Problems,
} from './checks';
import { quoteForMessage } from './echo';
import { INPUT_LIMITS } from './limits';
import { joinPath } from './path';
import { isGoDuration, isHttpUrl } from './rules';
import {
  profileDeploymentTechnology,
  validateProfileYaml,
} from './validateProfileYaml';

/**
 * Context of the profile checks.
 *
 * @internal
 */
export interface ProfileInputContext {
  deploymentTechnology?: DeploymentTechnology;
  namespace?: string;
}

const OPTION_KEYS = [
  'services',
  'deploymentTechnology',
  'destinationServer',
  'timeout',
  'ocm',
  'infraComponents',
  'serviceOverrides',
] as const;

function validateOptions(
  value: unknown,
  path: string,
  problems: Problems,
  ctx: ProfileInputContext,
): void {
  const before = problems.length;
  const options = checkObject(value, path, problems, {
    required: true,
    keys: OPTION_KEYS,
  });
  if (!options) return;

  const overridesPath = joinPath(path, 'serviceOverrides');
  const overrides =
    options.serviceOverrides === undefined
      ? undefined
      : checkBoundedMapping(options.serviceOverrides, overridesPath, problems);
  const customNames = new Set<string>();
  for (const [name, override] of Object.entries(overrides ?? {})) {
    const itemPath = joinPath(overridesPath, name);
    if (!isKnownService(name)) {
      if (checkDnsLabel(name, itemPath, problems) !== undefined)
        customNames.add(name);
    }
    if (!isPlainObject(override)) {
      problems.push({
        path: itemPath,
        message: `must be a mapping of service settings, got ${describeType(
          override,
        )}`,
      });
      continue;
    }
    checkBoolean(override.enabled, joinPath(itemPath, 'enabled'), problems);
    if (override.enabled !== undefined && options.services !== undefined) {
      problems.push({
        path: joinPath(itemPath, 'enabled'),
        message:
          'conflicts with profile.options.services: list the service there instead',
      });
    }
  }

  const servicesPath = joinPath(path, 'services');
  const seen = new Set<string>();
  checkArray(options.services, servicesPath, problems)?.forEach(
    (item, index) => {
      const itemPath = joinPath(servicesPath, index);
      const name = checkString(item, itemPath, problems, true);
      if (name === undefined) return;
      if (seen.has(name)) {
        problems.push({
          path: itemPath,
          message: `service ${name} is listed twice`,
        });
      }
      seen.add(name);
      if (!isKnownService(name) && !customNames.has(name)) {
        problems.push({
          path: itemPath,
          message: `unknown service ${quoteForMessage(
            name,
          )}; known services: ${KNOWN_SERVICES.join(
            ', ',
          )} (add others through profile.options.serviceOverrides)`,
        });
      }
    },
  );

  const techPath = joinPath(path, 'deploymentTechnology');
  if (options.deploymentTechnology !== undefined) {
    if (
      options.deploymentTechnology !== 'fluxcd' &&
      options.deploymentTechnology !== 'argocd'
    ) {
      problems.push({ path: techPath, message: 'must be fluxcd or argocd' });
    } else if (
      ctx.deploymentTechnology &&
      options.deploymentTechnology !== ctx.deploymentTechnology
    ) {
      problems.push({
        path: techPath,
        message: `must match deploymentTechnology (${ctx.deploymentTechnology}) or be left out`,
      });
    }
  }
  const serverPath = joinPath(path, 'destinationServer');
  const server = checkString(options.destinationServer, serverPath, problems);
  if (server !== undefined && !isHttpUrl(server)) {
    problems.push({
      path: serverPath,
      message:
        'must be the http(s) URL of the runtime API server as the infra cluster reaches it',
    });
  }
  const timeoutPath = joinPath(path, 'timeout');
  const timeout = checkString(options.timeout, timeoutPath, problems);
  if (timeout !== undefined && !isGoDuration(timeout)) {
    problems.push({
      path: timeoutPath,
      message: `${quoteForMessage(
        timeout,
      )} is not a Go duration such as 15m or 1h30m`,
    });
  }
  const ocmPath = joinPath(path, 'ocm');
  const ocm = checkObject(options.ocm, ocmPath, problems, {
    keys: ['repo', 'component'],
  });
  if (ocm) {
    checkDnsSubdomain(ocm.repo, joinPath(ocmPath, 'repo'), problems);
    checkDnsSubdomain(ocm.component, joinPath(ocmPath, 'component'), problems);
  }
  const infraPath = joinPath(path, 'infraComponents');
  const infra = checkObject(options.infraComponents, infraPath, problems, {
    keys: PROFILE_INFRA_COMPONENTS,
  });
  for (const [key, on] of Object.entries(infra ?? {})) {
    checkBoolean(on, joinPath(infraPath, key), problems);
  }

  if (problems.length > before) return;
  const typed = options as ProfileOptions;
  const enabled = new Set(enabledServiceNames(typed));
  const technology = ctx.deploymentTechnology ?? 'fluxcd';
  const profile = buildProfile(typed, {
    deploymentTechnology: technology,
    namespace: ctx.namespace ?? 'platform-mesh-system',
  });
  for (const [name, service] of Object.entries(
    profile.components.services ?? {},
  )) {
    if (!enabled.has(name)) continue;
    for (const dependency of service.dependsOn ?? []) {
      if (!enabled.has(dependency.name)) {
        problems.push({
          path: servicesPath,
          message: `service ${name} depends on ${dependency.name}, which is not enabled (its HelmRelease would wait for it forever)`,
        });
      }
    }
  }
  if (technology === 'argocd' && enabled.has('cnpg-operator')) {
    const repoURL = profile.components.services?.['cnpg-operator']?.repoURL;
    if (typeof repoURL !== 'string' || repoURL === '') {
      problems.push({
        path: joinPath(joinPath(overridesPath, 'cnpg-operator'), 'repoURL'),
        message:
          'argocd mode pulls cnpg-operator from the cloudnative-pg Helm repository (the Application template would request the wrong chart name through OCM): set its repoURL, as in the upstream argocd profile, or disable cnpg-operator',
      });
    }
  }
}

/**
 * Validates `profile`: exactly one of `yaml` (valid profile YAML whose deployment technology, when
 * declared, matches the setup's) and `options` (known services, dependencies enabled, valid
 * timeout, destination server and names). Duplicate keys of the YAML are warnings.
 *
 * @internal
 */
export function validateProfileInput(
  value: unknown,
  path: string,
  problems: Problems,
  ctx: ProfileInputContext,
  warnings: Problems = [],
): void {
  const profile = checkObject(value, path, problems, {
    required: true,
    keys: ['yaml', 'options'],
  });
  if (!profile) return;
  const hasYaml = profile.yaml !== undefined;
  const hasOptions = profile.options !== undefined;
  if (hasYaml === hasOptions) {
    problems.push({
      path,
      message:
        'set exactly one of profile.yaml (the profile text) or profile.options (build a remote profile)',
    });
    return;
  }
  if (hasOptions) {
    validateOptions(profile.options, joinPath(path, 'options'), problems, ctx);
    return;
  }
  const yamlPath = joinPath(path, 'yaml');
  if (typeof profile.yaml !== 'string') {
    problems.push({
      path: yamlPath,
      message: `must be a string, got ${describeType(profile.yaml)}`,
    });
    return;
  }
  if (profile.yaml.length > INPUT_LIMITS.maxProfileYamlLength) {
    problems.push({
      path: yamlPath,
      message: `is ${profile.yaml.length} characters long, at most ${INPUT_LIMITS.maxProfileYamlLength} are allowed`,
    });
    return;
  }
  const yamlProblems = validateProfileYaml(profile.yaml, { path: yamlPath });
  problems.push(...yamlProblems);
  const parsed = parseProfileYaml(profile.yaml, yamlPath);
  warnings.push(...parsed.warnings);
  if (yamlProblems.length > 0 || !ctx.deploymentTechnology) return;
  const decoded = parsed.value;
  for (const section of ['infra', 'components']) {
    const declared = profileDeploymentTechnology(
      isPlainObject(decoded) ? { [section]: decoded[section] } : undefined,
    );
    if (declared && declared !== ctx.deploymentTechnology) {
      problems.push({
        path: joinPath(joinPath(yamlPath, section), 'deploymentTechnology'),
        message: `is ${declared} but deploymentTechnology is ${ctx.deploymentTechnology}; the Secrets and the operator would disagree`,
      });
    }
  }
}
