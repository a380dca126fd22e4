import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { ResponseTooLargeError } from './ResponseTooLargeError';

/** A prepared HTTP request. */
interface RawRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string | Buffer;
  signal: AbortSignal;
}

/**
 * Sends one request with the KubeConfig's TLS settings and credentials applied (CA, client
 * certificate, bearer token, skipTLSVerify), over Node's http/https modules so that the body can be
 * streamed and the request aborted at any time. Resolves when the status line and headers arrive.
 */
export async function sendRequest(
  kc: KubeConfig,
  agents: { http: http.Agent; https: https.Agent },
  request: RawRequest,
): Promise<IncomingMessage> {
  const options: https.RequestOptions = {};
  await kc.applyToHTTPSOptions(options);
  const isHttp = request.url.protocol === 'http:';
  const headers: Record<string, string> = {
    ...(options.headers as Record<string, string> | undefined),
    ...request.headers,
  };
  if (request.body !== undefined) {
    headers['Content-Length'] = String(Buffer.byteLength(request.body));
  }
  const requestOptions: https.RequestOptions = {
    method: request.method,
    headers,
    signal: request.signal,
    agent: isHttp ? agents.http : agents.https,
  };
  if (!isHttp) {
    requestOptions.ca = options.ca;
    requestOptions.cert = options.cert;
    requestOptions.key = options.key;
    requestOptions.servername = options.servername;
    if (options.rejectUnauthorized !== undefined) {
      requestOptions.rejectUnauthorized = options.rejectUnauthorized;
    }
  }
  const transport = isHttp ? http : https;
  return new Promise<IncomingMessage>((resolve, reject) => {
    const req = transport.request(request.url, requestOptions, resolve);
    req.on('error', reject);
    if (request.body !== undefined) {
      req.write(request.body);
    }
    req.end();
  });
}

/**
 * Reads a response body up to `maxBytes`; fails when the body is larger or the signal aborts.
 */
export function readBody(
  response: IncomingMessage,
  maxBytes: number,
  signal: AbortSignal,
): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onAbort = () => {
      response.destroy();
      reject(signal.reason ?? new Error('aborted'));
    };
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        signal.removeEventListener('abort', onAbort);
        response.destroy();
        reject(new ResponseTooLargeError(maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    response.on('end', () => {
      signal.removeEventListener('abort', onAbort);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    response.on('error', err => {
      signal.removeEventListener('abort', onAbort);
      reject(err);
    });
  });
}
