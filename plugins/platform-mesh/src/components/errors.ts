import { ResponseError } from '@backstage/errors';

function nameOf(error: unknown): unknown {
  return (error as { name?: unknown } | undefined)?.name;
}

/** The HTTP status of a failed backend call, when the error carries one. */
function statusCodeOf(error: unknown): number | undefined {
  if (ResponseError.is(error)) return error.statusCode;
  const code = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

/** The backend denied the call (HTTP 403 / `NotAllowedError`). */
export function isForbidden(error: unknown): boolean {
  return statusCodeOf(error) === 403 || nameOf(error) === 'NotAllowedError';
}

/** The backend does not know the instance or its target (HTTP 404 / `NotFoundError`). */
export function isNotFound(error: unknown): boolean {
  return statusCodeOf(error) === 404 || nameOf(error) === 'NotFoundError';
}

/** The message the backend gave for a failed call, rather than the generic HTTP one. */
export function backendMessage(error: unknown): string | undefined {
  if (ResponseError.is(error))
    return error.body?.error?.message ?? error.message;
  return error instanceof Error ? error.message : undefined;
}
