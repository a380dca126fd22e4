import { isPlainObject } from '../profile/deepMerge';
import { parseProfileYaml } from '../profile/parseProfileYaml';
import type { DeploymentTechnology } from '../types/status';
import { describeType, type Problems } from './checks';
import { quoteForMessage } from './echo';
import { joinPath } from './path';
import { isGoDuration, isHttpUrl } from './rules';
import type { ValidationProblem } from './types';

const INFRA_COMPONENT_KEYS = [
  'certManager',
  'traefikCRDs',
  'traefik',
  'gatewayApi',
  'etcdDruid',
  'prometheusOperatorCRDs',
  'opentelemetryOperator',
];

/**
 * Options of {@link validateProfileYaml}.
 */
interface ValidateProfileYamlOptions {
  /** The field path problems are reported against (default `profile.yaml`). */
  path?: string;
}

function checkTechnology(
  section: Record<string, unknown>,
  path: string,
  problems: Problems,
): DeploymentTechnology | undefined {
  const value = section.deploymentTechnology;
  if (value === undefined) return undefined;
  const itemPath = joinPath(path, 'deploymentTechnology');
  if (typeof value !== 'string') {
    problems.push({
      path: itemPath,
      message: `must be fluxcd or argocd, got ${describeType(value)}`,
    });
    return undefined;
  }
  const lower = value.toLowerCase();
  if (lower !== 'fluxcd' && lower !== 'argocd') {
    problems.push({
      path: itemPath,
      message: `must be fluxcd or argocd, got ${quoteForMessage(
        value,
      )} (the operator would silently fall back to fluxcd)`,
    });
    return undefined;
  }
  return lower;
}

function checkService(
  name: string,
  service: unknown,
  path: string,
  problems: Problems,
): void {
  if (service === null || service === undefined) {
    problems.push({
      path,
      message: `service ${name} has no settings; a null entry fails the operator's templates (write "enabled: false" or remove it)`,
    });
    return;
  }
  if (!isPlainObject(service)) {
    problems.push({
      path,
      message: `must be a mapping of service settings, got ${describeType(
        service,
      )}`,
    });
    return;
  }
  if (service.enabled !== undefined && typeof service.enabled !== 'boolean') {
    problems.push({
      path: joinPath(path, 'enabled'),
      message: 'must be true or false',
    });
  }
  if (service.syncWave !== undefined && !Number.isInteger(service.syncWave)) {
    problems.push({
      path: joinPath(path, 'syncWave'),
      message: 'must be an integer',
    });
  }
  if (service.values !== undefined && !isPlainObject(service.values)) {
    problems.push({
      path: joinPath(path, 'values'),
      message: `must be a mapping, got ${describeType(service.values)}`,
    });
  }
  for (const listKey of ['dependsOn', 'imageResources']) {
    const list = service[listKey];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      problems.push({
        path: joinPath(path, listKey),
        message: `must be a list, got ${describeType(list)}`,
      });
      continue;
    }
    list.forEach((item, index) => {
      const itemPath = joinPath(joinPath(path, listKey), index);
      if (!isPlainObject(item)) {
        problems.push({
          path: itemPath,
          message: `must be a mapping, got ${describeType(item)}`,
        });
      } else if (
        listKey === 'dependsOn' &&
        (typeof item.name !== 'string' || item.name === '')
      ) {
        problems.push({
          path: joinPath(itemPath, 'name'),
          message: 'is required',
        });
      }
    });
  }
}

/**
 * Validates profile YAML the way the operator reads it: it parses as one plain YAML document
 * (template expressions quoted), is a mapping with `infra` and `components` mappings,
 * `components.services` is a mapping of service mappings, `components.ocm` is present when a
 * service is enabled, infra components are mappings, and `deploymentTechnology`, `timeout` and (in
 * argocd mode) `destinationServer` have valid values. Reusable for the `profile-missing` diagnostic.
 *
 * @param yaml - the text of `profile.yaml`
 * @param options - the field path to report against
 */
