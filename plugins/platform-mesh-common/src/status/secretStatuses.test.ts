import { loadSnapshot } from '../snapshot/__fixtures__/loadSnapshot';
import { secretStatuses } from './secretStatuses';

describe('secretStatuses', () => {
  it('lists the operator Secrets and the Argo CD cluster Secret in argocd mode (Operator == Infra)', () => {
    expect(
      secretStatuses(loadSnapshot('snapshot-argocd-remote-healthy')),
    ).toEqual([
      {
        role: 'operator',
        name: 'platform-mesh-kubeconfig',
        namespace: 'platform-mesh-system',
        key: 'kubeconfig',
        purpose:
          'runtime kubeconfig mounted by the operator (remoteRuntime.secretName)',
        present: true,
        keyPresent: true,
      },
      {
        role: 'infra',
        name: 'platform-mesh-cluster-secret',
        namespace: 'argocd',
        key: 'server',
        purpose: 'Argo CD cluster registration of the runtime cluster',
        present: true,
        keyPresent: true,
      },
    ]);
  });

  it('shows missing Secrets and missing keys', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.operator.secrets = [snapshot.operator.secrets[0]];
    snapshot.operator.secrets[0].keys = ['value'];
    snapshot.infra.secrets = [];
    expect(
      secretStatuses(snapshot).map(s => [
        s.role,
        s.name,
        s.present,
        s.keyPresent,
      ]),
    ).toEqual([
      ['operator', 'platform-mesh-kubeconfig', true, false],
      ['operator', 'platform-mesh-infra-kubeconfig', false, false],
      ['infra', 'platform-mesh-runtime-secret', false, false],
    ]);
  });

  it('adds one row per referenced Flux Secret and the expected one when nothing references it', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.infra.helmReleases[0].spec!.kubeConfig = {
      secretRef: { name: 'legacy-kubeconfig' },
    };
    snapshot.infra.helmReleases[1].spec!.kubeConfig = {
      secretRef: { name: 'legacy-kubeconfig' },
    };
    delete snapshot.infra.kustomizations[0].spec!.kubeConfig;
    snapshot.infra.secrets.push({
      name: 'legacy-kubeconfig',
      namespace: 'platform-mesh-system',
      keys: ['value.yaml'],
    });
    expect(secretStatuses(snapshot).filter(s => s.role === 'infra')).toEqual([
      {
        role: 'infra',
        name: 'legacy-kubeconfig',
        namespace: 'platform-mesh-system',
        key: 'value',
        purpose:
          'runtime kubeconfig Flux uses (spec.kubeConfig.secretRef of 2 objects)',
        present: true,
        keyPresent: true,
      },
      {
        role: 'infra',
        name: 'platform-mesh-runtime-secret',
        namespace: 'platform-mesh-system',
        key: 'kubeconfig',
        purpose:
          'runtime kubeconfig for Flux (remoteRuntime.infra.secretName), not referenced yet',
        present: true,
        keyPresent: true,
      },
    ]);
  });

  it('leaves out the rows of a cluster whose Secrets could not be read', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.clusters.operator = {
      cluster: 'operator',
      reachable: false,
      error: { type: 'unreachable', message: 'connect ECONNREFUSED' },
    };
    snapshot.clusters.infra.resourceErrors = [
      {
        type: 'forbidden',
        message: 'forbidden',
        resource: 'secrets',
        statusCode: 403,
      },
    ];
    expect(secretStatuses(snapshot)).toEqual([]);
  });
});
