import { ConflictError } from '@backstage/errors';
import type { ClusterRole } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import type {
  ApplyFailure,
  ApplyObjectError,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import type { PreflightProblem } from './preflight';

function roleLabel(cluster: string, roles: ClusterRole[]): string {
  return roles.length > 0
    ? `${roles.join('+')} cluster "${cluster}"`
    : `cluster "${cluster}"`;
}

/**
 * The preflight found problems: nothing was written. Lists every problem, per cluster.
 *
 * @public
 */
export class PreflightError extends Error {
  readonly problems: PreflightProblem[];

  constructor(problems: PreflightProblem[]) {
    const clusters = new Set(problems.map(p => p.cluster));
    super(
      `Preflight failed on ${
        clusters.size
      } cluster(s); nothing was written:\n${problems
        .map(
          p => `  - ${roleLabel(p.cluster, p.roles)}: ${p.type}: ${p.message}`,
        )
        .join('\n')}`,
    );
    this.name = 'PreflightError';
    this.problems = problems;
  }
}

function describeObjectError(error: ApplyObjectError): string {
  if (error.type === 'conflict') {
    return `conflict: ${error.conflicts
      .map(c => `${c.field}${c.manager ? ` (owned by ${c.manager})` : ''}`)
      .join(', ')}`;
  }
  if (error.type === 'invalid') {
    const causes = error.causes
      .map(c => (c.field ? `${c.field}: ${c.message}` : c.message))
      .join('; ');
    return `invalid: ${causes || error.message}`;
  }
  return `${error.type}: ${error.message}`;
}

function describeFailure(failure: ApplyFailure, roleOf: RoleLookup): string {
  return `${roleLabel(failure.cluster, roleOf(failure))} ${
    failure.object
  }: ${describeObjectError(failure.error)}`;
}

type RoleLookup = (ref: { cluster: string; object: string }) => ClusterRole[];

/**
 * The server-side dry run failed for some objects: nothing was written. When every failure is a
 * field-manager conflict this is a `ConflictError` (re-run with `force: true` to take the fields
 * over); otherwise a plain error.
 */
export function dryRunFailedError(
  failures: ApplyFailure[],
  roleOf: RoleLookup,
): Error {
  const lines = failures.map(f => `  - ${describeFailure(f, roleOf)}`);
  const clusters = new Set(failures.map(f => f.cluster)).size;
  if (failures.every(f => f.error.type === 'conflict')) {
    return new ConflictError(
      `Server-side apply conflicts with other field managers on ${clusters} cluster(s); nothing was written. Set force: true to take these fields over:\n${lines.join(
        '\n',
      )}`,
    );
  }
  const error = new Error(
    `Dry run failed for ${
      failures.length
    } object(s) on ${clusters} cluster(s); nothing was written:\n${lines.join(
      '\n',
    )}`,
  );
  error.name = 'DryRunFailedError';
  return error;
}

/** An apply step stopped at an object after its dry run passed. */
export function applyFailedError(
  step: string,
  failure: ApplyFailure,
  applied: string[],
  notApplied: string[],
  roleOf: RoleLookup,
): Error {
  const message = `Apply step "${step}" stopped at ${describeFailure(
    failure,
    roleOf,
  )}. Applied before it: ${
    applied.length > 0 ? applied.join(', ') : 'nothing'
  }. Not applied: ${
    notApplied.length > 0 ? notApplied.join(', ') : 'nothing'
  }. Re-running the task (or the template) continues from here.`;
  if (failure.error.type === 'conflict') return new ConflictError(message);
  const error = new Error(message);
  error.name = 'ApplyFailedError';
  return error;
}
