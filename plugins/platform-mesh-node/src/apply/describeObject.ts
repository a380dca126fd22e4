import type { KubernetesObject } from '@platform-mesh-backstage/plugin-platform-mesh-common';

/**
 * Names an object as `Kind namespace/name` (or `Kind name`): the only way objects appear in
 * errors and logs, so Secret contents never do.
 *
 * @public
 */
export function describeObject(
  object: Pick<KubernetesObject, 'kind'> & {
    metadata?: { name?: string; namespace?: string };
  },
): string {
  const name = object.metadata?.name ?? '(unnamed)';
  const namespace = object.metadata?.namespace;
  return `${object.kind ?? '(no kind)'} ${
    namespace ? `${namespace}/` : ''
  }${name}`;
}
