import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { type KubernetesObject } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { FIELD_MANAGER } from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type { PlatformMeshClusterDetails } from '../config/types';
import type {
  KubernetesCredential,
  PlatformMeshCredentialProvider,
} from '../credentials/types';
import { MissingCredentialProviderError } from '../credentials/MissingCredentialProviderError';
import { CachedResourceDiscovery } from '../discovery/CachedResourceDiscovery';
import type { ResourceDiscovery } from '../discovery/types';
import { redactAuthorization, redactSecrets } from '../util/redact';
import { buildKubeConfig } from './buildKubeConfig';
import { ClusterRequestError } from './ClusterRequestError';
import {
  httpErrorToClusterError,
  transportErrorToClusterError,
} from './mapErrors';
import { resourceName, resourcePath } from './resourcePath';
import { readBody, sendRequest } from './sendRequest';
import { ResponseTooLargeError } from './ResponseTooLargeError';
import type {
  AccessReviewResult,
  ClusterClient,
  ClusterRequest,
  ClusterStreamResponse,
  CreatableObject,
  CreateOptions,
  KubernetesList,
  ListOptions,
  ObjectRef,
  PodLogOptions,
  ResourceAccessAttributes,
  ResourceTypeRef,
  ServerSideApplyOptions,
} from './types';

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
/** Default bound of concurrent requests to one cluster (watches not counted). */
const DEFAULT_MAX_SOCKETS = 32;
/** Default bound of concurrent watches (long-lived streams) to one cluster. */
const DEFAULT_MAX_STREAMS = 512;
const ERROR_BODY_MAX_BYTES = 64 * 1024;

/** Options of {@link KubernetesClusterClient}. */
interface KubernetesClusterClientOptions {
  cluster: PlatformMeshClusterDetails;
  credentialProvider: PlatformMeshCredentialProvider;
  requestTimeoutMs: number;
  /** Lifetime of cached discovery. */
  discoveryTtlMs: number;
  /**
   * Most sockets open at once for ordinary requests (default {@link DEFAULT_MAX_SOCKETS}); more
   * requests wait for a free socket, within their timeout.
   */
  maxSockets?: number;
  /**
   * Most sockets open at once for streams (watches), which hold their socket for minutes and have
   * their own pool so they can never starve ordinary requests (default {@link DEFAULT_MAX_STREAMS}).
   */
  maxStreams?: number;
}

/**
 * The one Kubernetes client of this package: `@kubernetes/client-node`'s KubeConfig (built in
 * memory from the cluster entry and its credential) supplies TLS and authentication; requests go
 * over Node's http/https with a timeout, and every failure becomes a typed `ClusterRequestError`.
 */
export class KubernetesClusterClient implements ClusterClient {
  readonly clusterName: string;
  readonly discovery: ResourceDiscovery;
  private readonly cluster: PlatformMeshClusterDetails;
  private readonly credentialProvider: PlatformMeshCredentialProvider;
  private readonly requestTimeoutMs: number;
  private readonly agents: Agents;
  private readonly streamAgents: Agents;
  private lastKubeConfig?: { fingerprint: string; kc: KubeConfig };
  private lastSecrets: string[] = [];

  constructor(options: KubernetesClusterClientOptions) {
    this.cluster = options.cluster;
    this.clusterName = options.cluster.name;
    this.credentialProvider = options.credentialProvider;
    this.requestTimeoutMs = options.requestTimeoutMs;
    this.agents = agents(options.maxSockets ?? DEFAULT_MAX_SOCKETS);
    this.streamAgents = agents(options.maxStreams ?? DEFAULT_MAX_STREAMS);
    this.discovery = new CachedResourceDiscovery({
      clusterName: this.clusterName,
      requestJson: request => this.requestJson(request),
      ttlMs: options.discoveryTtlMs,
    });
  }

  /** Closes every connection of this client (idle keep-alive ones and open streams). */
  close(): void {
    for (const agent of [
      this.agents.http,
      this.agents.https,
      this.streamAgents.http,
      this.streamAgents.https,
    ]) {
      agent.destroy();
    }
  }

  async get<T extends KubernetesObject = KubernetesObject>(
    ref: ObjectRef,
    options: { signal?: AbortSignal } = {},
  ): Promise<T> {
    const resource = await this.discovery.resolve(typeOf(ref), options);
    return this.requestJson<T>({
      path: resourcePath(resource, {
        namespace: ref.namespace,
        name: ref.name,
      }),
      signal: options.signal,
      resource: resourceName(resource),
    });
  }

