import {
  DEFAULT_NAMESPACE,
  DEFAULT_SECRETS,
  PROFILE_CONFIGMAP_SUFFIX,
} from '../constants';
import { readProfile } from '../profile/parseProfileYaml';
import type {
  PlatformMeshSetup,
  ResolvedPlatformMeshSetup,
} from '../types/setup';

/**
 * The Argo CD destination server of a setup: `profile.options.destinationServer`, else the
 * `kubeconfigs.infraToRuntime` server, else (given profile YAML) the profile's own
 * `components.destinationServer` or `infra.destinationServer`.
 *
 * @param setup - the setup
 */
export function resolveDestinationServer(
  setup: PlatformMeshSetup,
): string | undefined {
  // Tolerates partial input: the validator calls this before every field is known to be valid.
  const input: Partial<PlatformMeshSetup['profile']> = setup.profile ?? {};
  const fromOptions = input.options?.destinationServer;
  const fromKubeconfig = setup.kubeconfigs?.infraToRuntime?.server;
  if (fromOptions ?? fromKubeconfig) {
    return fromOptions ?? fromKubeconfig;
  }
  if (typeof input.yaml === 'string') {
    const profile = readProfile(input.yaml);
    const candidates = [
      profile?.components?.destinationServer,
      profile?.infra?.destinationServer,
    ];
    return candidates.find(
      (value): value is string => typeof value === 'string' && value !== '',
    );
  }
  return undefined;
}

/**
 * Applies every default to a setup: Operator == Infra when `infraCluster` is absent, the operator
 * namespace, the Secret names and keys of `DEFAULT_SECRETS`, the profile ConfigMap name and
 * namespace, and the Argo CD destination server.
 *
 * @param setup - a validated setup
 * @alpha
 */
export function resolveSetup(
  setup: PlatformMeshSetup,
): ResolvedPlatformMeshSetup {
  const { instance, target } = setup;
  const infra = target.infraCluster ?? target.operatorCluster;
  const secrets = setup.secrets ?? {};
  const defaultProfileName = `${instance.name}${PROFILE_CONFIGMAP_SUFFIX}`;
  const profileName = setup.profileConfigMapName ?? defaultProfileName;
  const profileNamespace =
    setup.profileConfigMap?.namespace ?? instance.namespace;

  return {
    setup,
    instance: { name: instance.name, namespace: instance.namespace },
    clusters: {
      operator: target.operatorCluster,
      runtime: target.runtimeCluster,
      infra,
    },
    operatorIsInfra: infra === target.operatorCluster,
    operatorNamespace: target.operatorNamespace ?? DEFAULT_NAMESPACE,
    deploymentTechnology: setup.deploymentTechnology,
    secrets: {
      operatorRuntimeKubeconfig: {
        ...DEFAULT_SECRETS.operatorRuntimeKubeconfig,
        ...secrets.operatorRuntimeKubeconfig,
      },
      operatorInfraKubeconfig: {
        ...DEFAULT_SECRETS.operatorInfraKubeconfig,
        ...secrets.operatorInfraKubeconfig,
      },
      fluxRuntimeKubeconfig: {
        name:
          secrets.fluxRuntimeKubeconfig?.name ??
          DEFAULT_SECRETS.fluxRuntimeKubeconfig.name,
        key:
          secrets.fluxRuntimeKubeconfig?.key ??
          DEFAULT_SECRETS.fluxRuntimeKubeconfig.key,
        // Flux resolves `spec.kubeConfig.secretRef` in the HelmRelease's (the instance's) namespace.
        namespace: instance.namespace,
      },
      argocdClusterSecret: {
        ...DEFAULT_SECRETS.argocdClusterSecret,
        ...secrets.argocdClusterSecret,
      },
    },
    profileConfigMap: {
      name: profileName,
      namespace: profileNamespace,
      custom:
        profileName !== defaultProfileName ||
        profileNamespace !== instance.namespace,
    },
    destinationServer: resolveDestinationServer(setup),
  };
}
