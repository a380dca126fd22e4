/**
 * Typed shape of the operator's `profile.yaml` (the profile ConfigMap). Only the keys the operator
 * reads (operator v0.81.14) are named; every object keeps an index signature so that real profiles,
 * with keys consumed by newer operators or ignored ones, round-trip unchanged.
 */
import type { DeploymentTechnology } from './status';

/**
 * A `{ name }` reference to an OCM repository or component inside a profile.
 *
 * @alpha
 */
export interface ProfileOcmRef {
  name?: string;
  [key: string]: unknown;
}

/**
 * The `ocm` block of the profile's `infra` or `components` section.
 */
export interface ProfileOcmConfig {
  repo?: ProfileOcmRef;
  component?: ProfileOcmRef;
  referencePath?: Array<{ name: string }>;
  [key: string]: unknown;
}

/**
 * One infra component of the profile (`infra.certManager`, `infra.traefik`, ...).
 */
export interface ProfileInfraComponent {
  enabled?: boolean;
  name?: string;
  interval?: string;
  targetNamespace?: string;
  ocmComponentName?: string;
  ocmResourceName?: string;
  ocmImageResourceName?: string;
  values?: Record<string, unknown>;
  syncWave?: number;
  syncOptions?: string[];
  ignoreDifferences?: unknown[];
  repoURL?: string;
  targetRevision?: string;
  skipCrds?: boolean;
  chart?: { name?: string; [key: string]: unknown };
  /** Only for `gatewayApi` (a Flux Kustomization). */
  kustomization?: {
    interval?: string;
    path?: string;
    install?: { crds?: string; [key: string]: unknown };
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/**
 * The profile's `infra` section.
 */
export interface ProfileInfra {
  /** Lower-cased by the operator; an invalid value falls back to `fluxcd`. */
  deploymentTechnology?: DeploymentTechnology | string;
  /** Argo CD destination for infra Applications and the AppProject. */
  destinationServer?: string;
  ocm?: ProfileOcmConfig;
  certManager?: ProfileInfraComponent;
  traefikCRDs?: ProfileInfraComponent;
  traefik?: ProfileInfraComponent;
  gatewayApi?: ProfileInfraComponent;
  etcdDruid?: ProfileInfraComponent;
  prometheusOperatorCRDs?: ProfileInfraComponent;
  opentelemetryOperator?: ProfileInfraComponent;
  [key: string]: unknown;
}

/**
 * A `dependsOn` entry of a service (Flux `dependsOn`; Argo CD sync-wave computation).
 *
 * @alpha
 */
export interface ServiceDependency {
  name: string;
  namespace?: string;
  [key: string]: unknown;
}

/**
 * An extra OCM image resource of a service.
 *
 * @alpha
 */
export interface ServiceImageResource {
  name?: string;
  /** Defaults to `image`. */
  resource?: string;
  resourceName?: string;
  labels?: Record<string, string>;
  referencePath?: Array<{ name: string }>;
  absoluteReferencePath?: Array<{ name: string }>;
  /** `repo`, `artifact`, `for`, `path`, `version-path`, `unsuspend`, `image-ref`, ... */
  annotations?: Record<string, string>;
  [key: string]: unknown;
}

/**
 * One entry of `components.services` (see helm-charts `docs/adding-a-service.md`).
 *
 * @alpha
 */
export interface ServiceConfig {
  enabled?: boolean;
  /** Render the OCM Resource only. */
  skipHelmRelease?: boolean;
  /** HelmRelease `spec.suspend`. */
  suspend?: boolean;
  helmRepo?: boolean;
  gitRepo?: boolean;
  chart?: string;
  path?: string;
  repoURL?: string;
  version?: string;
  targetNamespace?: string;
  dependsOn?: ServiceDependency[];
  /** Argo CD sync wave (default 1, computed from `dependsOn` when absent). */
  syncWave?: number;
  syncOptions?: string[];
  ignoreDifferences?: unknown[];
  skipCrds?: boolean;
  values?: Record<string, unknown>;
  /** Do not append `chart`/`image` to the OCM reference path. */
  external?: boolean;
  referencePath?: Array<{ name: string }>;
  absoluteReferencePath?: Array<{ name: string }>;
  ocm?: {
    component?: ProfileOcmRef;
    repo?: ProfileOcmRef;
    [key: string]: unknown;
  };
  chartResources?: {
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  imageResources?: ServiceImageResource[];
  [key: string]: unknown;
}

/**
 * The profile's `components` section. It is rendered as a Go template by the operator, after the
 * whole profile was parsed as plain YAML: template expressions must sit inside quoted strings.
 */
export interface ProfileComponents {
  deploymentTechnology?: DeploymentTechnology | string;
  /** Argo CD destination for component Applications. */
  destinationServer?: string;
  /** HelmRelease `spec.timeout` (operator default `15m`). */
  timeout?: string;
  /** Required by the OCM Resource templates. */
  ocm?: ProfileOcmConfig;
  services?: Record<string, ServiceConfig>;
  [key: string]: unknown;
}

/**
 * The content of `profile.yaml` in the profile ConfigMap.
 */
export interface PlatformMeshProfile {
  infra: ProfileInfra;
  components: ProfileComponents;
  [key: string]: unknown;
}
