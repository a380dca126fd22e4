import {
  isRecord,
  MAX_STATUS_TEXT_LENGTH,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';

/** The type a field must have; anything else is dropped. */
type FieldType = 'string' | 'number' | 'boolean';

/**
 * Typed fields the status reads, per kind, as dotted paths (`*` = every array entry). A present
 * field of another type is dropped, and so is a container on the way that is not an object (or
 * array, for `*`).
 */
const FIELDS: Record<string, Array<[string, FieldType]>> = {
  HelmRelease: [
    ['spec.suspend', 'boolean'],
    ['spec.kubeConfig.secretRef.name', 'string'],
    ['spec.kubeConfig.secretRef.key', 'string'],
    ['spec.chartRef.kind', 'string'],
    ['spec.chartRef.name', 'string'],
    ['spec.chartRef.namespace', 'string'],
    ['spec.chart.spec.chart', 'string'],
    ['spec.chart.spec.version', 'string'],
    ['spec.chart.spec.sourceRef.kind', 'string'],
    ['spec.chart.spec.sourceRef.name', 'string'],
    ['spec.chart.spec.sourceRef.namespace', 'string'],
    ['status.observedGeneration', 'number'],
    ['status.lastAttemptedGeneration', 'number'],
    ['status.failures', 'number'],
    ['status.installFailures', 'number'],
    ['status.upgradeFailures', 'number'],
    ['status.history.*.chartName', 'string'],
    ['status.history.*.chartVersion', 'string'],
    ['status.history.*.appVersion', 'string'],
    ['status.history.*.status', 'string'],
    ['status.history.*.version', 'number'],
  ],
  Kustomization: [
    ['spec.suspend', 'boolean'],
    ['spec.kubeConfig.secretRef.name', 'string'],
    ['spec.kubeConfig.secretRef.key', 'string'],
    ['spec.sourceRef.kind', 'string'],
    ['spec.sourceRef.name', 'string'],
    ['spec.sourceRef.namespace', 'string'],
    ['status.observedGeneration', 'number'],
    ['status.lastAppliedRevision', 'string'],
  ],
  OCIRepository: sourceFields(),
  HelmRepository: [...sourceFields(), ['spec.type', 'string']],
  GitRepository: sourceFields(),
  Application: [
    ['spec.destination.server', 'string'],
    ['spec.destination.name', 'string'],
    ['spec.destination.namespace', 'string'],
    ['spec.source.repoURL', 'string'],
    ['spec.source.chart', 'string'],
    ['spec.source.targetRevision', 'string'],
    ['spec.sources.*.repoURL', 'string'],
    ['spec.sources.*.chart', 'string'],
    ['spec.sources.*.targetRevision', 'string'],
    ['status.health.status', 'string'],
    ['status.health.message', 'string'],
    ['status.health.lastTransitionTime', 'string'],
    ['status.sync.status', 'string'],
    ['status.sync.revision', 'string'],
    ['status.sync.revisions.*', 'string'],
    ['status.operationState.phase', 'string'],
    ['status.operationState.message', 'string'],
    ['status.operationState.startedAt', 'string'],
    ['status.operationState.finishedAt', 'string'],
    ['status.operationState.syncResult.revision', 'string'],
    ['status.operationState.syncResult.revisions.*', 'string'],
  ],
  PlatformMesh: [
    ['spec.profileConfigMap.name', 'string'],
    ['spec.profileConfigMap.namespace', 'string'],
    ['status.kcpWorkspaces.*.name', 'string'],
    ['status.kcpWorkspaces.*.phase', 'string'],
  ],
  // OCM delivery.ocm.software Resource (the only kind called Resource the cache watches)
  Resource: [
    ['spec.resource.byReference.resource.name', 'string'],
    ['status.observedGeneration', 'number'],
    ['status.resource.version', 'string'],
    ['status.component.version', 'string'],
  ],
};

function sourceFields(): Array<[string, FieldType]> {
  return [
    ['spec.suspend', 'boolean'],
    ['spec.url', 'string'],
    ['status.url', 'string'],
    ['status.observedGeneration', 'number'],
    ['status.artifact.revision', 'string'],
  ];
}

const METADATA_STRINGS = [
  'namespace',
  'uid',
  'resourceVersion',
  'creationTimestamp',
  'deletionTimestamp',
];

const CONDITION_STATUSES = new Set(['True', 'False', 'Unknown']);

/**
 * An object from a watch that is well-formed enough to keep, with the problems that were repaired
 * (paths only, never values).
 */
interface NormalizedObject {
  object: Record<string, unknown>;
  /** e.g. `status.conditions[0] dropped (not an object)`; empty for a well-formed object. */
  problems: string[];
}

/**
 * Thrown for an object that cannot be kept at all (no string `apiVersion`, `kind` or
 * `metadata.name`): the informer logs and skips it.
 */
export class MalformedObjectError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedObjectError';
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

function hasType(value: unknown, type: FieldType): boolean {
  return type === 'number'
    ? typeof value === 'number' && Number.isFinite(value)
    : typeof value === type;
}

/** Drops `path` (split) below `at` when present with the wrong type; records why. */
function checkField(
  at: unknown,
  parts: string[],
  type: FieldType,
  shown: string,
  problems: string[],
): void {
  if (!isRecord(at) && !Array.isArray(at)) return;
  const [head, ...rest] = parts;
  if (head === '*') {
    if (!Array.isArray(at)) return;
    if (rest.length > 0) {
      at.forEach((entry, i) =>
        checkField(entry, rest, type, `${shown}[${i}]`, problems),
      );
      return;
    }
    const kept = at.filter((entry, i) => {
      if (hasType(entry, type)) return true;
      problems.push(`${shown}[${i}] dropped (${typeName(entry)})`);
      return false;
    });
    at.splice(0, at.length, ...kept);
    return;
  }
  if (!isRecord(at) || !(head in at)) return;
  const record = at as Record<string, unknown>;
  const value = record[head];
  const path = shown ? `${shown}.${head}` : head;
  if (rest.length === 0) {
    if (value !== undefined && !hasType(value, type)) {
      problems.push(`${path} dropped (${typeName(value)})`);
      delete record[head];
    }
    return;
  }
  const wantsArray = rest[0] === '*';
  if (
    value !== undefined &&
    (wantsArray ? !Array.isArray(value) : !isRecord(value))
  ) {
    problems.push(`${path} dropped (${typeName(value)})`);
    delete record[head];
    return;
  }
  checkField(value, rest, type, path, problems);
}

/** A deep copy in which every string longer than the bound is cut with an ellipsis. */
function boundedCopy(value: unknown, path: string, problems: string[]): any {
  if (typeof value === 'string') {
    if (value.length <= MAX_STATUS_TEXT_LENGTH) return value;
    problems.push(`${path} cut to ${MAX_STATUS_TEXT_LENGTH} characters`);
    return `${value.slice(0, MAX_STATUS_TEXT_LENGTH - 1)}…`;
  }
  if (Array.isArray(value)) {
    return value.map((v, i) => boundedCopy(v, `${path}[${i}]`, problems));
  }
  if (isRecord(value)) {
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      copy[k] = boundedCopy(v, path ? `${path}.${k}` : k, problems);
    }
    return copy;
  }
  return value;
}

