/**
 * Names the JSON type of a value for a message (`a string`, `a list`, `a mapping`, `null`), never
 * the value itself.
 *
 * @internal
 */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}
