import {
  isClusterRequestError,
  toClusterError,
} from '../client/ClusterRequestError';
import type { KubernetesStatus } from '../client/types';
import { redactSecrets } from '../util/redact';
import type {
  ApplyConflict,
  ApplyInvalid,
  ApplyObjectError,
  FieldConflict,
} from './types';

const MANAGER = /conflicts? with "([^"]+)"/;

/**
 * Reads the field conflicts of a 409 server-side apply answer: each cause names the field
 * (`.data.x`) and, in its message, the manager that owns it (`conflict with "kubectl" using v1`).
 */
function parseConflicts(status: KubernetesStatus | undefined): FieldConflict[] {
  const causes = status?.details?.causes ?? [];
  const conflicts: FieldConflict[] = causes
    .filter(c => c.field || c.reason === 'FieldManagerConflict')
    .map(c => {
      const manager = c.message?.match(MANAGER)?.[1];
      return {
        field: c.field ?? '(unknown field)',
        ...(manager ? { manager } : {}),
      };
    });
  if (conflicts.length === 0 && status?.message) {
    // Fallback: `Apply failed with 1 conflict: conflict with "m" using v1: .spec.x`
    const manager = status.message.match(MANAGER)?.[1];
    const fields = status.message.match(/(^|[\s:])(\.[\w.\-[\]="/]+)/gm) ?? [];
    for (const field of fields) {
      conflicts.push({
        field: field.replace(/^[\s:]+/, ''),
        ...(manager ? { manager } : {}),
      });
    }
  }
  return conflicts;
}

/**
 * Types the failure of one (dry-run) apply: a field-manager conflict, an invalid object, or a
 * `ClusterError`. Secret values are scrubbed from every message.
 */
export function toApplyError(
  error: unknown,
  secrets: string[],
): ApplyObjectError {
  const scrub = (text: string) => redactSecrets(text, secrets);
  if (isClusterRequestError(error)) {
    const { clusterError, status } = error;
    if (clusterError.statusCode === 409 && status?.reason === 'Conflict') {
      const conflicts = parseConflicts(status);
      const managers = [
        ...new Set(conflicts.flatMap(c => (c.manager ? [c.manager] : []))),
      ];
      const conflict: ApplyConflict = {
        type: 'conflict',
        statusCode: 409,
        conflicts: conflicts.map(c => ({ ...c, field: scrub(c.field) })),
        managers,
        message: scrub(
          conflicts.length > 0
            ? `fields owned by another field manager: ${conflicts
                .map(
                  c =>
                    `${c.field}${
                      c.manager ? ` (owned by "${c.manager}")` : ''
                    }`,
                )
                .join(', ')}; apply with force to take them over`
            : clusterError.message,
        ),
      };
      return conflict;
    }
    if (clusterError.statusCode === 422) {
      const invalid: ApplyInvalid = {
        type: 'invalid',
        statusCode: 422,
        message: scrub(clusterError.message),
        causes: (status?.details?.causes ?? []).map(c => ({
          ...(c.field ? { field: scrub(c.field) } : {}),
          message: scrub(c.message ?? c.reason ?? 'invalid'),
        })),
      };
      return invalid;
    }
  }
  const clusterError = toClusterError(error);
  return { ...clusterError, message: scrub(clusterError.message) };
}
