/**
 * Parses a part of a value inside a refinement, for a rule that decides which schema the part
 * must follow (a kubeconfig credential is a token or a client certificate and key). The part's
 * issues join the refinement's, under `path`, so they reach `toProblems` with the rest.
 */
import type { z } from 'zod/v4';

/**
 * @returns whether the part passed
 * @internal
 */
export function parseWithin(
  ctx: z.core.$RefinementCtx,
  schema: z.ZodType,
  value: unknown,
  path: readonly PropertyKey[] = [],
): boolean {
  const result = schema.safeParse(value);
  if (result.success) return true;
  for (const issue of result.error.issues) {
    ctx.addIssue({
      ...issue,
      path: [...path, ...issue.path],
    } as z.core.$ZodRawIssue);
  }
  return false;
}
