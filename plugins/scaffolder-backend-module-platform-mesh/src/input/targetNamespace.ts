import { InputError } from '@backstage/errors';
import { namespaceAllowed } from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type { PlatformMeshTarget } from '@platform-mesh-backstage/plugin-platform-mesh-node';

/**
 * Refuses an instance namespace outside the target's allow-list
 * (`platformMesh.targets[].namespaces`, names or `*` patterns). Both actions call it right after
 * reading their input, before any cluster call, so that a template cannot write into another
 * team's namespace.
 *
 * @param target - the configured target, with its `namespaces` allow-list
 * @param namespace - the instance namespace of the run
 * @throws InputError naming the namespace and the allowed list
 * @internal
 */
export function assertTargetNamespace(
  target: Pick<PlatformMeshTarget, 'name' | 'namespaces'>,
  namespace: string,
): void {
  if (namespaceAllowed(target.namespaces, namespace)) return;
  const allowed =
    target.namespaces.length > 0
      ? target.namespaces.map(n => `"${n}"`).join(', ')
      : 'none';
  throw new InputError(
    `namespace: "${namespace}" is not allowed for target "${target.name}"; allowed namespaces: ${allowed} (platformMesh.targets[].namespaces)`,
  );
}
