import { isPlainObject } from '../profile/deepMerge';
import { buildProfile, enabledServiceNames } from '../profile/buildProfile';
import { PROFILE_INFRA_COMPONENTS } from '../profile/infraDefaults';
import { isKnownService, KNOWN_SERVICES } from '../profile/knownServices';
import { parseProfileYaml } from '../profile/parseProfileYaml';
import type { DeploymentTechnology } from '../types/status';
import type { ProfileOptions } from '../types/setup';
import { z } from 'zod/v4';
import {
  checkArray,
  checkBoundedMapping,
  checkDnsLabel,
  checkObject,
  checkString,
  describeType,
  type Problems,
} from './checks';
import { quoteForMessage } from './echo';
import { INPUT_LIMITS } from './limits';
import { joinPath } from './path';
import { isGoDuration, isHttpUrl } from './rules';
import { dnsSubdomain } from './schema/names';
import {
  flag,
  ifNoProblemYet,
  mapping,
  lengthMessage,
  mappingOf,
  text,
  typeMessage,
} from './schema/shapes';
import { parseInto } from './schema/toProblems';
import {
  profileDeploymentTechnology,
  validateProfileYaml,
} from './validateProfileYaml';

/**
 * Context of the profile checks.
 *
 * @internal
 */
interface ProfileInputContext {
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

/**
 * One entry of `profile.options.serviceOverrides`: settings of a service; `enabled` a boolean that
 * conflicts with a `services` list.
 */
function serviceOverride(servicesListed: boolean) {
  const settings = z.looseObject(
    { enabled: flag.optional() },
    {
      error: issue =>
        `must be a mapping of service settings, got ${describeType(
          issue.input,
        )}`,
    },
  );
  if (!servicesListed) return settings;
  return settings.superRefine(
    (override, ctx) => {
      if (override.enabled !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['enabled'],
          message:
            'conflicts with profile.options.services: list the service there instead',
        });
      }
    },
    { when: payload => isPlainObject(payload.value) },
  );
}

const serviceOverrides = {
  alone: serviceOverride(false),
  withServices: serviceOverride(true),
};

/** The profile text (it may be empty: the operator's defaults apply). */
const profileYaml = z
  .string({ error: typeMessage('a string') })
  .max(INPUT_LIMITS.maxProfileYamlLength, {
    error: lengthMessage(INPUT_LIMITS.maxProfileYamlLength),
  });

const goDuration = text().refine(isGoDuration, {
  error: issue =>
    `${quoteForMessage(issue.input)} is not a Go duration such as 15m or 1h30m`,
  ...ifNoProblemYet,
});

const destinationServer = text().refine(isHttpUrl, {
  error:
    'must be the http(s) URL of the runtime API server as the infra cluster reaches it',
  ...ifNoProblemYet,
});

const optionOcm = mapping({
  repo: dnsSubdomain.optional(),
  component: dnsSubdomain.optional(),
});

const infraComponents = mappingOf(PROFILE_INFRA_COMPONENTS, flag.optional());

function optionTechnology(setupTechnology: DeploymentTechnology | undefined) {
  const technology = z.enum(['fluxcd', 'argocd'], {
    error: 'must be fluxcd or argocd',
  });
  if (!setupTechnology) return technology;
  return technology.refine(value => value === setupTechnology, {
    error: `must match deploymentTechnology (${setupTechnology}) or be left out`,
    ...ifNoProblemYet,
  });
}

/**
 * The settings of `profile.options` after the services (the mapping's unknown fields are reported
 * by `validateOptions`): the deployment technology (matching the setup's), destination server,
 * timeout, OCM names and infra components.
 */
const optionSettingsByTechnology = new Map<string, z.ZodType>();

function optionSettings(
  setupTechnology: DeploymentTechnology | undefined,
): z.ZodType {
  const id = setupTechnology ?? '';
  let schema = optionSettingsByTechnology.get(id);
  if (!schema) {
    schema = mapping(
      {
        deploymentTechnology: optionTechnology(setupTechnology).optional(),
        destinationServer: destinationServer.optional(),
        timeout: goDuration.optional(),
        ocm: optionOcm.optional(),
        infraComponents: infraComponents.optional(),
      },
      false,
    );
    optionSettingsByTechnology.set(id, schema);
  }
  return schema;
}

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
    parseInto(
      options.services === undefined
        ? serviceOverrides.alone
        : serviceOverrides.withServices,
      override,
      itemPath,
      problems,
    );
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

  parseInto(optionSettings(ctx.deploymentTechnology), options, path, problems);

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
  if (!parseInto(profileYaml, profile.yaml, yamlPath, problems)) return;
  const yaml = profile.yaml as string;
  const yamlProblems = validateProfileYaml(yaml, { path: yamlPath });
  problems.push(...yamlProblems);
  const parsed = parseProfileYaml(yaml, yamlPath);
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
