import { truncateForMessage } from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type { ZodIssue } from 'zod/v3';
import type { Problem } from '../inputProblems';
import { describeType } from '../valueKinds';

/** A zod path as an input field path: `kcp.providerConnections[0].secret`; `input` for the root. */
export function fieldPath(path: ReadonlyArray<string | number>): string {
  if (path.length === 0) return 'input';
  return path
    .map((part, i) => {
      if (typeof part === 'number') return `[${part}]`;
      const name = truncateForMessage(part);
      return i === 0 ? name : `.${name}`;
    })
    .join('');
}

function valueAt(raw: unknown, path: ReadonlyArray<string | number>): unknown {
  let value = raw;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}

/**
 * One zod issue as a problem of its input field. Type issues carry the expected type as their
 * message (see `fieldTypes`) and name the type that was given, never the value; length issues
 * give the length; refinements carry the full message.
 *
 * @param issue - an issue of the setup input schema
 * @param raw - the action input (for the given value's type and length)
 */
function toProblem(issue: ZodIssue, raw: unknown): Problem {
  const field = fieldPath(issue.path);
  const value = valueAt(raw, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return issue.received === 'undefined'
        ? { field, message: 'is required' }
        : {
            field,
            message: `must be ${issue.message}, got ${describeType(value)}`,
          };
    case 'too_big':
      if (typeof value === 'string') {
        return {
          field,
          message: `is ${value.length} characters long, at most ${issue.maximum} are allowed`,
        };
      }
      if (Array.isArray(value)) {
        return {
          field,
          message: `has ${value.length} entries, at most ${issue.maximum} are allowed`,
        };
      }
      return { field, message: issue.message };
    default:
      return { field, message: issue.message };
  }
}

/** Every issue as a problem, in order. */
export const toProblems = (issues: ZodIssue[], raw: unknown): Problem[] =>
  issues.map(issue => toProblem(issue, raw));
