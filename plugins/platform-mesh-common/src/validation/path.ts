/**
 * Appends a property name or an array index to a field path: `joinPath('kcp', 'providerConnections')`
 * is `kcp.providerConnections`, `joinPath('kcp.providerConnections', 1)` is
 * `kcp.providerConnections[1]`.
 *
 * @param base - the path so far (may be empty)
 * @param key - a property name or an array index
 * @internal
 */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') {
    return `${base}[${key}]`;
  }
  return base ? `${base}.${key}` : key;
}