  async tryGet<T extends KubernetesObject = KubernetesObject>(
    ref: ObjectRef,
    options: { signal?: AbortSignal } = {},
  ): Promise<T | undefined> {
    try {
      return await this.get<T>(ref, options);
    } catch (error) {
      if (
        error instanceof ClusterRequestError &&
        error.clusterError.type === 'not-found'
      ) {
        return undefined;
      }
      throw error;
    }
  }

  async list<T extends KubernetesObject = KubernetesObject>(
    type: ResourceTypeRef,
    options: ListOptions = {},
  ): Promise<KubernetesList<T>> {
    const resource = await this.discovery.resolve(type, options);
    return this.requestJson<KubernetesList<T>>({
      path: resourcePath(resource, { namespace: options.namespace }),
      query: {
        labelSelector: options.labelSelector,
        fieldSelector: options.fieldSelector,
        resourceVersion: options.resourceVersion,
        resourceVersionMatch: options.resourceVersionMatch,
        limit: options.limit,
        continue: options.continue,
      },
      maxBytes: options.maxBytes,
      signal: options.signal,
      resource: resourceName(resource),
    });
  }

  async apply<T extends KubernetesObject = KubernetesObject>(
    object: KubernetesObject,
    options: ServerSideApplyOptions = {},
  ): Promise<T> {
    const resource = await this.discovery.resolve(object, options);
    return this.requestJson<T>({
      method: 'PATCH',
      path: resourcePath(resource, {
        namespace: object.metadata.namespace,
        name: object.metadata.name,
      }),
      query: {
        fieldManager: options.fieldManager ?? FIELD_MANAGER,
        force: options.force ? true : undefined,
        dryRun: options.dryRun ? 'All' : undefined,
      },
      // JSON is valid YAML: the apply content type accepts it.
      body: JSON.stringify(object),
      contentType: 'application/apply-patch+yaml',
      signal: options.signal,
      resource: resourceName(resource),
    });
  }

  async create<T = KubernetesObject>(
    object: CreatableObject,
    options: CreateOptions = {},
  ): Promise<T> {
    const resource = await this.discovery.resolve(
      { apiVersion: object.apiVersion, kind: object.kind },
      options,
    );
    const namespace = object.metadata?.namespace;
    return this.requestJson<T>({
      method: 'POST',
      path: resourcePath(resource, { namespace }),
      query: createQuery(options),
      body: object,
      signal: options.signal,
      resource: resourceName(resource),
    });
  }

  async createSubresource<T = unknown>(
    ref: ObjectRef,
    subresource: string,
    body: unknown,
    options: CreateOptions = {},
  ): Promise<T> {
    const resource = await this.discovery.resolve(typeOf(ref), options);
    return this.requestJson<T>({
      method: 'POST',
      path: resourcePath(resource, {
        namespace: ref.namespace,
        name: ref.name,
        subresource,
      }),
      query: createQuery(options),
      body,
      signal: options.signal,
      resource: `${resourceName(resource)}/${subresource}`,
    });
  }

  async requestServiceAccountToken(
    namespace: string,
    serviceAccount: string,
    options: {
      audiences?: string[];
      expirationSeconds?: number;
      signal?: AbortSignal;
    } = {},
  ): Promise<{ token: string; expirationTimestamp?: string }> {
    const response = await this.createSubresource<{
      status?: { token?: string; expirationTimestamp?: string };
    }>(
      {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        namespace,
        name: serviceAccount,
      },
      'token',
      {
        apiVersion: 'authentication.k8s.io/v1',
        kind: 'TokenRequest',
        spec: {
          audiences: options.audiences,
          expirationSeconds: options.expirationSeconds,
        },
      },
      { signal: options.signal },
    );
    const token = response.status?.token;
    if (!token) {
      throw new ClusterRequestError({
        cluster: this.clusterName,
        clusterError: {
          type: 'unknown',
          message: `the TokenRequest for ServiceAccount ${namespace}/${serviceAccount} returned no token`,
          resource: 'serviceaccounts/token',
        },
      });
    }
    return { token, expirationTimestamp: response.status?.expirationTimestamp };
  }

