import type { KubernetesObject } from '@platform-mesh-backstage/plugin-platform-mesh-common';

const MIN_FRAGMENT = 16;

/**
 * Every sensitive string of Secret objects, to scrub from any message before it is logged or
 * returned: each value as given, base64-encoded and decoded, and the long lines and `key: value`
 * values inside it (e.g. the token line of a kubeconfig).
 */
export function secretValues(objects: Iterable<KubernetesObject>): string[] {
  const values = new Set<string>();
  const addPlain = (plain: string) => {
    values.add(plain);
    values.add(Buffer.from(plain, 'utf8').toString('base64'));
    for (const rawLine of plain.split('\n')) {
      const line = rawLine.trim();
      if (line.length >= MIN_FRAGMENT) values.add(line);
      const value = line.match(/^[-\w.]+:\s*["']?(.+?)["']?$/)?.[1];
      if (value && value.length >= MIN_FRAGMENT) values.add(value);
    }
  };
  for (const object of objects) {
    if (object.kind !== 'Secret') continue;
    for (const field of ['stringData', 'data'] as const) {
      const map = object[field];
      if (!map || typeof map !== 'object') continue;
      for (const value of Object.values(map as Record<string, unknown>)) {
        if (typeof value !== 'string' || value.length === 0) continue;
        if (field === 'data') {
          values.add(value);
          addPlain(Buffer.from(value, 'base64').toString('utf8'));
        } else {
          addPlain(value);
        }
      }
    }
  }
  // Longest first, so that a value is scrubbed before the fragments it contains.
  return [...values].sort((a, b) => b.length - a.length);
}
