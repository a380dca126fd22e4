import type { Readable } from 'node:stream';
import type { KubeConfig } from '@kubernetes/client-node';
import type { KubernetesObject } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import type { ResourceDiscovery } from '../discovery/types';
import type { ResourceTypeRef } from './resourceTypeRef';

export type { ResourceTypeRef } from './resourceTypeRef';

/**
 * A named object of a resource type.
 *
 * @public
 */
export type ObjectRef = ResourceTypeRef & { name: string; namespace?: string };

/**
 * An object to create: `metadata` is optional (reviews have none; `generateName` is allowed).
 *
 * @public
 */
export interface CreatableObject {
  apiVersion: string;
  kind: string;
  metadata?: {
    name?: string;
    generateName?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [key: string]: unknown;
}

/**
 * A Kubernetes list response.
 *
 * @public
 */
export interface KubernetesList<T = KubernetesObject> {
  apiVersion: string;
  kind: string;
  metadata: { resourceVersion?: string; continue?: string };
  items: T[];
}

/**
 * A `metav1.Status` returned by the API server on failures.
 *
 * @public
 */
export interface KubernetesStatus {
  kind: 'Status';
  apiVersion?: string;
  status?: string;
  message?: string;
  reason?: string;
  code?: number;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    causes?: Array<{ reason?: string; message?: string; field?: string }>;
  };
}

/**
 * A low-level request to one cluster's API server. Authentication, TLS and the timeout are applied
 * by the client.
 *
 * @public
 */
export interface ClusterRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Absolute API path, e.g. `/api/v1/namespaces/default/configmaps`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  /** Defaults to `application/json` when there is a body. */
  contentType?: string;
  /** Defaults to `application/json`. */
  accept?: string;
  /** Cancels the request (in addition to the client's timeout). */
  signal?: AbortSignal;
  /** Overrides the configured timeout for this request. */
  timeoutMs?: number;
  /** Names the resource in errors, e.g. `helmreleases.helm.toolkit.fluxcd.io`. */
  resource?: string;
  /** Upper bound of the response body size (bytes); larger bodies fail. */
  maxBytes?: number;
}

/**
 * A streaming response (for watches): the body is handed over once the status line and headers
 * have arrived with a 2xx status. The timeout only covers the time to the headers; end the stream
 * through `signal` or by destroying `body`.
 *
 * @public
 */
export interface ClusterStreamResponse {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  body: Readable;
}

/**
 * Options of a list call.
 *
 * @public
 */
export interface ListOptions {
  /** Omit for all namespaces (or for cluster-scoped resources). */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  resourceVersion?: string;
  resourceVersionMatch?: 'Exact' | 'NotOlderThan';
  limit?: number;
  continue?: string;
  /**
   * Upper bound of the response body in bytes (default: the client's cap, 64 MiB). A larger body
   * fails with a {@link ClusterRequestError} whose `responseTooLarge` is true; use `limit` (see
   * `listPages`) so that the cap applies to a page, not to the whole collection.
   */
  maxBytes?: number;
  signal?: AbortSignal;
}

/**
 * Options of a server-side apply.
 *
 * @public
 */
export interface ServerSideApplyOptions {
  /** Defaults to the project's field manager (`backstage-platform-mesh`). */
  fieldManager?: string;
  /** Take over fields owned by other managers. Off unless asked for. */
  force?: boolean;
  /** `dryRun=All`: validated and admitted, never persisted. */
  dryRun?: boolean;
  signal?: AbortSignal;
}

/**
 * Options of a create call.
 *
 * @public
 */
export interface CreateOptions {
  dryRun?: boolean;
  fieldManager?: string;
  signal?: AbortSignal;
}

/**
 * Options of a pod log read.
 *
 * @public
 */
export interface PodLogOptions {
  namespace: string;
  pod: string;
  container?: string;
  tailLines?: number;
  /** Server-side limit; the client also refuses bodies larger than this. */
  limitBytes?: number;
  previous?: boolean;
  timestamps?: boolean;
  signal?: AbortSignal;
}

/**
 * The answer of a SelfSubjectAccessReview.
 *
 * @public
 */
export interface AccessReviewResult {
  allowed: boolean;
  denied?: boolean;
  reason?: string;
}

/**
 * Attributes of a SelfSubjectAccessReview (`spec.resourceAttributes`).
 *
 * @public
 */
export interface ResourceAccessAttributes {
  verb: string;
  group?: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

/**
 * A client for one configured cluster. Every call has the configured timeout, and every failure
 * is thrown as a {@link ClusterRequestError} carrying a typed `ClusterError` whose message never
 * contains a credential, an Authorization header or the cluster URL.
 *
 * @public
 */
export interface ClusterClient {
  /** The configured cluster name. */
  readonly clusterName: string;
  /** Resource discovery for this cluster (plural, scope, preferred version), cached. */
  readonly discovery: ResourceDiscovery;

  /** Reads an object; a missing object fails with type `not-found`. */
  get<T extends KubernetesObject = KubernetesObject>(
    ref: ObjectRef,
    options?: { signal?: AbortSignal },
  ): Promise<T>;
  /** Reads an object; `undefined` when it does not exist. */
  tryGet<T extends KubernetesObject = KubernetesObject>(
    ref: ObjectRef,
    options?: { signal?: AbortSignal },
  ): Promise<T | undefined>;
  /** Lists objects of a type. */
  list<T extends KubernetesObject = KubernetesObject>(
    type: ResourceTypeRef,
    options?: ListOptions,
  ): Promise<KubernetesList<T>>;
  /** Server-side apply (`application/apply-patch+yaml`) of a whole object. */
  apply<T extends KubernetesObject = KubernetesObject>(
    object: KubernetesObject,
    options?: ServerSideApplyOptions,
  ): Promise<T>;
  /** Creates an object (POST on its collection), e.g. a SelfSubjectAccessReview. */
  create<T = KubernetesObject>(
    object: CreatableObject,
    options?: CreateOptions,
  ): Promise<T>;
  /** Creates on an object's subresource, e.g. `serviceaccounts/<name>/token`. */
  createSubresource<T = unknown>(
    ref: ObjectRef,
    subresource: string,
    body: unknown,
    options?: CreateOptions,
  ): Promise<T>;
  /** Mints a token for a ServiceAccount (TokenRequest). The token is returned, never logged. */
  requestServiceAccountToken(
    namespace: string,
    serviceAccount: string,
    options?: {
      audiences?: string[];
      expirationSeconds?: number;
      signal?: AbortSignal;
    },
  ): Promise<{ token: string; expirationTimestamp?: string }>;
  /** Asks whether our identity may do something (SelfSubjectAccessReview). */
  selfSubjectAccessReview(
    attributes: ResourceAccessAttributes,
    options?: { signal?: AbortSignal },
  ): Promise<AccessReviewResult>;
  /** Reads the last lines of a pod's log. */
  podLogs(options: PodLogOptions): Promise<string>;

  /** A JSON request with auth, TLS and timeout applied; throws a {@link ClusterRequestError}. */
  requestJson<T = unknown>(request: ClusterRequest): Promise<T>;
  /** A text request (e.g. logs) with auth, TLS and timeout applied. */
  requestText(request: ClusterRequest): Promise<string>;
  /** A streaming request (watches); see {@link ClusterStreamResponse}. */
  requestStream(request: ClusterRequest): Promise<ClusterStreamResponse>;
  /**
   * The in-memory KubeConfig (cluster + current credential) for library helpers such as the
   * client library's `Watch`. It holds the credential: never log or serialize it.
   */
  getKubeConfig(): Promise<KubeConfig>;
}
