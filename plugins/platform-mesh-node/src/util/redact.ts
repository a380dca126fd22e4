/** Replaces every occurrence of the given secret strings (length >= 4) with `[redacted]`. */
export function redactSecrets(
  text: string,
  secrets: Iterable<string | undefined>,
): string {
  let result = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4 && result.includes(secret)) {
      result = result.split(secret).join('[redacted]');
    }
  }
  return result;
}

/** Removes bearer tokens and Authorization header values that might be echoed back. */
export function redactAuthorization(text: string): string {
  return text
    .replace(
      /(authorization["']?\s*[:=]\s*["']?)[^"',\s}]+(\s+[^"',\s}]+)?/gi,
      '$1[redacted]',
    )
    .replace(/bearer\s+[A-Za-z0-9\-._~+/]+=*/gi, 'Bearer [redacted]');
}
