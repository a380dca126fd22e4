import type {
  PlatformMeshSetup,
  SetupKubeconfigs,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type { PlatformMeshTarget } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { secretNameEntries } from './schema/entryRules';
import type { SetupFieldValues } from './schema/setupFields';
import { mergeServiceRepoUrls } from './serviceRepoUrls';

/**
 * The setup (without kubeconfigs) the checked fields describe on `target`: the instance, the
 * profile (the given YAML, or options built from services, overrides and repository URLs), the
 * Secrets' names, exposure, feature toggles, kcp and values.
 *
 * @param values - the checked input fields
 * @param context - the target (or its stand-in), the instance name, servers and kubeconfigs
 */
export function buildSetup(
  values: SetupFieldValues,
  context: {
    target: PlatformMeshTarget;
    instanceName: string;
    credentials: string;
    servers: { runtime: string; infra: string };
    secretKubeconfigs: SetupKubeconfigs;
  },
): PlatformMeshSetup {
  const { target, credentials, servers, secretKubeconfigs } = context;
  const names = secretNameEntries(values.secretNames);
  const { profile, services, serviceOverrides, serviceRepoUrls } = values;
  const deploymentTechnology = target.deploymentTechnology;
  const setup: PlatformMeshSetup = {
    instance: {
      name: context.instanceName,
      namespace: values.namespace ?? target.namespace,
    },
    target: {
      name: target.name,
      operatorCluster: target.operatorCluster,
      runtimeCluster: target.runtimeCluster,
      ...(target.operatorIsInfra ? {} : { infraCluster: target.infraCluster }),
      operatorNamespace: target.operatorNamespace,
    },
    deploymentTechnology,
    profile:
      profile !== undefined
        ? { yaml: profile }
        : {
            options: {
              ...(services ? { services } : {}),
              ...(serviceOverrides || serviceRepoUrls
                ? {
                    serviceOverrides: mergeServiceRepoUrls(
                      serviceOverrides,
                      serviceRepoUrls,
                    ),
                  }
                : {}),
              ...(deploymentTechnology === 'argocd' &&
              (credentials !== 'secrets' ||
                values.runtimeServerUrl ||
                !secretKubeconfigs.infraToRuntime)
                ? { destinationServer: servers.runtime }
                : {}),
            },
          },
    secrets: {
      operatorRuntimeKubeconfig: {
        ...target.secrets.operatorRuntimeKubeconfig,
        ...names.operatorRuntimeKubeconfig,
      },
      operatorInfraKubeconfig: {
        ...target.secrets.operatorInfraKubeconfig,
        ...names.operatorInfraKubeconfig,
      },
      fluxRuntimeKubeconfig: {
        ...target.secrets.fluxRuntimeKubeconfig,
        ...names.fluxRuntimeKubeconfig,
      },
      ...(names.argocdClusterSecret
        ? {
            argocdClusterSecret: {
              name: 'platform-mesh-cluster-secret',
              namespace: 'argocd',
              ...names.argocdClusterSecret,
            },
          }
        : {}),
    },
  };
  const { baseDomain, port, protocol } = values;
  if (baseDomain) {
    setup.exposure = {
      baseDomain,
      port: port ?? (protocol === 'http' ? 80 : 443),
      protocol: (protocol as 'http' | 'https') ?? 'https',
    };
  }
  if (values.featureToggles) {
    setup.featureToggles = values.featureToggles.map(toggle => ({
      name: toggle,
    }));
  }
  if (values.kcp) setup.kcp = values.kcp as PlatformMeshSetup['kcp'];
  if (values.values) setup.values = values.values;
  if (values.profileConfigMapName) {
    setup.profileConfigMapName = values.profileConfigMapName;
  }
  return setup;
}
