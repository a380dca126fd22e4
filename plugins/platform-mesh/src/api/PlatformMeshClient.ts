import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  InstanceRef,
  InstanceStatus,
  InstanceList,
  TargetSummary,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import type { OperatorLogs, PlatformMeshApi } from './PlatformMeshApi';

/**
 * Default {@link PlatformMeshApi} implementation over `discoveryApi` and `fetchApi`.
 * Non-2xx answers throw a `ResponseError` that carries the backend's typed error.
 *
 * @public
 */
export class PlatformMeshClient implements PlatformMeshApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

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

  getInstanceStatus(ref: InstanceRef): Promise<InstanceStatus> {
    return this.get(`${instancePath(ref)}/status`);
  }

  getOperatorLogs(ref: InstanceRef, tailLines = 50): Promise<OperatorLogs> {
    return this.get(
      `${instancePath(ref)}/operator-logs?tailLines=${tailLines}`,
    );
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('platform-mesh');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

function instancePath(ref: InstanceRef): string {
  return `/instances/${[ref.target, ref.namespace, ref.name]
    .map(encodeURIComponent)
    .join('/')}`;
}
