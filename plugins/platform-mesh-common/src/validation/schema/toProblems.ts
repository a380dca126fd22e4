/**
 * The one place a zod issue becomes a {@link ValidationProblem}: the issue's path joined onto the
 * field path with `joinPath`, the message the schema set. Zod's own issue fields (the input among
 * them) are never copied, so a problem repeats no more of a value than its schema's message does.
 */
import type { z } from 'zod/v4';
import { truncateForMessage } from '../echo';
import { INPUT_LIMITS } from '../limits';
import { joinPath } from '../path';
import type { ValidationProblem } from '../types';

type Issue = z.core.$ZodIssue;
type Segment = PropertyKey;

function toPath(base: string, segments: readonly Segment[]): string {
  return segments.reduce<string>(
    (path, key) =>
      joinPath(
        path,
        typeof key === 'number' ? key : truncateForMessage(String(key)),
      ),
    base,
  );
}

function startsWith(path: readonly Segment[], prefix: readonly Segment[]) {
  return prefix.every((key, index) => path[index] === key);
}

/** An unknown-keys issue is one problem per key, the first few listed, the rest summed up. */
function unknownKeyProblems(base: string, issue: Issue): ValidationProblem[] {
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const path = toPath(base, issue.path);
  const listed = keys.slice(0, INPUT_LIMITS.maxUnknownFieldsListed);
  const problems = listed.map(key => ({
    path: joinPath(path, truncateForMessage(key)),
    message: issue.message,
  }));
  if (keys.length > listed.length) {
    problems.push({
      path,
      message: `has ${keys.length - listed.length} more unknown fields`,
    });
  }
  return problems;
}

/** A record key that fails its schema is reported with the key schema's message. */
function messageOf(issue: Issue): string {
  if (issue.code === 'invalid_key' && issue.issues.length > 0) {
    return issue.issues[0].message;
  }
  return issue.message;
}

/**
 * Maps every issue of a failed parse to a problem, in order. A mapping's unknown fields come
 * before the problems of its known fields (zod reports them after), as the validators always
 * listed them.
 *
 * @param issues - the issues of a `safeParse` result
 * @param base - the field path of the parsed value (may be empty)
 * @internal
 */
export function toProblems(
  issues: readonly Issue[],
  base: string,
): ValidationProblem[] {
  const ordered: { path: readonly Segment[]; problems: ValidationProblem[] }[] =
    [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      // The mapping's subtree is the run of issues at the end whose path starts with its own.
      let at = ordered.length;
      while (at > 0 && startsWith(ordered[at - 1].path, issue.path)) at--;
      ordered.splice(at, 0, {
        path: issue.path,
        problems: unknownKeyProblems(base, issue),
      });
    } else {
      ordered.push({
        path: issue.path,
        problems: [
          { path: toPath(base, issue.path), message: messageOf(issue) },
        ],
      });
    }
  }
  return ordered.flatMap(entry => entry.problems);
}

/**
 * Parses a value with a schema and appends every problem (see {@link toProblems}).
 *
 * @returns whether the value passed
 * @internal
 */
export function parseInto(
  schema: z.ZodType,
  value: unknown,
  path: string,
  problems: ValidationProblem[],
): boolean {
  const result = schema.safeParse(value);
  if (result.success) return true;
  problems.push(...toProblems(result.error.issues, path));
  return false;
}
