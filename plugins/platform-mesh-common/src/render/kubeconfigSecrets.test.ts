import { parse } from 'yaml';
import {
  FAKE,
  argocdSetup,
  fluxcdSetup,
  minimalSetup,
} from './__fixtures__/setups';
import { fromBase64Utf8 } from './base64';
import { renderKubeconfigSecrets } from './kubeconfigSecrets';

const managed = { 'app.kubernetes.io/managed-by': 'backstage-platform-mesh' };

describe('renderKubeconfigSecrets', () => {
  it('renders three Secrets when Operator != Infra (fluxcd)', () => {
    const secrets = renderKubeconfigSecrets(fluxcdSetup());
    expect(
      secrets.map(s => ({ ...s, data: Object.keys(s.data ?? {}) })),
    ).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: {
          name: 'platform-mesh-kubeconfig',
          namespace: 'platform-mesh-system',
          labels: managed,
        },
        type: 'Opaque',
        data: ['kubeconfig'],
      },
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: {
          name: 'platform-mesh-infra-kubeconfig',
          namespace: 'platform-mesh-system',
          labels: managed,
        },
        type: 'Opaque',
        data: ['kubeconfig'],
      },
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: {
          name: 'platform-mesh-runtime-secret',
          namespace: 'platform-mesh-system',
          labels: managed,
        },
        type: 'Opaque',
        data: ['kubeconfig'],
      },
    ]);
    const [runtime, infra, flux] = secrets.map(s =>
      parse(fromBase64Utf8(s.data!.kubeconfig)),
    );
    expect(runtime.clusters[0].cluster.server).toBe(
      'https://runtime.internal.example:6443',
    );
    expect(runtime.users[0].user.token).toBe(FAKE.operatorToRuntimeToken);
    expect(infra.clusters[0]).toEqual({
      name: 'infra',
      cluster: {
        server: 'https://infra.internal.example:6443',
        'certificate-authority-data': FAKE.caData,
      },
    });
    expect(infra.users[0].user.token).toBe(FAKE.operatorToInfraToken);
    expect(flux.clusters[0].cluster.server).toBe('https://10.0.0.12:6443');
    expect(flux.users[0]).toEqual({
      name: 'platform-mesh-flux',
      user: { token: FAKE.infraToRuntimeToken },
    });
  });

  it('renders no infra kubeconfig when Operator == Infra', () => {
    const setup = fluxcdSetup();
    delete setup.target.infraCluster;
    delete setup.kubeconfigs!.operatorToInfra;
    expect(renderKubeconfigSecrets(setup).map(s => s.metadata.name)).toEqual([
      'platform-mesh-kubeconfig',
      'platform-mesh-runtime-secret',
    ]);
  });

  it('puts the Flux Secret in the instance namespace, whatever the operator namespace', () => {
    const setup = fluxcdSetup();
    setup.instance.namespace = 'pm-a';
    setup.target.operatorNamespace = 'pm-operator';
    expect(
      renderKubeconfigSecrets(setup).map(s => s.metadata.namespace),
    ).toEqual(['pm-operator', 'pm-operator', 'pm-a']);
  });

  it('uses overridden names and keys', () => {
    const setup = fluxcdSetup();
    setup.secrets = {
      operatorRuntimeKubeconfig: { name: 'rt', key: 'config' },
      operatorInfraKubeconfig: { name: 'inf', key: 'value' },
      fluxRuntimeKubeconfig: { name: 'flux-rt', key: 'kc' },
    };
    expect(
      renderKubeconfigSecrets(setup).map(s => [
        s.metadata.name,
        Object.keys(s.data!),
      ]),
    ).toEqual([
      ['rt', ['config']],
      ['inf', ['value']],
      ['flux-rt', ['kc']],
    ]);
  });

  it('renders the Argo CD cluster Secret in place of the Flux one', () => {
    const secrets = renderKubeconfigSecrets(argocdSetup());
    expect(secrets).toHaveLength(2);
    const decoded = {
      ...secrets[1],
      data: Object.fromEntries(
        Object.entries(secrets[1].data!).map(([k, v]) => [
          k,
          fromBase64Utf8(v),
        ]),
      ),
    };
    expect(decoded).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: 'platform-mesh-cluster-secret',
        namespace: 'argocd',
        labels: { ...managed, 'argocd.argoproj.io/secret-type': 'cluster' },
      },
      type: 'Opaque',
      data: {
        name: 'apps',
        server: 'https://apps.example:6443',
        config: JSON.stringify({
          tlsClientConfig: {
            insecure: false,
            caData: FAKE.caData,
            certData: FAKE.clientCertificateData,
            keyData: FAKE.clientKeyData,
          },
        }),
      },
    });
  });

  it('renders nothing without kubeconfig sources', () => {
    expect(renderKubeconfigSecrets(minimalSetup())).toEqual([]);
  });
});
