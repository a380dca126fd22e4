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

/** An object this run wrote, and what the write did. */
interface WrittenObject {
  cluster: string;
  object: string;
  action: 'created' | 'configured' | 'unchanged';
}

/**
 * What a run wrote before it stopped, per cluster and object: "nothing was written" only when
 * every write so far left its object unchanged (or there was none).
 */
function writtenText(written: WrittenObject[], roleOf: RoleLookup): string {
  const changed = written.filter(w => w.action !== 'unchanged');
  if (changed.length === 0) return 'nothing was written';
  return `written before it: ${changed
    .map(w => `${w.object} on ${roleLabel(w.cluster, roleOf(w))} (${w.action})`)
    .join(', ')}; nothing else was written`;
}

/**
 * The server-side dry run failed for some objects. Says exactly what this run wrote before it:
 * nothing, or (on a first install) the Namespaces the objects in them waited for. When every
 * failure is a field-manager conflict this is a `ConflictError` (re-run with `force: true` to take
 * the fields over); otherwise a plain error.
 *
 * @param failures - every failed object
 * @param roleOf - the roles of an object's cluster
 * @param written - what this run wrote before the dry run (none by default)
 */
export function dryRunFailedError(
  failures: ApplyFailure[],
  roleOf: RoleLookup,
  written: WrittenObject[] = [],
): Error {
  const lines = failures.map(f => `  - ${describeFailure(f, roleOf)}`);
  const clusters = new Set(failures.map(f => f.cluster)).size;
  const what = writtenText(written, roleOf);
  if (failures.every(f => f.error.type === 'conflict')) {
    return new ConflictError(
      `Server-side apply conflicts with other field managers on ${clusters} cluster(s); ${what}. Set force: true to take these fields over:\n${lines.join(
        '\n',
      )}`,
    );
  }
  const error = new Error(
    `Dry run failed for ${
      failures.length
    } object(s) on ${clusters} cluster(s); ${what}:\n${lines.join('\n')}`,
  );
  error.name = 'DryRunFailedError';
  return error;
}

/**
 * An apply step stopped at an object after its dry run passed.
 *
 * @param step - the step's title
 * @param failure - the object that failed
 * @param applied - every object this run applied before it, earlier steps included
 * @param notApplied - the objects of the step after it
 * @param roleOf - the roles of an object's cluster
 */
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
