import { quoteForMessage } from './echo';

/**
 * The answer of {@link normalizeEntityRef}: the full, lower-case ref (`kind:namespace/name`), or
 * why the text is not one of the allowed kinds.
 *
 * @alpha
 */
export type EntityRefCheck =
  | { ok: true; ref: string }
  | { ok: false; message: string };

const NAME = /^[a-z0-9A-Z]([-_.a-z0-9A-Z]{0,61}[a-z0-9A-Z])?$/;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * Checks a catalog entity reference the way Backstage writes them (`kind:namespace/name`,
 * `kind:name`, or a bare `name` when `defaultKind` is given) and returns it in full, lower-case
 * form (`group:default/platform-team`). The kind must be one of `kinds` (case-insensitive); the
 * namespace defaults to `default`. Messages quote the text only truncated.
 *
 * @param text - the reference, e.g. what `OwnerPicker` returns
 * @param kinds - the allowed kinds, lower-case (e.g. `['group', 'user']`)
 * @param defaultKind - the kind of a reference without one; without it the kind is required
 * @alpha
 */
export function normalizeEntityRef(
  text: string,
  kinds: readonly string[],
  defaultKind?: string,
): EntityRefCheck {
  const match = text.trim().match(/^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/);
  const expected = `a catalog entity ref like ${
    kinds[0]
  }:default/<name> (kind ${kinds.join(' or ')})`;
  if (!match) {
    return {
      ok: false,
      message: `must be ${expected}, got ${quoteForMessage(text)}`,
    };
  }
  const kind = (match[1] ?? defaultKind)?.toLocaleLowerCase('en-US');
  const namespace = (match[2] ?? 'default').toLocaleLowerCase('en-US');
  const name = match[3];
  if (!kind) {
    return {
      ok: false,
      message: `must name its kind (${kinds.join(' or ')}), e.g. ${
        kinds[0]
      }:default/${name.slice(0, 40)}`,
    };
  }
  if (!kinds.includes(kind)) {
    return {
      ok: false,
      message: `must be a ref of kind ${kinds.join(
        ' or ',
      )}, got kind ${quoteForMessage(kind)}`,
    };
  }
  if (!NAMESPACE.test(namespace) || !NAME.test(name)) {
    return {
      ok: false,
      message: `must be ${expected}, got ${quoteForMessage(text)}`,
    };
  }
  return {
    ok: true,
    ref: `${kind}:${namespace}/${name.toLocaleLowerCase('en-US')}`,
  };
}
