/**
 * The one typed input of the rendering functions: everything needed to render the profile
 * ConfigMap, the PlatformMesh, the kubeconfig Secrets of each cluster and the operator's Helm values
 * for a remote Platform Mesh deployment.
 */
import type {
  FeatureToggle,
  KcpConfig,
  OcmConfig,
  WaitResourceType,
} from './platformMesh';
import type { ServiceConfig } from './profile';
import type { DeploymentTechnology } from './status';

/**
 * The PlatformMesh instance: its name and namespace on the runtime cluster. The namespace is also
 * where the operator creates HelmReleases/Applications on the infra cluster.
 *
 * @alpha
 */
export interface SetupInstance {
  /** RFC 1123 label. */
  name: string;
  /** RFC 1123 label. */
  namespace: string;
}

/**
 * The cluster roles of one remote deployment, by configured cluster name.
 *
 * @alpha
 */
export interface SetupTarget {
  /** The configured target name (part of the catalog annotation value). */
  name: string;
  /** Where the operator runs. */
  operatorCluster: string;
  /** Where the PlatformMesh and its profile ConfigMap live. */
  runtimeCluster: string;
  /** Where Flux/Argo CD objects live. Defaults to `operatorCluster` (Operator == Infra). */
  infraCluster?: string;
  /** The operator's release namespace on the operator cluster (default `platform-mesh-system`). */
  operatorNamespace?: string;
}

/**
 * `spec.exposure`: when set, the operator uses all three fields without defaults.
 *
 * @alpha
 */
export interface SetupExposure {
  /** A DNS name without scheme or port, e.g. `portal.example.com` or `portal.localhost`. */
  baseDomain: string;
  /** 1 to 65535. */
  port: number;
  protocol: 'http' | 'https';
}

/**
 * Infra components that a built profile can switch on or off.
 *
 * @alpha
 */
export type ProfileInfraComponentName =
  | 'certManager'
  | 'traefikCRDs'
  | 'traefik'
  | 'gatewayApi'
  | 'etcdDruid';

/**
 * Options to build a remote profile instead of passing its YAML.
 *
 * @alpha
 */
export interface ProfileOptions {
  /**
   * The services to enable, by name (see `KNOWN_SERVICES`, plus any name added through
   * `serviceOverrides`). Every other known service is listed with `enabled: false`. Defaults to
   * `DEFAULT_ENABLED_SERVICES`.
   */
  services?: string[];
  /** Must equal the setup's `deploymentTechnology` when given. */
  deploymentTechnology?: DeploymentTechnology;
  /**
   * Argo CD only: the runtime cluster's API URL as the infra cluster sees it. Defaults to
   * `kubeconfigs.infraToRuntime.server`.
   */
  destinationServer?: string;
  /** HelmRelease timeout, a Go duration (default `15m`). */
  timeout?: string;
  /** OCM repository and component names (default: `spec.ocm` names, else `platform-mesh`). */
  ocm?: { repo?: string; component?: string };
  /** Switch infra components on or off (all on by default). */
  infraComponents?: Partial<Record<ProfileInfraComponentName, boolean>>;
  /**
   * Per-service settings deep-merged over the built-in defaults (objects merge, arrays and scalars
   * replace). A name that is not a known service adds a service.
   */
  serviceOverrides?: Record<string, ServiceConfig>;
}

/**
 * Where the profile comes from: given YAML, or built from options.
 *
 * @alpha
 */
export type SetupProfile =
  | { yaml: string; options?: never }
  | { options: ProfileOptions; yaml?: never };

/**
 * A Secret name and data key.
 *
 * @alpha
 */
export interface SecretKeyRef {
  name: string;
  key: string;
}

/**
 * Names and keys of the Secrets of a remote setup. Each defaults to `DEFAULT_SECRETS`.
 *
 * @alpha
 */
export interface SetupSecrets {
  /** Operator cluster, operator namespace: the runtime kubeconfig the operator mounts. */
  operatorRuntimeKubeconfig?: SecretKeyRef;
  /** Operator cluster, operator namespace, only when Operator != Infra: the infra kubeconfig. */
  operatorInfraKubeconfig?: SecretKeyRef;
  /**
   * Infra cluster, instance namespace: the runtime kubeconfig Flux resolves for
   * `spec.kubeConfig.secretRef`. A `namespace`, when given, must equal the instance namespace.
   */
  fluxRuntimeKubeconfig?: SecretKeyRef & { namespace?: string };
  /** Infra cluster: the Argo CD cluster Secret for the runtime cluster (argocd mode). */
  argocdClusterSecret?: { name: string; namespace: string };
}

