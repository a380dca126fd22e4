const KIND = /^[a-zA-Z][a-zA-Z0-9]*$/;
const NAMESPACE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const NAME = /^[a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*$/;

/**
 * Checks that `ref` is a catalog entity reference (`[kind:][namespace/]name`, each part valid as
 * the catalog's default validators require, e.g. `group:default/platform-team`) and returns the
 * problem, or undefined when it is one. With `kinds`, the kind must be given and be one of them
 * (compared case-insensitively).
 *
 * @param ref - the text to check
 * @param kinds - the kinds allowed (lower case), e.g. `['group', 'user']`
 * @alpha
 */
export function entityRefProblem(
  ref: string,
  kinds?: readonly string[],
): string | undefined {
  const match = ref.match(/^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/);
  if (!match) return 'is not of the form [kind:][namespace/]name';
  const [, kind, namespace, name] = match;
  if (kind !== undefined && !KIND.test(kind)) {
    return `has an invalid kind "${kind}"`;
  }
  if (kinds && (kind === undefined || !kinds.includes(kind.toLowerCase()))) {
    return `must name its kind, one of ${kinds.join(', ')}`;
  }
  if (
    namespace !== undefined &&
    (namespace.length > 63 || !NAMESPACE.test(namespace))
  ) {
    return `has an invalid namespace "${namespace}"`;
  }
  if (name.length > 63 || !NAME.test(name)) {
    return `has an invalid name "${name}"`;
  }
  return undefined;
}
