/**
 * The longest text (in characters) a status answer carries in one field, e.g. a condition
 * message: controllers can write messages of a megabyte (a full Helm error, a rendered manifest).
 *
 * @alpha
 */
export const MAX_STATUS_TEXT_LENGTH = 4096;

/**
 * A string field of an object read from a cluster, as the status answer may carry it: the string
 * itself, cut to `max` characters with an ellipsis (`…`) when longer; undefined for anything that
 * is not a non-empty string (a number, an object, `null`), so that nothing but text reaches the
 * answer.
 *
 * @param value - the raw field value
 * @param max - the longest result, ellipsis included; defaults to {@link MAX_STATUS_TEXT_LENGTH}
 */
export function boundedText(
  value: unknown,
  max: number = MAX_STATUS_TEXT_LENGTH,
): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return undefined;
  if (value.length <= max) return value;
  return `${value.slice(0, Math.max(0, max - 1))}…`;
}

/**
 * A numeric field of an object read from a cluster: the number when it is finite, else undefined.
 *
 * @param value - the raw field value
 */
export function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value)
    ? value
    : undefined;
}

/**
 * True for a plain object (not `null`, not an array).
 *
 * @param value - the raw value
 * @alpha
 */
export function isRecord(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
