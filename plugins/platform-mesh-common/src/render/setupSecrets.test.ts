import { argocdSetup, fluxcdSetup, minimalSetup } from './__fixtures__/setups';
import { describeSetupSecrets } from './setupSecrets';

describe('describeSetupSecrets', () => {
  it('lists the Secrets of a three-cluster fluxcd setup', () => {
    expect(
      describeSetupSecrets(fluxcdSetup()).map(({ purpose, ...rest }) => {
        expect(purpose.length).toBeGreaterThan(20);
        return rest;
      }),
    ).toEqual([
      {
        id: 'operator-runtime-kubeconfig',
        role: 'operator',
        cluster: 'operator',
        name: 'platform-mesh-kubeconfig',
        namespace: 'platform-mesh-system',
        key: 'kubeconfig',
        keys: ['kubeconfig'],
        source: 'operatorToRuntime',
        rendered: true,
      },
      {
        id: 'operator-infra-kubeconfig',
        role: 'operator',
        cluster: 'operator',
        name: 'platform-mesh-infra-kubeconfig',
        namespace: 'platform-mesh-system',
        key: 'kubeconfig',
        keys: ['kubeconfig'],
        source: 'operatorToInfra',
        rendered: true,
      },
      {
        id: 'flux-runtime-kubeconfig',
        role: 'infra',
        cluster: 'infra',
        name: 'platform-mesh-runtime-secret',
        namespace: 'platform-mesh-system',
        key: 'kubeconfig',
        keys: ['kubeconfig'],
        source: 'infraToRuntime',
        rendered: true,
      },
    ]);
  });

  it('lists the Argo CD cluster Secret in argocd mode', () => {
    const secrets = describeSetupSecrets(argocdSetup());
    expect(secrets.map(s => s.id)).toEqual([
      'operator-runtime-kubeconfig',
      'argocd-cluster',
    ]);
    expect(secrets[1]).toMatchObject({
      role: 'infra',
      cluster: 'mgmt',
      name: 'platform-mesh-cluster-secret',
      namespace: 'argocd',
      key: 'config',
      keys: ['name', 'server', 'config'],
      labels: { 'argocd.argoproj.io/secret-type': 'cluster' },
      rendered: true,
    });
  });

  it('marks Secrets without a source as not rendered', () => {
    expect(
      describeSetupSecrets(minimalSetup()).map(s => [
        s.id,
        s.cluster,
        s.rendered,
      ]),
    ).toEqual([
      ['operator-runtime-kubeconfig', 'operator', false],
      ['flux-runtime-kubeconfig', 'operator', false],
    ]);
  });
});
