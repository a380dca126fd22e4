/*
 * A small closed-loop HTTP load generator: C clients, each sending its next request as soon as the
 * previous answer has been read completely, over keep-alive connections (one per client), for a
 * fixed duration. Latency is measured per request from send to the last byte of the body.
 */
import http from 'node:http';

export interface BenchRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  concurrency: number;
  durationMs: number;
  requests: number;
  errors: number;
  /** 2xx answers that report a cluster or resource error inside (an incomplete answer). */
  partial: number;
  /** The first error's status or message, to show why. */
  firstError?: string;
  throughput: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
  /** Mean size of a response body, bytes. */
  meanBytes: number;
}

export interface Response {
  status: number;
  body: Buffer;
  ms: number;
}

/** Sends one request on `agent` and reads the whole answer. */
export function send(
  port: number,
  agent: http.Agent,
  request: BenchRequest,
): Promise<Response> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: request.method,
        path: request.path,
        agent,
        headers: {
          ...request.headers,
          ...(request.body
            ? {
                'content-type': 'application/json',
                'content-length': Buffer.byteLength(request.body),
              }
            : {}),
        },
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', chunk => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks),
            ms: Number(process.hrtime.bigint() - started) / 1e6,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}

/** The value at quantile q (nearest rank) of sorted values. */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function median(values: number[]): number {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

/**
 * Runs `concurrency` clients for `durationMs`; `next(i)` gives the i-th request (shared counter,
 * so the clients rotate over the instances together).
 */
export async function runLoad(options: {
  port: number;
  concurrency: number;
  durationMs: number;
  next: (i: number) => BenchRequest;
  /** Whether a 2xx answer is incomplete (checked on the raw bytes, to keep the loop light). */
  partial?: (body: Buffer) => boolean;
}): Promise<LoadResult> {
  const { port, concurrency, durationMs, next } = options;
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let partial = 0;
  let bytes = 0;
  let firstError: string | undefined;
  let counter = 0;
  const started = Date.now();
  const deadline = started + durationMs;

  const client = async () => {
    while (Date.now() < deadline) {
      try {
        const res = await send(port, agent, next(counter++));
        if (res.status >= 200 && res.status < 300) {
          latencies.push(res.ms);
          bytes += res.body.length;
          if (options.partial?.(res.body)) partial += 1;
        } else {
          errors += 1;
          firstError ??= `HTTP ${res.status}: ${res.body
            .toString()
            .slice(0, 200)}`;
        }
      } catch (error) {
        errors += 1;
        firstError ??= String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const elapsed = Date.now() - started;
  agent.destroy();

  latencies.sort((a, b) => a - b);
  const sum = latencies.reduce((a, b) => a + b, 0);
  return {
    concurrency,
    durationMs: elapsed,
    requests: latencies.length,
    errors,
    partial,
    ...(firstError ? { firstError } : {}),
    throughput: (latencies.length * 1000) / elapsed,
    p50Ms: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
    meanMs: latencies.length ? sum / latencies.length : NaN,
    maxMs: latencies[latencies.length - 1] ?? NaN,
    meanBytes: latencies.length ? bytes / latencies.length : 0,
  };
}
