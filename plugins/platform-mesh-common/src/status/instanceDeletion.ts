import type { PlatformMesh } from '../types/platformMesh';
import type { InstanceDeletion } from '../types/status';

/**
 * The deletion state of a PlatformMesh for the status answer: `metadata.deletionTimestamp` and
 * `metadata.finalizers` as given (duplicates kept); undefined when it is not being deleted.
 *
 * @param pm - the PlatformMesh
 */
export function instanceDeletion(
  pm: PlatformMesh,
): InstanceDeletion | undefined {
  const since = pm.metadata.deletionTimestamp;
  if (!since) return undefined;
  return { since, finalizers: [...(pm.metadata.finalizers ?? [])] };
}

/**
 * Finalizers deduplicated in order of first appearance, each with how often it occurs.
 *
 * @param finalizers - `metadata.finalizers` as given
 */
export function countFinalizers(
  finalizers: readonly string[],
): Array<{ name: string; count: number }> {
  const counts = new Map<string, number>();
  for (const name of finalizers) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count }));
}

/**
 * Finalizers as one line, deduplicated, with a count for repeated ones:
 * `platform-mesh.core.platform-mesh.io/finalizer (×2)`; `none` for an empty list.
 *
 * @param finalizers - `metadata.finalizers` as given
 * @public
 */
export function formatFinalizers(finalizers: readonly string[]): string {
  const counted = countFinalizers(finalizers);
  if (counted.length === 0) return 'none';
  return counted
    .map(({ name, count }) => (count > 1 ? `${name} (×${count})` : name))
    .join(', ');
}
