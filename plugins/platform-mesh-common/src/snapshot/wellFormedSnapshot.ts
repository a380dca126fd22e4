import { finiteNumber, isRecord } from '../health/text';
import type { KubernetesObject, SecretMetadata } from '../types/kubernetes';
import type { InstanceSnapshot } from './InstanceSnapshot';

/** Kubernetes names are at most 253 characters (DNS subdomain). */
const MAX_NAME_LENGTH = 253;
/** A group (253) and a version (63) with the slash. */
const MAX_API_VERSION_LENGTH = 317;
const MAX_KIND_LENGTH = 63;

function isName(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= MAX_NAME_LENGTH
  );
}

function optionalName(value: unknown): string | undefined {
  return isName(value) ? value : undefined;
}

function optionalString(value: unknown, max = 64): string | undefined {
  return typeof value === 'string' && value.length <= max ? value : undefined;
}

function stringMap(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  const entries = Object.entries(value).filter(
    ([, v]) => typeof v === 'string',
  );
  return entries.length === Object.keys(value).length
    ? (value as Record<string, string>)
    : Object.fromEntries(entries);
}

function strings(value: unknown, max = 316): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const ok = (v: unknown): v is string =>
    typeof v === 'string' && v.length <= max;
  return value.every(ok) ? value : value.filter(ok);
}

/**
 * The object when it is a Kubernetes object this project can read (string `apiVersion`, `kind` and
 * `metadata.name` of the lengths Kubernetes allows), with its metadata fields of the wrong type left out; undefined otherwise.
 *
 * @param value - anything read from a cluster
 */
export function wellFormedObject<T extends KubernetesObject>(
  value: unknown,
): T | undefined {
  if (
    !isRecord(value) ||
    typeof value.apiVersion !== 'string' ||
    typeof value.kind !== 'string' ||
    !isRecord(value.metadata) ||
    !isName(value.metadata.name) ||
    value.apiVersion.length > MAX_API_VERSION_LENGTH ||
    value.kind.length > MAX_KIND_LENGTH
  ) {
    return undefined;
  }
  const m = value.metadata;
  const metadata: Record<string, unknown> = { ...m };
  const fields: Array<[string, unknown]> = [
    ['namespace', optionalName(m.namespace)],
    ['uid', optionalString(m.uid)],
    ['resourceVersion', optionalString(m.resourceVersion, 253)],
    ['creationTimestamp', optionalString(m.creationTimestamp)],
    ['deletionTimestamp', optionalString(m.deletionTimestamp)],
    ['generation', finiteNumber(m.generation)],
    ['labels', stringMap(m.labels)],
    ['annotations', stringMap(m.annotations)],
    ['finalizers', strings(m.finalizers)],
  ];
  let changed = false;
  for (const [key, repaired] of fields) {
    if (repaired === m[key]) continue;
    changed = true;
    if (repaired === undefined) delete metadata[key];
    else metadata[key] = repaired;
  }
  const spec = value.spec;
  const status = value.status;
  const badSpec = spec !== undefined && !isRecord(spec);
  const badStatus = status !== undefined && !isRecord(status);
  if (!changed && !badSpec && !badStatus) return value as T;
  const copy: Record<string, unknown> = { ...value, metadata };
  if (badSpec) delete copy.spec;
  if (badStatus) delete copy.status;
  return copy as T;
}

function objects<T extends KubernetesObject>(list: unknown): T[] {
  if (!Array.isArray(list)) return [];
  return list
    .map(o => wellFormedObject<T>(o))
    .filter((o): o is T => o !== undefined);
}

function secretMetadata(list: unknown): SecretMetadata[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((s): SecretMetadata[] => {
    if (!isRecord(s) || !isName(s.name)) return [];
    const labels = stringMap(s.labels);
    return [
      {
        name: s.name,
        namespace: optionalName(s.namespace) ?? '',
        keys: strings(s.keys) ?? [],
        ...(labels ? { labels } : {}),
      },
    ];
  });
}

/**
 * The snapshot with only what the status can read: each list an array of well-formed objects (see
 * {@link wellFormedObject}; anything else is left out), Secrets with string names and key names,
 * a missing section read as empty. `buildInstanceStatus` and `runDiagnostics` start from this,
 * so a snapshot built from malformed objects never makes them throw.
 *
 * @param snapshot - a snapshot, possibly built from malformed objects
 */
export function wellFormedSnapshot(
  snapshot: InstanceSnapshot,
): InstanceSnapshot {
  const runtime: Record<string, any> = isRecord(snapshot.runtime)
    ? snapshot.runtime
    : {};
  const operator: Record<string, any> = isRecord(snapshot.operator)
    ? snapshot.operator
    : {};
  const infra: Record<string, any> = isRecord(snapshot.infra)
    ? snapshot.infra
    : {};
  const platformMesh = wellFormedObject<any>(runtime.platformMesh);
  const generationObservedAt = optionalString(runtime.generationObservedAt);
  const others = strings(runtime.otherPlatformMeshes, MAX_NAME_LENGTH);
  return {
    ...snapshot,
    runtime: {
      ...(platformMesh ? { platformMesh } : {}),
      ...(generationObservedAt ? { generationObservedAt } : {}),
      ...(others ? { otherPlatformMeshes: others } : {}),
      configMaps: objects(runtime.configMaps),
      ...(Array.isArray(runtime.ocmResources)
        ? { ocmResources: objects(runtime.ocmResources) }
        : {}),
    },
    operator: {
      secrets: secretMetadata(operator.secrets),
      platformMeshes: objects(operator.platformMeshes),
    },
    infra: {
      secrets: secretMetadata(infra.secrets),
      platformMeshes: objects(infra.platformMeshes),
      helmReleases: objects(infra.helmReleases),
      kustomizations: objects(infra.kustomizations),
      applications: objects(infra.applications),
      ociRepositories: objects(infra.ociRepositories),
      helmRepositories: objects(infra.helmRepositories),
      gitRepositories: objects(infra.gitRepositories),
    },
  };
}