/**
 * A kubeconfig credential: a bearer token or a client certificate and key (base64 PEM).
 *
 * @alpha
 */
export type KubeconfigCredential =
  | { token: string }
  | { clientCertificateData: string; clientKeyData: string };

/**
 * What a kubeconfig is built from. `server` is the URL the *consumer* (the operator, Flux or Argo
 * CD) uses to reach the cluster, which may differ from the URL Backstage uses.
 *
 * @alpha
 */
export interface KubeconfigSource {
  /** An `https://` (or `http://`) URL. */
  server: string;
  /** Base64-encoded PEM CA bundle. */
  caData?: string;
  insecureSkipTlsVerify?: boolean;
  credential: KubeconfigCredential;
}

/**
 * Kubeconfig material for the Secrets. When a source is absent its Secret is not rendered but
 * listed as a required Secret, to be created out of band (so credentials never land in a git
 * workspace by accident).
 *
 * @alpha
 */
export interface SetupKubeconfigs {
  /** Operator to runtime (Secret `operatorRuntimeKubeconfig`). */
  operatorToRuntime?: KubeconfigSource;
  /** Operator to infra, only when Operator != Infra (Secret `operatorInfraKubeconfig`). */
  operatorToInfra?: KubeconfigSource;
  /** Flux or Argo CD on the infra cluster to runtime (`fluxRuntimeKubeconfig` or `argocdClusterSecret`). */
  infraToRuntime?: KubeconfigSource;
}

/**
 * Where the profile ConfigMap lives. It must be on the PlatformMesh's (runtime) cluster; another
 * namespace is allowed and is then written to `spec.profileConfigMap`.
 *
 * @alpha
 */
export interface SetupProfileConfigMap {
  /** Defaults to the instance namespace. */
  namespace?: string;
  /** When given, must equal the target's runtime cluster. */
  cluster?: string;
}

/**
 * The one typed input of the rendering functions.
 *
 * @alpha
 */
export interface PlatformMeshSetup {
  instance: SetupInstance;
  target: SetupTarget;
  deploymentTechnology: DeploymentTechnology;
  profile: SetupProfile;
  exposure?: SetupExposure;
  /** `spec.ocm`. */
  ocm?: OcmConfig;
  /** `spec.kcp`; provider connections in the `apiExportName` or the `apiExportNames` form. */
  kcp?: KcpConfig;
  featureToggles?: FeatureToggle[];
  /** `spec.values`, deep-merged by the operator into the templates' data. */
  values?: Record<string, unknown>;
  wait?: { resourceTypes?: WaitResourceType[] };
  /** A custom profile ConfigMap name (default `<instance>-profile`), written to `spec.profileConfigMap`. */
  profileConfigMapName?: string;
  profileConfigMap?: SetupProfileConfigMap;
  secrets?: SetupSecrets;
  kubeconfigs?: SetupKubeconfigs;
}

/**
 * A setup with every default applied: what the renderers work from.
 *
 * @alpha
 */
export interface ResolvedPlatformMeshSetup {
  setup: PlatformMeshSetup;
  instance: SetupInstance;
  clusters: { operator: string; runtime: string; infra: string };
  operatorIsInfra: boolean;
  operatorNamespace: string;
  deploymentTechnology: DeploymentTechnology;
  secrets: {
    operatorRuntimeKubeconfig: SecretKeyRef;
    operatorInfraKubeconfig: SecretKeyRef;
    fluxRuntimeKubeconfig: SecretKeyRef & { namespace: string };
    argocdClusterSecret: { name: string; namespace: string };
  };
  profileConfigMap: {
    name: string;
    namespace: string;
    /** True when name or namespace differ from the operator's defaults (then `spec.profileConfigMap` is written). */
    custom: boolean;
  };
  /** Argo CD destination (the runtime API as the infra cluster sees it), when known. */
  destinationServer?: string;
}
