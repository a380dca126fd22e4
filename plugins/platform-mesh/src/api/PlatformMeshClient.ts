import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { InputError, ResponseError } from '@backstage/errors';
import type {
  InstanceRef,
  InstanceStatus,
  InstanceList,
  ReconcileRequest,
  ReconcileResult,
  TargetSummary,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  isRequestableObject,
  type InstanceObject,
  type InstanceObjectRef,
} from './instanceObject';
import type { OperatorLogs, PlatformMeshApi } from './PlatformMeshApi';

/** How many instance statuses the client remembers for conditional requests. */
const MAX_REMEMBERED_STATUSES = 50;

/**
 * Default {@link PlatformMeshApi} implementation over `discoveryApi` and `fetchApi`.
 * Non-2xx answers throw a `ResponseError` that carries the backend's typed error.
 *
 * Instance statuses are requested conditionally: the client remembers the last status and its
 * `ETag` for the most recent instances it was asked about, sends `If-None-Match` on the next
 * request for the same instance, and on `304 Not Modified` resolves with the remembered status
 * (the very same object, so callers can tell nothing changed).
 *
 * @public
 */
export class PlatformMeshClient implements PlatformMeshApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;
  /** Last status per path with its ETag, oldest first (bounded). */
  private readonly statuses = new Map<
    string,
    { etag: string; value: InstanceStatus }
  >();

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getTargets(): Promise<TargetSummary[]> {
    return this.get('/targets');
  }

  getInstances(target: string): Promise<InstanceList> {
    return this.get(`/targets/${encodeURIComponent(target)}/instances`);
  }

  async getInstanceStatus(ref: InstanceRef): Promise<InstanceStatus> {
    const path = `${instancePath(ref)}/status`;
    const remembered = this.statuses.get(path);
    const baseUrl = await this.discoveryApi.getBaseUrl('platform-mesh');
    const url = `${baseUrl}${path}`;
    const response = remembered
      ? await this.fetchApi.fetch(url, {
          headers: { 'If-None-Match': remembered.etag },
        })
      : await this.fetchApi.fetch(url);
    if (response.status === 304 && remembered) {
      this.remember(path, remembered.etag, remembered.value);
      return remembered.value;
    }
    if (!response.ok) {
      this.statuses.delete(path);
      throw await ResponseError.fromResponse(response);
    }
    const value = (await response.json()) as InstanceStatus;
    const etag = response.headers.get('etag');
    if (etag) this.remember(path, etag, value);
    else this.statuses.delete(path);
    return value;
  }

  getOperatorLogs(ref: InstanceRef, tailLines = 50): Promise<OperatorLogs> {
    return this.get(
      `${instancePath(ref)}/operator-logs?tailLines=${tailLines}`,
    );
  }

  async reconcile(
    ref: InstanceRef,
    request: ReconcileRequest,
  ): Promise<ReconcileResult> {
    const baseUrl = await this.discoveryApi.getBaseUrl('platform-mesh');
    const response = await this.fetchApi.fetch(
      `${baseUrl}${instancePath(ref)}/reconcile`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as ReconcileResult;
  }

  getObject(ref: InstanceRef, object: InstanceObjectRef): Promise<InstanceObject> {
    if (!isRequestableObject(object)) {
      // Secrets are never requested, whatever a caller asks for.
      return Promise.reject(
        new InputError(`${object.kind} objects are never requested from the backend`),
      );
    }
    const parts = [object.role, object.kind, object.namespace, object.name]
      .map(encodeURIComponent)
      .join('/');
    return this.get(`${instancePath(ref)}/objects/${parts}`);
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('platform-mesh');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }

  private remember(path: string, etag: string, value: InstanceStatus): void {
    this.statuses.delete(path);
    this.statuses.set(path, { etag, value });
    if (this.statuses.size > MAX_REMEMBERED_STATUSES) {
      const oldest = this.statuses.keys().next().value;
      if (oldest !== undefined) this.statuses.delete(oldest);
    }
  }
}

function instancePath(ref: InstanceRef): string {
  return `/instances/${[ref.target, ref.namespace, ref.name]
    .map(encodeURIComponent)
    .join('/')}`;
}
