import { InputError } from '@backstage/errors';
import {
  type ReconcileKind,
  type ReconcileRequest,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { RECONCILE_KINDS } from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';

const KINDS = Object.keys(RECONCILE_KINDS) as ReconcileKind[];

/**
 * Validates the body of the Reconcile route: `kind` one of the reconcilable kinds, `namespace`
 * and `name` strings (required except for `PlatformMesh`, which defaults to the instance),
 * `force` (HelmRelease, Application) and `reset` (HelmRelease) booleans. Unknown keys are ignored.
 *
 * @param body - the parsed JSON body
 * @throws InputError naming the field
 */
export function parseReconcileRequest(body: unknown): ReconcileRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InputError('The body must be a JSON object');
  }
  const b = body as Record<string, unknown>;
  if (typeof b.kind !== 'string' || !KINDS.includes(b.kind as ReconcileKind)) {
    throw new InputError(`kind must be one of ${KINDS.join(', ')}`);
  }
  const kind = b.kind as ReconcileKind;
  for (const key of ['namespace', 'name'] as const) {
    const value = b[key];
    if (value === undefined && kind === 'PlatformMesh') continue;
    if (typeof value !== 'string' || value.length === 0 || value.length > 253) {
      throw new InputError(`${key} must be a non-empty string`);
    }
  }
  for (const key of ['force', 'reset'] as const) {
    if (b[key] !== undefined && typeof b[key] !== 'boolean') {
      throw new InputError(`${key} must be a boolean`);
    }
  }
  if (b.force && kind !== 'HelmRelease' && kind !== 'Application') {
    throw new InputError('force applies to a HelmRelease or an Application');
  }
  if (b.reset && kind !== 'HelmRelease') {
    throw new InputError('reset applies to a HelmRelease');
  }
  return {
    kind,
    ...(typeof b.namespace === 'string' ? { namespace: b.namespace } : {}),
    ...(typeof b.name === 'string' ? { name: b.name } : {}),
    ...(b.force === true ? { force: true } : {}),
    ...(b.reset === true ? { reset: true } : {}),
  };
}
