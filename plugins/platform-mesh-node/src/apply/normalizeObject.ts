import type { KubernetesObject } from '@platform-mesh-backstage/plugin-platform-mesh-common';

const SERVER_METADATA = [
  'managedFields',
  'resourceVersion',
  'uid',
  'creationTimestamp',
  'generation',
  'selfLink',
] as const;

/**
 * The desired-state view of an object for comparisons: without server-populated metadata and
 * status, and with a Secret's `stringData` folded into base64 `data` (as the server stores it).
 */
export function normalizeObject(
  object: KubernetesObject,
): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(object)) as Record<string, any>;
  delete copy.status;
  if (copy.metadata) {
    for (const key of SERVER_METADATA) delete copy.metadata[key];
    if (
      copy.metadata.annotations &&
      Object.keys(copy.metadata.annotations).length === 0
    ) {
      delete copy.metadata.annotations;
    }
    if (
      copy.metadata.labels &&
      Object.keys(copy.metadata.labels).length === 0
    ) {
      delete copy.metadata.labels;
    }
  }
  if (copy.kind === 'Secret' && copy.stringData) {
    const data: Record<string, string> = { ...(copy.data ?? {}) };
    for (const [key, value] of Object.entries(copy.stringData)) {
      data[key] = Buffer.from(String(value), 'utf8').toString('base64');
    }
    copy.data = data;
    delete copy.stringData;
  }
  return copy;
}

/** The field ownership of an object, without timestamps, in a comparable form. */
export function ownership(object: KubernetesObject | undefined): string {
  const entries = ((object?.metadata as any)?.managedFields ?? []) as Array<
    Record<string, unknown>
  >;
  return JSON.stringify(
    entries
      .map(({ time: _time, ...rest }) => rest)
      .sort((a, b) =>
        `${a.manager}|${a.operation}|${a.subresource ?? ''}`.localeCompare(
          `${b.manager}|${b.operation}|${b.subresource ?? ''}`,
        ),
      ),
  );
}
