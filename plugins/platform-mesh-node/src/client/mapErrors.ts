import { STATUS_CODES } from 'node:http';
import type {
  ClusterError,
  ClusterErrorType,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import type { KubernetesStatus } from './types';

const UNREACHABLE_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed',
  ECONNABORTED: 'connection aborted',
  UND_ERR_SOCKET: 'connection closed',
};

/** Parses a response body as a `metav1.Status`, if it is one. */
function parseStatus(body: string): KubernetesStatus | undefined {
  try {
    const parsed = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && parsed.kind === 'Status') {
      return parsed as KubernetesStatus;
    }
  } catch {
    // not JSON
  }
  return undefined;
}

/**
 * Maps a non-2xx response to a `ClusterError`. A 404 whose Status names an object is `not-found`;
 * any other 404 (plain "404 page not found", or "the server could not find the requested
 * resource") means the API group, version or resource is not served: `crd-missing`.
 */
export function httpErrorToClusterError(
  statusCode: number,
  body: string,
  resource: string | undefined,
): { clusterError: ClusterError; status?: KubernetesStatus } {
  const status = parseStatus(body);
  const serverMessage =
    status?.message ??
    (body.trim() && body.trim().length <= 300 ? body.trim() : undefined) ??
    STATUS_CODES[statusCode] ??
    `HTTP ${statusCode}`;
  let type: ClusterErrorType;
  let message = serverMessage;
  switch (statusCode) {
    case 401:
      type = 'unauthorized';
      message = `the API server rejected our credentials (${serverMessage})`;
      break;
    case 403:
      type = 'forbidden';
      break;
    case 404:
      if (status?.details?.name) {
        type = 'not-found';
      } else {
        type = 'crd-missing';
        message = `the API server does not serve ${
          resource ?? 'this resource'
        } (is its CRD installed?)`;
      }
      break;
    case 408:
    case 504:
      type = 'timeout';
      break;
    default:
      type = 'unknown';
  }
  return {
    clusterError: {
      type,
      message,
      statusCode,
      ...(resource ? { resource } : {}),
    },
    status,
  };
}

/**
 * Maps a transport failure (no HTTP response) to a `ClusterError`. Uses fixed messages: Node's own
 * messages name the host and port, which must not reach API responses.
 */
export function transportErrorToClusterError(
  error: unknown,
  timedOut: boolean,
  timeoutMs: number,
  resource: string | undefined,
): ClusterError {
  const extra = resource ? { resource } : {};
  if (timedOut) {
    return {
      type: 'timeout',
      message: `no answer within ${formatSeconds(timeoutMs)}`,
      ...extra,
    };
  }
  const err = error as { code?: string; name?: string; message?: string };
  const code = err?.code ?? '';
  if (err?.name === 'AbortError' || code === 'ABORT_ERR') {
    return { type: 'unknown', message: 'the request was cancelled', ...extra };
  }
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') {
    return {
      type: 'timeout',
      message: `connection timed out (${code})`,
      ...extra,
    };
  }
  if (UNREACHABLE_CODES[code]) {
    return {
      type: 'unreachable',
      message: `${UNREACHABLE_CODES[code]} (${code})`,
      ...extra,
    };
  }
  if (isTlsError(code)) {
    return {
      type: 'unreachable',
      message: `TLS handshake failed: the API server's certificate was not accepted (${code}); check caData/caFile`,
      ...extra,
    };
  }
  return {
    type: 'unreachable',
    message: `request failed${code ? ` (${code})` : ''}`,
    ...extra,
  };
}

function isTlsError(code: string): boolean {
  return (
    code.startsWith('ERR_TLS') ||
    code.startsWith('ERR_SSL') ||
    code.includes('CERT') ||
    code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' ||
    code === 'EPROTO'
  );
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)}s`;
}
