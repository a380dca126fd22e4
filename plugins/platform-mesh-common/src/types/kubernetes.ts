/**
 * Minimal structural types for Kubernetes objects. `-common` stays free of client libraries; these
 * match the API's JSON shapes closely enough for rendering, health and diagnostics.
 */

/**
 * Object metadata (the parts this project reads or writes).
 *
 * @public
 */
export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  generation?: number;
  resourceVersion?: string;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  /** Finalizers as the API server returns them (in order, duplicates kept). */
  finalizers?: string[];
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/**
 * A Kubernetes object with an arbitrary spec/status.
 *
 * @public
 */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

/**
 * A standard `metav1.Condition`.
 *
 * @public
 */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  observedGeneration?: number;
}

/**
 * A ConfigMap.
 *
 * @public
 */
export interface ConfigMap extends KubernetesObject {
  apiVersion: 'v1';
  kind: 'ConfigMap';
  data?: Record<string, string>;
}

/**
 * A Secret as rendered for apply. Its `data` (base64) holds credentials and must never be logged.
 *
 * @public
 */
export interface Secret extends KubernetesObject {
  apiVersion: 'v1';
  kind: 'Secret';
  type?: string;
  stringData?: Record<string, string>;
  data?: Record<string, string>;
}

/**
 * What this project keeps of a Secret it reads: identity and key names, never values.
 *
 * @public
 */
export interface SecretMetadata {
  name: string;
  namespace: string;
  keys: string[];
  labels?: Record<string, string>;
}

/**
 * A namespace-qualified object reference `{ name, namespace? }`.
 *
 * @public
 */
export interface NamespacedRef {
  name: string;
  namespace?: string;
}

/**
 * A Group/Version/Kind.
 *
 * @public
 */
export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}
