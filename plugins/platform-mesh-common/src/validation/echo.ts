/**
 * The longest part of an input value a validation message repeats: longer values are cut, so a
 * huge input cannot make a huge message.
 */
export const MAX_ECHOED_CHARACTERS = 80;

/**
 * Cuts a text to `MAX_ECHOED_CHARACTERS` characters, marking the cut with `…`.
 *
 * @param text - any text taken from an input (a name, a key)
 * @alpha
 */
export function truncateForMessage(text: string): string {
  if (text.length <= MAX_ECHOED_CHARACTERS) return text;
  let cut = text.slice(0, MAX_ECHOED_CHARACTERS);
  // Never end on the first half of a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/**
 * Quotes an input value for a validation message, as JSON, cut to `MAX_ECHOED_CHARACTERS`
 * characters (`"aaaa…"`). Only for values that are not credentials.
 *
 * @param value - the value to repeat (strings are quoted, anything else is described as JSON)
 * @alpha
 */
export function quoteForMessage(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(truncateForMessage(value));
  }
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  return truncateForMessage(json ?? String(value));
}