function normalizeConditions(
  status: Record<string, unknown>,
  argo: boolean,
  problems: string[],
): void {
  if (!('conditions' in status) || status.conditions === undefined) return;
  if (!Array.isArray(status.conditions)) {
    problems.push(`status.conditions dropped (${typeName(status.conditions)})`);
    delete status.conditions;
    return;
  }
  status.conditions = status.conditions.flatMap((c: unknown, i: number) => {
    const at = `status.conditions[${i}]`;
    if (!isRecord(c)) {
      problems.push(`${at} dropped (${typeName(c)})`);
      return [];
    }
    if (typeof c.type !== 'string' || c.type.length === 0) {
      problems.push(`${at} dropped (no type)`);
      return [];
    }
    const condition: Record<string, unknown> = { ...c };
    for (const key of ['reason', 'message', 'lastTransitionTime']) {
      if (key in condition && typeof condition[key] !== 'string') {
        problems.push(`${at}.${key} dropped (${typeName(condition[key])})`);
        delete condition[key];
      }
    }
    if (
      'observedGeneration' in condition &&
      !hasType(condition.observedGeneration, 'number')
    ) {
      problems.push(`${at}.observedGeneration dropped`);
      delete condition.observedGeneration;
    }
    if (!argo && !CONDITION_STATUSES.has(condition.status as string)) {
      problems.push(`${at}.status read as Unknown`);
      condition.status = 'Unknown';
    }
    return [condition];
  });
}