  async selfSubjectAccessReview(
    attributes: ResourceAccessAttributes,
    options: { signal?: AbortSignal } = {},
  ): Promise<AccessReviewResult> {
    const review = await this.create<{
      status?: { allowed?: boolean; denied?: boolean; reason?: string };
    }>(
      {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: { resourceAttributes: attributes },
      },
      { signal: options.signal },
    );
    return {
      allowed: review.status?.allowed === true,
      denied: review.status?.denied,
      reason: review.status?.reason,
    };
  }

  async podLogs(options: PodLogOptions): Promise<string> {
    const resource = await this.discovery.resolve(
      { apiVersion: 'v1', kind: 'Pod' },
      options,
    );
    return this.requestText({
      path: resourcePath(resource, {
        namespace: options.namespace,
        name: options.pod,
        subresource: 'log',
      }),
      query: {
        container: options.container,
        tailLines: options.tailLines,
        limitBytes: options.limitBytes,
        previous: options.previous,
        timestamps: options.timestamps,
      },
      accept: 'text/plain, */*',
      // The server may overshoot limitBytes slightly; allow some slack.
      maxBytes: options.limitBytes ? options.limitBytes + 64 * 1024 : undefined,
      signal: options.signal,
      resource: 'pods/log',
    });
  }

  async requestJson<T = unknown>(request: ClusterRequest): Promise<T> {
    const text = await this.requestText({
      accept: 'application/json',
      ...request,
    });
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ClusterRequestError({
        cluster: this.clusterName,
        clusterError: {
          type: 'unknown',
          message: 'the API server sent a response that is not JSON',
          ...(request.resource ? { resource: request.resource } : {}),
        },
      });
    }
  }

  async requestText(request: ClusterRequest): Promise<string> {
    const { response, signal, timedOut, timeoutMs } = await this.open(request);
    try {
      return await readBody(
        response,
        request.maxBytes ?? DEFAULT_MAX_BYTES,
        signal,
      );
    } catch (error) {
      throw this.transportError(error, timedOut(), timeoutMs, request.resource);
    }
  }

  async requestStream(request: ClusterRequest): Promise<ClusterStreamResponse> {
    const { response } = await this.open(request, { streaming: true });
    return {
      statusCode: response.statusCode ?? 0,
      headers: response.headers,
      body: response,
    };
  }

  async getKubeConfig(): Promise<KubeConfig> {
    return (await this.kubeConfig()).kc;
  }

  /**
   * Sends a request and waits for a 2xx status; non-2xx responses and transport failures become
   * `ClusterRequestError`s. For streaming requests the timeout stops once the headers arrive.
   */
  private async open(
    request: ClusterRequest,
    mode: { streaming?: boolean } = {},
  ) {
    const timeoutMs = request.timeoutMs ?? this.requestTimeoutMs;
    const timeout = new AbortController();
    const timer = setTimeout(
      () => timeout.abort(new Error('timeout')),
      timeoutMs,
    );
    timer.unref?.();
    const signal = request.signal
      ? AbortSignal.any([request.signal, timeout.signal])
      : timeout.signal;
    const timedOut = () => timeout.signal.aborted;
    const stopTimer = () => clearTimeout(timer);

    try {
      const { kc, secrets } = await this.kubeConfig();
      this.lastSecrets = secrets;
      const url = this.url(request);
      const body = serializeBody(request.body);
      const headers: Record<string, string> = {
        Accept: request.accept ?? 'application/json',
      };
      if (body !== undefined) {
        headers['Content-Type'] = request.contentType ?? 'application/json';
      }
      let response;
      try {
        response = await sendRequest(
          kc,
          mode.streaming ? this.streamAgents : this.agents,
          {
            method: request.method ?? 'GET',
            url,
            headers,
            body,
            signal,
          },
        );
      } catch (error) {
        throw this.transportError(
          error,
          timedOut(),
          timeoutMs,
          request.resource,
        );
      }
      const status = response.statusCode ?? 0;
      if (status < 200 || status >= 300) {
        let text = '';
        try {
          text = await readBody(response, ERROR_BODY_MAX_BYTES, signal);
        } catch (error) {
          if (!(error instanceof ResponseTooLargeError)) {
            throw this.transportError(
              error,
              timedOut(),
              timeoutMs,
              request.resource,
            );
          }
        }
        throw this.httpError(status, text, request);
      }
      if (mode.streaming) {
        stopTimer();
      } else {
        response.once('close', stopTimer);
      }
      return { response, signal, timedOut, timeoutMs };
    } catch (error) {
      stopTimer();
      throw error;
    }
  }

  private url(request: ClusterRequest): URL {
    const base = new URL(this.cluster.url);
    const url = new URL(
      `${base.pathname.replace(/\/+$/, '')}${request.path}`,
      base.origin,
    );
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url;
  }

  private async kubeConfig(): Promise<{ kc: KubeConfig; secrets: string[] }> {
    let credential: KubernetesCredential;
    try {
      credential = await this.credentialProvider.getCredential(this.cluster);
    } catch (error) {
      // A provider's own message may quote what it was given or got: only ours is echoed.
      const message =
        error instanceof MissingCredentialProviderError
          ? error.message
          : `the credential provider for authProvider "${
              this.cluster.authProvider
            }" failed${
              error instanceof Error && error.name !== 'Error'
                ? ` (${error.name})`
                : ''
            }`;
      throw new ClusterRequestError({
        cluster: this.clusterName,
        clusterError: {
          type: 'unauthorized',
          message: `no credential for the cluster: ${message}`,
        },
      });
    }
    const secrets = credentialSecrets(credential);
    const fingerprint = `${credential.type}|${secrets.join('|')}`;
    if (this.lastKubeConfig?.fingerprint !== fingerprint) {
      this.lastKubeConfig = {
        fingerprint,
        kc: buildKubeConfig(this.cluster, credential),
      };
    }
    return { kc: this.lastKubeConfig.kc, secrets };
  }

  private httpError(
    statusCode: number,
    body: string,
    request: ClusterRequest,
  ): ClusterRequestError {
    const { clusterError, status } = httpErrorToClusterError(
      statusCode,
      body,
      request.resource,
    );
    const group = groupOfResourcePath(request.path);
    if (clusterError.type === 'crd-missing' && group !== undefined) {
      // Discovery said the resource is served, the server says no: look again next time.
      this.discovery.invalidate(group);
    }
    const message = this.scrub(clusterError.message);
    return new ClusterRequestError({
      cluster: this.clusterName,
      clusterError: { ...clusterError, message },
      status: status && {
        ...status,
        message: status.message && this.scrub(status.message),
      },
    });
  }

  private transportError(
    error: unknown,
    timedOut: boolean,
    timeoutMs: number,
    resource: string | undefined,
  ): ClusterRequestError {
    if (error instanceof ClusterRequestError) return error;
    if (error instanceof ResponseTooLargeError) {
      return new ClusterRequestError({
        cluster: this.clusterName,
        clusterError: {
          type: 'unknown',
          message: error.message,
          ...(resource ? { resource } : {}),
        },
        responseTooLarge: true,
      });
    }
    return new ClusterRequestError({
      cluster: this.clusterName,
      clusterError: transportErrorToClusterError(
        error,
        timedOut,
        timeoutMs,
        resource,
      ),
    });
  }

  private scrub(text: string): string {
    return redactAuthorization(
      redactSecrets(text, [
        ...this.lastSecrets,
        this.cluster.serviceAccountToken,
      ]),
    );
  }
}