export function validateProfileYaml(
  yaml: string,
  options: ValidateProfileYamlOptions = {},
): ValidationProblem[] {
  const base = options.path ?? 'profile.yaml';
  const parsed = parseProfileYaml(yaml, base);
  if (parsed.problems.length > 0) return parsed.problems;
  const problems: Problems = [];
  const root = parsed.value;
  if (!isPlainObject(root)) {
    return [
      {
        path: base,
        message: `the profile must be a mapping with infra and components sections, got ${describeType(
          root,
        )}`,
      },
    ];
  }

  const sections: Record<string, Record<string, unknown> | undefined> = {};
  for (const name of ['infra', 'components']) {
    const value = root[name];
    const path = joinPath(base, name);
    if (value === undefined || value === null) {
      problems.push({ path, message: `the ${name} section is required` });
    } else if (!isPlainObject(value)) {
      problems.push({
        path,
        message: `must be a mapping, got ${describeType(value)}`,
      });
    } else {
      sections[name] = value;
    }
  }
  const infra = sections.infra;
  const components = sections.components;

  const technologies: Array<DeploymentTechnology | undefined> = [];
  if (infra) {
    technologies.push(
      checkTechnology(infra, joinPath(base, 'infra'), problems),
    );
    for (const key of INFRA_COMPONENT_KEYS) {
      if (!(key in infra)) continue;
      const value = infra[key];
      if (!isPlainObject(value)) {
        problems.push({
          path: joinPath(joinPath(base, 'infra'), key),
          message: `must be a mapping (remove the key to render nothing), got ${describeType(
            value,
          )}`,
        });
      }
    }
  }
  if (components) {
    const path = joinPath(base, 'components');
    technologies.push(checkTechnology(components, path, problems));
    const services = components.services;
    const servicesPath = joinPath(path, 'services');
    let anyEnabled = false;
    if (services === undefined || services === null) {
      problems.push({
        path: servicesPath,
        message:
          'components.services is required: a mapping of service name to settings',
      });
    } else if (!isPlainObject(services)) {
      problems.push({
        path: servicesPath,
        message: `must be a mapping of service name to settings, got ${describeType(
          services,
        )}`,
      });
    } else {
      for (const [name, service] of Object.entries(services)) {
        checkService(name, service, joinPath(servicesPath, name), problems);
        if (isPlainObject(service) && service.enabled === true)
          anyEnabled = true;
      }
    }
    if (components.ocm === undefined && anyEnabled) {
      problems.push({
        path: joinPath(path, 'ocm'),
        message:
          'components.ocm (repo and component names) is required by the OCM Resource templates of the enabled services',
      });
    } else if (components.ocm !== undefined && !isPlainObject(components.ocm)) {
      problems.push({
        path: joinPath(path, 'ocm'),
        message: `must be a mapping, got ${describeType(components.ocm)}`,
      });
    }
    if (
      components.timeout !== undefined &&
      (typeof components.timeout !== 'string' ||
        !isGoDuration(components.timeout))
    ) {
      problems.push({
        path: joinPath(path, 'timeout'),
        message: 'must be a Go duration such as 15m or 1h',
      });
    }
  }

  const technology = technologies.find(Boolean) ?? 'fluxcd';
  if (technology === 'argocd') {
    for (const [name, section] of Object.entries(sections)) {
      const server = section?.destinationServer;
      if (
        server !== undefined &&
        (typeof server !== 'string' || !isHttpUrl(server))
      ) {
        problems.push({
          path: joinPath(joinPath(base, name), 'destinationServer'),
          message:
            'must be the http(s) URL of the runtime API server as the infra cluster reaches it (placeholders such as ${RUNTIME_CLUSTER_IP} are not substituted)',
        });
      }
    }
  }
  return problems;
}

/**
 * The deployment technology a profile declares (`infra` first, then `components`, as the
 * operator's ResourceSubroutine reads it), lower-cased; undefined when it declares none.
 *
 * @param profile - a decoded profile
 */
export function profileDeploymentTechnology(
  profile: unknown,
): string | undefined {
  if (!isPlainObject(profile)) return undefined;
  for (const name of ['infra', 'components']) {
    const section = profile[name];
    if (
      isPlainObject(section) &&
      typeof section.deploymentTechnology === 'string'
    ) {
      return section.deploymentTechnology.toLowerCase();
    }
  }
  return undefined;
}
