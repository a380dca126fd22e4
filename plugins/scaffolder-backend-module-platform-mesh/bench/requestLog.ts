/*
 * Every HTTP request this process sends to the local API servers, by cluster role and by what it
 * is for (discovery, permission review, token, dry run, write, read), from Node's
 * `http.client.request.start` diagnostics channel: the apply action and the plain script both
 * send through node:http(s), so both are counted the same way.
 */
import diagnosticsChannel from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';

/** What a request is for. */
export type RequestKind =
  | 'discovery'
  | 'review'
  | 'token'
  | 'dry-run'
  | 'write'
  | 'read';

/** Counts of one measured phase: per role, per kind. */
export type RequestCounts = Record<string, Record<RequestKind, number>>;

/** Classifies one request by its method and path. */
export function classify(method: string, path: string): RequestKind {
  const [pathname, query = ''] = path.split('?');
  if (/\/selfsubject(access|rules)reviews$/.test(pathname)) return 'review';
  if (/\/serviceaccounts\/[^/]+\/token$/.test(pathname)) return 'token';
  if (/(^|&)dryRun=All(&|$)/.test(query)) return 'dry-run';
  if (method !== 'GET') return 'write';
  if (
    /^\/(api|apis)(\/[^/]+){0,2}$/.test(pathname) ||
    pathname.startsWith('/openapi/') ||
    pathname === '/version'
  ) {
    return 'discovery';
  }
  return 'read';
}

const empty = (): Record<RequestKind, number> => ({
  discovery: 0,
  review: 0,
  token: 0,
  'dry-run': 0,
  write: 0,
  read: 0,
});

/** Records requests per role between `start()` and `stop()`. */
export class RequestLog {
  private counts: RequestCounts = {};
  private recording = false;
  private readonly roleOf: Map<string, string>;

  constructor(hostsByRole: Record<string, string>) {
    this.roleOf = new Map(
      Object.entries(hostsByRole).map(([role, host]) => [host, role]),
    );
    diagnosticsChannel.subscribe('http.client.request.start', message => {
      if (!this.recording) return;
      const request = (message as { request: ClientRequest }).request;
      const host = String(request.getHeader('host') ?? request.host);
      const role = this.roleOf.get(host) ?? host;
      const byKind = (this.counts[role] ??= empty());
      const kind = classify(request.method, request.path);
      byKind[kind] += 1;
      // PM_BENCH_TRACE=1 prints every request (method, path, what it was counted as)
      if (process.env.PM_BENCH_TRACE) {
        process.stderr.write(
          `${role} ${kind} ${request.method} ${request.path}\n`,
        );
      }
    });
  }

  start(): void {
    this.counts = {};
    this.recording = true;
  }

  stop(): RequestCounts {
    this.recording = false;
    return this.counts;
  }
}

/** The sum of every kind and role. */
export function totalRequests(counts: RequestCounts): number {
  return Object.values(counts).reduce(
    (sum, byKind) => sum + Object.values(byKind).reduce((a, b) => a + b, 0),
    0,
  );
}

/** The sum of one kind over every role. */
export function requestsOfKind(
  counts: RequestCounts,
  kind: RequestKind,
): number {
  return Object.values(counts).reduce((sum, byKind) => sum + byKind[kind], 0);
}