function stringMap(
  value: unknown,
  path: string,
  problems: string[],
): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) {
    problems.push(`${path} dropped (${typeName(value)})`);
    return undefined;
  }
  const kept: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string') kept[k] = v;
    else problems.push(`${path}.${k} dropped (${typeName(v)})`);
  }
  return kept;
}

/**
 * The cache's view of one watched object: `managedFields` and the last-applied annotation dropped
 * (large, never read), metadata fields of the wrong type dropped, `status.conditions` entries that
 * are not objects or have no type dropped (their text fields type-checked, an invalid status read
 * as `Unknown`; Argo CD conditions have no status), the typed fields the status reads checked per
 * kind, and every string cut to `MAX_STATUS_TEXT_LENGTH` with an ellipsis. Nothing downstream can
 * throw on what this returns.
 *
 * @param raw - the object as the API server sent it
 * @throws MalformedObjectError when it has no string `apiVersion`, `kind` or `metadata.name`
 */
export function normalizeObject(raw: unknown): NormalizedObject {
  if (
    !isRecord(raw) ||
    typeof raw.apiVersion !== 'string' ||
    typeof raw.kind !== 'string' ||
    !isRecord(raw.metadata) ||
    typeof raw.metadata.name !== 'string'
  ) {
    throw new MalformedObjectError(
      'object without apiVersion/kind/metadata.name',
    );
  }
  const problems: string[] = [];
  const { managedFields: _m, ...metadataIn } = raw.metadata;
  const annotations = stringMap(
    metadataIn.annotations,
    'metadata.annotations',
    problems,
  );
  if (annotations) {
    delete annotations['kubectl.kubernetes.io/last-applied-configuration'];
  }
  const labels = stringMap(metadataIn.labels, 'metadata.labels', problems);
  const metadata: Record<string, unknown> = { ...metadataIn };
  delete metadata.annotations;
  delete metadata.labels;
  if (annotations) metadata.annotations = annotations;
  if (labels) metadata.labels = labels;
  for (const key of METADATA_STRINGS) {
    if (key in metadata && typeof metadata[key] !== 'string') {
      problems.push(`metadata.${key} dropped (${typeName(metadata[key])})`);
      delete metadata[key];
    }
  }
  if ('generation' in metadata && !hasType(metadata.generation, 'number')) {
    problems.push(
      `metadata.generation dropped (${typeName(metadata.generation)})`,
    );
    delete metadata.generation;
  }
  if ('finalizers' in metadata) {
    const finalizers = metadata.finalizers;
    if (!Array.isArray(finalizers)) {
      problems.push(`metadata.finalizers dropped (${typeName(finalizers)})`);
      delete metadata.finalizers;
    } else if (!finalizers.every(f => typeof f === 'string')) {
      problems.push(
        'metadata.finalizers: entries that are not strings dropped',
      );
      metadata.finalizers = finalizers.filter(f => typeof f === 'string');
    }
  }

  const object: Record<string, unknown> = boundedCopy(
    { ...raw, metadata },
    '',
    problems,
  );
  for (const section of ['spec', 'status']) {
    if (section in object && !isRecord(object[section])) {
      problems.push(`${section} dropped (${typeName(object[section])})`);
      delete object[section];
    }
  }
  if (isRecord(object.status)) {
    normalizeConditions(object.status, raw.kind === 'Application', problems);
  }
  for (const [path, type] of FIELDS[raw.kind] ?? []) {
    checkField(object, path.split('.'), type, '', problems);
  }
  return { object, problems };
}
