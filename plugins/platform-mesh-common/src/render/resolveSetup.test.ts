import {
  ARGOCD_PROFILE_YAML,
  argocdSetup,
  fluxcdSetup,
  minimalSetup,
} from './__fixtures__/setups';
import { resolveDestinationServer, resolveSetup } from './resolveSetup';

describe('resolveSetup', () => {
  it('applies every default (Operator == Infra)', () => {
    const setup = minimalSetup();
    expect(resolveSetup(setup)).toEqual({
      setup,
      instance: { name: 'platform-mesh', namespace: 'platform-mesh-system' },
      clusters: { operator: 'operator', runtime: 'runtime', infra: 'operator' },
      operatorIsInfra: true,
      operatorNamespace: 'platform-mesh-system',
      deploymentTechnology: 'fluxcd',
      secrets: {
        operatorRuntimeKubeconfig: {
          name: 'platform-mesh-kubeconfig',
          key: 'kubeconfig',
        },
        operatorInfraKubeconfig: {
          name: 'platform-mesh-infra-kubeconfig',
          key: 'kubeconfig',
        },
        fluxRuntimeKubeconfig: {
          name: 'platform-mesh-runtime-secret',
          key: 'kubeconfig',
          namespace: 'platform-mesh-system',
        },
        argocdClusterSecret: {
          name: 'platform-mesh-cluster-secret',
          namespace: 'argocd',
        },
      },
      profileConfigMap: {
        name: 'platform-mesh-profile',
        namespace: 'platform-mesh-system',
        custom: false,
      },
      destinationServer: undefined,
    });
  });

  it('treats an infraCluster equal to the operator cluster as Operator == Infra', () => {
    const setup = minimalSetup();
    setup.target.infraCluster = 'operator';
    expect(resolveSetup(setup).operatorIsInfra).toBe(true);
    setup.target.infraCluster = 'infra';
    expect(resolveSetup(setup).operatorIsInfra).toBe(false);
    expect(resolveSetup(setup).clusters.infra).toBe('infra');
  });

  it('takes overrides of names, keys, namespaces and the profile ConfigMap', () => {
    const setup = minimalSetup();
    setup.target.operatorNamespace = 'pm-operator';
    setup.instance.namespace = 'pm-a';
    setup.profileConfigMapName = 'shared-profile';
    setup.profileConfigMap = { namespace: 'profiles', cluster: 'runtime' };
    setup.secrets = {
      operatorRuntimeKubeconfig: { name: 'rt', key: 'config' },
      fluxRuntimeKubeconfig: {
        name: 'flux-rt',
        key: 'value',
        namespace: 'pm-a',
      },
      argocdClusterSecret: { name: 'cluster-rt', namespace: 'gitops' },
    };
    const resolved = resolveSetup(setup);
    expect(resolved.operatorNamespace).toBe('pm-operator');
    expect(resolved.secrets).toEqual({
      operatorRuntimeKubeconfig: { name: 'rt', key: 'config' },
      operatorInfraKubeconfig: {
        name: 'platform-mesh-infra-kubeconfig',
        key: 'kubeconfig',
      },
      fluxRuntimeKubeconfig: {
        name: 'flux-rt',
        key: 'value',
        namespace: 'pm-a',
      },
      argocdClusterSecret: { name: 'cluster-rt', namespace: 'gitops' },
    });
    expect(resolved.profileConfigMap).toEqual({
      name: 'shared-profile',
      namespace: 'profiles',
      custom: true,
    });
  });
});

describe('resolveDestinationServer', () => {
  it('prefers profile options, then the infraToRuntime server', () => {
    const setup = fluxcdSetup();
    expect(resolveDestinationServer(setup)).toBe('https://10.0.0.12:6443');
    setup.profile = { options: { destinationServer: 'https://explicit:6443' } };
    expect(resolveDestinationServer(setup)).toBe('https://explicit:6443');
  });

  it("falls back to the given profile's own value", () => {
    const setup = argocdSetup();
    expect(resolveDestinationServer(setup)).toBe('https://apps.example:6443');
    delete setup.kubeconfigs!.infraToRuntime;
    expect(resolveDestinationServer(setup)).toBe(
      'https://${RUNTIME_CLUSTER_IP}:6443',
    );
    setup.profile = {
      yaml: ARGOCD_PROFILE_YAML.replace(/ {2}destinationServer: .*\n/g, ''),
    };
    expect(resolveDestinationServer(setup)).toBeUndefined();
  });
});
