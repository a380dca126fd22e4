import type { Condition, KubernetesObject } from './kubernetes';

/**
 * `spec.exposure` of a PlatformMesh.
 *
 * @public
 */
export interface ExposureConfig {
  baseDomain?: string;
  port?: number;
  protocol?: string;
}

/**
 * A kcp provider connection. Operator v0.81.14 uses `apiExportName`; CRD chart 0.11.0
 * (pm-operator 0.87.0) replaced it with `apiExportNames`. Both forms are accepted.
 *
 * @public
 */
export interface ProviderConnection {
  secret: string;
  endpointSliceName?: string;
  /** Operator v0.81.14 and older. */
  apiExportName?: string;
  /** pm-operator 0.87.0 and newer (items must be non-empty). */
  apiExportNames?: string[];
  path?: string;
  rawPath?: string;
  external?: boolean;
  namespace?: string;
  /** Omitted means scoped mode (the operator dereferences it with a `false` default). */
  adminAuth?: boolean;
}

/**
 * An extra default API binding for a workspace type.
 *
 * @public
 */
export interface ExtraDefaultAPIBinding {
  workspaceTypePath: string;
  export: string;
  path: string;
}

/**
 * An extra kcp workspace the operator creates.
 *
 * @public
 */
export interface ExtraWorkspace {
  /** e.g. `root:orgs:my-ws` (must contain `:`). */
  path: string;
  type: { name: string; path: string };
}

/**
 * `spec.kcp`.
 *
 * @public
 */
export interface KcpConfig {
  providerConnections?: ProviderConnection[];
  extraProviderConnections?: ProviderConnection[];
  extraDefaultAPIBindings?: ExtraDefaultAPIBinding[];
  extraWorkspaces?: ExtraWorkspace[];
}

/**
 * `spec.ocm`.
 *
 * @public
 */
export interface OcmConfig {
  repo?: { name?: string };
  component?: { name?: string };
  referencePath?: Array<{ name: string }>;
}

/**
 * A feature toggle.
 *
 * @public
 */
export interface FeatureToggle {
  name: string;
  parameters?: Record<string, string>;
}

/**
 * One entry of `spec.wait.resourceTypes` (flat GVK form since operator commit 89f7e7e).
 *
 * @public
 */
export interface WaitResourceType {
  group: string;
  version: string;
  kind: string;
  name?: string;
  namespace?: string;
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{
    key: string;
    operator: string;
    values?: string[];
  }>;
  conditionStatus?: string;
  conditionType?: string;
}

/**
 * `spec` of a `core.platform-mesh.io/v1alpha1` PlatformMesh.
 *
 * @public
 */
export interface PlatformMeshSpec {
  exposure?: ExposureConfig;
  kcp?: KcpConfig;
  values?: unknown;
  /** Declared in the CRD but not read by operator v0.81.14. */
  infraValues?: unknown;
  ocm?: OcmConfig;
  featureToggles?: FeatureToggle[];
  wait?: { resourceTypes?: WaitResourceType[] };
  profileConfigMap?: { name: string; namespace?: string };
}

/**
 * `status` of a PlatformMesh. `observedGeneration` is declared but never written by the operator:
 * staleness comes from the conditions' own `observedGeneration`.
 *
 * @public
 */
export interface PlatformMeshStatus {
  conditions?: Condition[];
  observedGeneration?: number;
  nextReconcileTime?: string | null;
  kcpWorkspaces?: Array<{ name: string; phase: string }>;
}

/**
 * A `core.platform-mesh.io/v1alpha1` PlatformMesh.
 *
 * @public
 */
export interface PlatformMesh extends KubernetesObject {
  apiVersion: 'core.platform-mesh.io/v1alpha1';
  kind: 'PlatformMesh';
  spec?: PlatformMeshSpec;
  status?: PlatformMeshStatus;
}