type Agents = { http: http.Agent; https: https.Agent };

function agents(maxSockets: number): Agents {
  return {
    http: new http.Agent({ keepAlive: true, maxSockets }),
    https: new https.Agent({ keepAlive: true, maxSockets }),
  };
}

function typeOf(ref: ObjectRef): ResourceTypeRef {
  return 'apiVersion' in ref
    ? { apiVersion: ref.apiVersion, kind: ref.kind }
    : { group: ref.group, kind: ref.kind, version: ref.version };
}

function serializeBody(body: unknown): string | undefined {
  if (body === undefined) return undefined;
  return typeof body === 'string' ? body : JSON.stringify(body);
}

/** The API group of a resource path (not of a discovery path), e.g. `''` for `/api/v1/pods`. */
function groupOfResourcePath(path: string): string | undefined {
  const match = path.match(/^\/(?:api\/[^/]+|apis\/([^/]+)\/[^/]+)\/[^?]+/);
  if (!match) return undefined;
  return match[1] ?? '';
}

function createQuery(options: CreateOptions) {
  return {
    dryRun: options.dryRun ? 'All' : undefined,
    fieldManager: options.fieldManager,
  };
}

function credentialSecrets(credential: KubernetesCredential): string[] {
  switch (credential.type) {
    case 'bearer token':
      return [credential.token];
    case 'x509 client certificate':
      return [credential.key];
    default:
      return [];
  }
}
