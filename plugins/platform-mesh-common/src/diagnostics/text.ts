import type { InstanceSnapshot } from '../snapshot';
import type { ClusterRole } from '../types/status';

/** `the operator cluster "kind-operator"` */
export function onCluster(
  snapshot: InstanceSnapshot,
  role: ClusterRole,
): string {
  return `the ${role} cluster "${snapshot.clusters[role].cluster}"`;
}

/** `a, b, c and 2 more` */
export function listNames(names: string[], max = 5): string {
  const shown = names.slice(0, max);
  const rest = names.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** `1 minute`, `5 minutes` */
export function minutes(ms: number): string {
  const n = Math.max(1, Math.floor(ms / 60000));
  return `${n} minute${n === 1 ? '' : 's'}`;
}

/** `HelmRelease` / `HelmReleases` */
export function plural(word: string, count: number): string {
  return count === 1 ? word : `${word}s`;
}

/** Milliseconds from `since` to `now`, or undefined when either does not parse. */
export function elapsedMs(
  now: string,
  since: string | undefined,
): number | undefined {
  if (!since) return undefined;
  const a = Date.parse(now);
  const b = Date.parse(since);
  return Number.isNaN(a) || Number.isNaN(b) ? undefined : a - b;
}

/** `one` for a count of 1, else `many` (verb agreement: `uses`/`use`). */
export function agree(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}
