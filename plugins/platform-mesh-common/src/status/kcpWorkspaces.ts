import { boundedText, isRecord } from '../health/text';
import type { PlatformMesh } from '../types/platformMesh';
import type { KcpWorkspaceStatus } from '../types/status';

/**
 * The PlatformMesh's `status.kcpWorkspaces` as the operator wrote it (KcpsetupSubroutine writes a
 * fixed list such as `root:platform-mesh-system`/`Ready`), in its order. Entries without a string
 * `name` and `phase` are left out; undefined when the operator wrote no list.
 *
 * @param pm - the PlatformMesh, if found
 */
export function kcpWorkspaceStatuses(
  pm: PlatformMesh | undefined,
): KcpWorkspaceStatus[] | undefined {
  const list: unknown = pm?.status?.kcpWorkspaces;
  if (!Array.isArray(list)) return undefined;
  return list.flatMap((entry): KcpWorkspaceStatus[] => {
    if (!isRecord(entry)) return [];
    const name = boundedText(entry.name, 253);
    const phase = boundedText(entry.phase, 63);
    return name && phase ? [{ name, phase }] : [];
  });
}
