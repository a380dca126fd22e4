import { InputError } from '@backstage/errors';
import { truncateForMessage } from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';

/** One problem with an action input, named by its input field path (`port`, `secretNames.x`). */
export interface Problem {
  field: string;
  message: string;
}

/** Problems listed one by one in an error message; the rest are counted. */
const MAX_LISTED_PROBLEMS = 50;

/** The longest message of one problem in an error message. */
const MAX_PROBLEM_MESSAGE = 600;

/** The top-level input field of a field path: `kcp` for `kcp.providerConnections[0].secret`. */
export function topLevelField(field: string): string {
  return field.split(/[.[]/, 1)[0];
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * One `InputError` for every problem: `Invalid input (<every top-level field with a problem>):
 * <field path>: <message>; ...`. Bounded in size: at most {@link MAX_LISTED_PROBLEMS} problems are
 * listed (the rest are counted), each message and field path is cut, and the header names every
 * top-level field, so no field goes unnamed. Messages never quote a task secret.
 *
 * @param problems - every problem found
 */
export function toInputError(problems: Problem[]): InputError {
  const fields = [...new Set(problems.map(p => topLevelField(p.field)))].map(
    f => truncateForMessage(f),
  );
  const listed = problems
    .slice(0, MAX_LISTED_PROBLEMS)
    .map(p => `${cut(p.field, 200)}: ${cut(p.message, MAX_PROBLEM_MESSAGE)}`);
  const more =
    problems.length > listed.length
      ? `; and ${problems.length - listed.length} more problems`
      : '';
  return new InputError(
    `Invalid input (${fields.join(', ')}): ${listed.join('; ')}${more}`,
  );
}
