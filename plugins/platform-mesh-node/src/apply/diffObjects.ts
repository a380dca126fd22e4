import { type KubernetesObject } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { formatLineDiff } from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import { normalizeObject } from './normalizeObject';

/**
 * One difference between two versions of an object.
 *
 * @public
 */
export interface DiffEntry {
  /** Dotted path, e.g. `spec.values.replicas` or `data.kubeconfig`. */
  path: string;
  change: 'added' | 'removed' | 'changed';
  /** The old value; `(redacted)` for Secret data. */
  before?: unknown;
  /** The new value; `(redacted)` for Secret data. */
  after?: unknown;
}

const REDACTED = '(redacted)';

/**
 * Compares two versions of an object for dry-run previews, ignoring server-populated metadata and
 * status. The values of a Secret's `data` and `stringData` are never included: such entries say
 * `(redacted)`, so only the keys that change are visible.
 *
 * @public
 */
export function diffObjects(
  before: KubernetesObject | undefined,
  after: KubernetesObject | undefined,
): DiffEntry[] {
  const isSecret = before?.kind === 'Secret' || after?.kind === 'Secret';
  const raw: RawEntry[] = [];
  walk(
    before ? normalizeObject(before) : undefined,
    after ? normalizeObject(after) : undefined,
    [],
    raw,
  );
  return raw.map(({ path, ...entry }) => {
    const formatted = { ...entry, path: formatPath(path) };
    if (!isSecret || !isSecretValuePath(path)) return formatted;
    return {
      ...formatted,
      ...(entry.before !== undefined ? { before: REDACTED } : {}),
      ...(entry.after !== undefined ? { after: REDACTED } : {}),
    };
  });
}

type RawEntry = Omit<DiffEntry, 'path'> & { path: string[] };

/** Context lines around each change of a multi-line string (a profile). */
const LINE_DIFF_CONTEXT = 3;

/**
 * Formats a diff as lines (`+ path: value`, `- path`, `~ path: old → new`). A change of a
 * multi-line string (the profile ConfigMap's `profile.yaml`) is shown line by line instead:
 * `~ path:` followed by the hunks of a line diff (`@@ -a,b +c,d @@`, then ` `/`-`/`+` lines with a
 * few lines of context), indented by two spaces. Secret values are redacted by
 * {@link diffObjects} before they get here, so they are never diffed by value.
 *
 * @public
 */
export function formatDiff(entries: DiffEntry[]): string {
  return entries
    .map(entry => {
      switch (entry.change) {
        case 'added':
          return `+ ${entry.path}: ${show(entry.after)}`;
        case 'removed':
          return `- ${entry.path}: ${show(entry.before)}`;
        default:
          if (isMultiLine(entry.before) || isMultiLine(entry.after)) {
            return `~ ${entry.path}:\n${formatLineDiff(
              String(entry.before),
              String(entry.after),
              { context: LINE_DIFF_CONTEXT },
            )
              .split('\n')
              .map(line => `  ${line}`)
              .join('\n')}`;
          }
          return `~ ${entry.path}: ${show(entry.before)} → ${show(
            entry.after,
          )}`;
      }
    })
    .join('\n');
}

function isSecretValuePath(path: string[]): boolean {
  return path[0] === 'data' || path[0] === 'stringData';
}

function formatPath(path: string[]): string {
  return path
    .map((segment, i) => {
      if (/^[A-Za-z_][\w-]*$/.test(segment)) {
        return i === 0 ? segment : `.${segment}`;
      }
      return `[${JSON.stringify(segment)}]`;
    })
    .join('');
}

function walk(a: unknown, b: unknown, path: string[], out: RawEntry[]): void {
  const aIsObject = isPlainObject(a);
  const bIsObject = isPlainObject(b);
  if (
    (aIsObject || bIsObject) &&
    (aIsObject || a === undefined) &&
    (bIsObject || b === undefined)
  ) {
    // Recurse into maps (also when one side is missing) so that every entry is a leaf and
    // Secret values can be redacted key by key.
    const left = (a ?? {}) as Record<string, unknown>;
    const right = (b ?? {}) as Record<string, unknown>;
    const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
    for (const key of [...keys].sort()) {
      walk(left[key], right[key], [...path, key], out);
    }
    return;
  }
  if (a === undefined && b === undefined) return;
  if (a === undefined) {
    out.push({ path, change: 'added', after: b });
  } else if (b === undefined) {
    out.push({ path, change: 'removed', before: a });
  } else if (JSON.stringify(a) !== JSON.stringify(b)) {
    out.push({ path, change: 'changed', before: a, after: b });
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isMultiLine(value: unknown): boolean {
  return typeof value === 'string' && value.includes('\n');
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
