const PATTERN = /^[a-z0-9*]([-a-z0-9*]*[a-z0-9*])?$/;

/**
 * Checks one entry of a target's `namespaces` allow-list: a namespace name (DNS label) or a
 * pattern in which `*` stands for any run of characters, e.g. `team-a-*`. Returns the problem, or
 * undefined when the entry is valid.
 *
 * @param pattern - the allow-list entry
 * @alpha
 */
export function namespacePatternProblem(pattern: string): string | undefined {
  if (pattern.length === 0) return 'must not be empty';
  if (pattern.length > 63) return 'must be at most 63 characters';
  if (!PATTERN.test(pattern)) {
    return "must be a namespace name or a pattern of lower-case letters, digits, '-' and '*'";
  }
  return undefined;
}

/**
 * True when `namespace` matches one of the allow-list entries (exact names, or patterns where `*`
 * matches any run of characters, including none). An empty list allows nothing.
 *
 * @param patterns - the target's allowed namespaces
 * @param namespace - the namespace to check
 * @alpha
 */
export function namespaceAllowed(
  patterns: readonly string[],
  namespace: string,
): boolean {
  return patterns.some(pattern => matches(pattern, namespace));
}

function matches(pattern: string, value: string): boolean {
  if (!pattern.includes('*')) return pattern === value;
  const parts = pattern.split('*');
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (!value.startsWith(first)) return false;
  let at = first.length;
  for (const middle of parts.slice(1, -1)) {
    const found = value.indexOf(middle, at);
    if (found < 0) return false;
    at = found + middle.length;
  }
  return value.length - at >= last.length && value.endsWith(last);
}
