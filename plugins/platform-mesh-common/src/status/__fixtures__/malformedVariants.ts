/**
 * Test helper: deterministic malformed variants of a well-formed object, as older or looser CRDs,
 * hand edits or someone else's code can produce them. Each variant replaces ONE value (at any
 * depth up to `maxDepth`) by one of {@link BAD_VALUES}; arrays also get a `null` entry and a
 * non-object entry appended.
 */

/** A message far beyond any sensible bound (64 KiB). */
const HUGE_TEXT = 'x'.repeat(64 * 1024);

/** The values a malformed field is replaced with. */
const BAD_VALUES: readonly unknown[] = [
  null,
  undefined,
  42,
  'not-an-object',
  [],
  {},
  [null],
  true,
  { nested: [null] },
  HUGE_TEXT,
];

interface MalformedVariant<T> {
  /** e.g. `status.conditions[0].message = 42` */
  description: string;
  value: T;
}

function clone<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value));
}

function setAt(root: any, path: Array<string | number>, value: unknown) {
  let at = root;
  for (const key of path.slice(0, -1)) at = at[key];
  at[path[path.length - 1]] = value;
}

function describePath(path: Array<string | number>): string {
  return path
    .map(k => (typeof k === 'number' ? `[${k}]` : `.${k}`))
    .join('')
    .replace(/^\./, '');
}

function paths(
  value: unknown,
  maxDepth: number,
  prefix: Array<string | number> = [],
): Array<Array<string | number>> {
  if (prefix.length >= maxDepth || typeof value !== 'object' || !value) {
    return [];
  }
  const keys: Array<string | number> = Array.isArray(value)
    ? value.map((_, i) => i)
    : Object.keys(value);
  return keys.flatMap(k => {
    const path = [...prefix, k];
    return [path, ...paths((value as any)[k], maxDepth, path)];
  });
}

/**
 * Every malformed variant of `value`.
 *
 * @param value - a well-formed object
 * @param options - `maxDepth` (default 8), `badValues` (default {@link BAD_VALUES}), `skip`
 *   (paths whose description starts with one of these are left alone)
 */
export function malformedVariants<T>(
  value: T,
  options: {
    maxDepth?: number;
    badValues?: readonly unknown[];
    skip?: string[];
  } = {},
): Array<MalformedVariant<T>> {
  const badValues = options.badValues ?? BAD_VALUES;
  const variants: Array<MalformedVariant<T>> = [
    { description: 'the object itself is null', value: null as T },
    { description: 'the object itself is a string', value: 'x' as T },
  ];
  for (const path of paths(value, options.maxDepth ?? 8)) {
    const where = describePath(path);
    if (options.skip?.some(s => where.startsWith(s))) continue;
    for (const bad of badValues) {
      const copy = clone(value);
      setAt(copy, path, clone(bad));
      const shown =
        typeof bad === 'string' && bad.length > 20
          ? `<string of ${bad.length}>`
          : JSON.stringify(bad);
      variants.push({ description: `${where} = ${shown}`, value: copy });
    }
    let target: unknown = value;
    for (const k of path) target = (target as any)[k];
    if (Array.isArray(target)) {
      for (const extra of [null, 7]) {
        const copy = clone(value);
        let arr: any = copy;
        for (const k of path) arr = arr[k];
        arr.push(extra);
        variants.push({
          description: `${where} gets an entry ${JSON.stringify(extra)}`,
          value: copy,
        });
      }
    }
  }
  return variants;
}
