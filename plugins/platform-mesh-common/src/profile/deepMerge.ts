/**
 * Whether a value is a plain object (not an array, not null).
 *
 * @param value - any value
 * @internal
 */
export function isPlainObject(
  value: unknown,
): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Deep-merges `override` over `base` without mutating either: objects merge key by key, arrays and
 * scalars replace, `undefined` in the override is ignored.
 *
 * @param base - the defaults
 * @param override - the values that win
 * @internal
 */
export function deepMerge<T>(base: T, override: unknown): T {
  if (override === undefined) {
    return cloneJson(base);
  }
  if (!isPlainObject(base) || !isPlainObject(override)) {
    return cloneJson(override) as T;
  }
  const result: Record<string, unknown> = cloneJson(base);
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) continue;
    result[key] =
      key in result ? deepMerge(result[key], value) : cloneJson(value);
  }
  return result as T;
}

/**
 * Deep copy of a JSON-like value (objects, arrays, scalars).
 *
 * @param value - the value to copy
 * @internal
 */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map(item => cloneJson(item)) as T;
  }
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      copy[key] = cloneJson(item);
    }
    return copy as T;
  }
  return value;
}
