import type { LoggerService } from '@backstage/backend-plugin-api';
import { type SecretMetadata } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  isRecord,
  PROFILE_CONFIGMAP_KEY,
  PROFILE_CONFIGMAP_SUFFIX,
  SNAPSHOT_RESOURCES,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import { MalformedObjectReporter } from './MalformedObjectReporter';
import { MalformedObjectError, normalizeObject } from './normalizeObject';

/** Collects what a transform repaired on one object. */
type Problems = string[];

function requireIdentity(raw: any): void {
  if (!isRecord(raw) || !isRecord(raw.metadata)) {
    throw new MalformedObjectError('object without metadata');
  }
  if (typeof raw.metadata.name !== 'string') {
    throw new MalformedObjectError('object without metadata.name');
  }
}

function stringLabels(
  labels: unknown,
  problems: Problems,
): Record<string, string> | undefined {
  if (labels === undefined) return undefined;
  if (!isRecord(labels)) {
    problems.push('metadata.labels dropped');
    return undefined;
  }
  const kept = Object.entries(labels).filter(([, v]) => typeof v === 'string');
  if (kept.length !== Object.keys(labels).length) {
    problems.push('metadata.labels: values that are not strings dropped');
  }
  return Object.fromEntries(kept) as Record<string, string>;
}

/**
 * Keeps a Secret's identity and key names. This runs on each object as it arrives from the watch,
 * so values are never stored; the Secrets watched are only the named ones the setup depends on.
 * `data`/`stringData` that are not objects count as having no keys.
 */
function toSecretMetadata(raw: any, problems: Problems = []): SecretMetadata {
  requireIdentity(raw);
  const keys = new Set<string>();
  for (const field of ['data', 'stringData']) {
    const value = raw[field];
    if (value === undefined || value === null) continue;
    if (!isRecord(value)) {
      problems.push(`${field} dropped`);
      continue;
    }
    Object.keys(value).forEach(k => keys.add(k));
  }
  const labels = stringLabels(raw.metadata.labels, problems);
  return {
    name: raw.metadata.name,
    namespace:
      typeof raw.metadata.namespace === 'string' ? raw.metadata.namespace : '',
    keys: [...keys].sort(),
    ...(labels ? { labels } : {}),
  };
}

/**
 * Keeps ConfigMaps that can be a profile (`*-profile` or holding `profile.yaml`), with only the
 * `profile.yaml` key (kept whole: a cut profile would not parse); drops every other ConfigMap. A
 * `profile.yaml` that is not a string is dropped.
 */
function toProfileConfigMap(
  raw: any,
  problems: Problems = [],
): object | undefined {
  requireIdentity(raw);
  const data: Record<string, unknown> = isRecord(raw.data) ? raw.data : {};
  const named = raw.metadata.name.endsWith(PROFILE_CONFIGMAP_SUFFIX);
  if (!named && !(PROFILE_CONFIGMAP_KEY in data)) return undefined;
  const profile = data[PROFILE_CONFIGMAP_KEY];
  if (profile !== undefined && typeof profile !== 'string') {
    problems.push(`data.${PROFILE_CONFIGMAP_KEY} dropped (not a string)`);
  }
  const { object } = normalizeObject({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: raw.metadata,
  });
  return {
    ...object,
    data:
      typeof profile === 'string' ? { [PROFILE_CONFIGMAP_KEY]: profile } : {},
  };
}

/**
 * The normalised object (see `normalizeObject`): slim, typed, strings bounded.
 */
function toSlimObject(raw: any, problems: Problems = []): object {
  const normalized = normalizeObject(raw);
  problems.push(...normalized.problems);
  return normalized.object;
}

const TRANSFORMS: Record<
  string,
  (raw: any, problems: Problems) => object | undefined
> = {
  [SNAPSHOT_RESOURCES.secrets]: toSecretMetadata,
  [SNAPSHOT_RESOURCES.configMaps]: toProfileConfigMap,
};

/**
 * The transform of each watched resource. With a logger, each malformed object that was repaired
 * is reported once (see `MalformedObjectReporter`), not on every event.
 *
 * @param resource - the watched resource (`SNAPSHOT_RESOURCES`)
 * @param logger - where to warn about repaired objects
 */
export function transformFor(
  resource: string,
  logger?: LoggerService,
): (raw: any) => object | undefined {
  const transform = TRANSFORMS[resource] ?? toSlimObject;
  if (!logger) return raw => transform(raw, []);
  const reporter = new MalformedObjectReporter(logger, resource);
  return raw => {
    const problems: Problems = [];
    const result = transform(raw, problems);
    reporter.report(raw, problems);
    return result;
  };
}
