import { loadSnapshot } from '../snapshot/__fixtures__/loadSnapshot';
import { infraKubeconfigSecretRule } from './infraKubeconfigSecret';

describe('infra-kubeconfig-secret', () => {
  it('finds nothing when the Secret has its key', () => {
    expect(
      infraKubeconfigSecretRule.evaluate(
        loadSnapshot('snapshot-fluxcd-remote-healthy'),
      ),
    ).toEqual([]);
  });

  it('reports a missing Secret when Operator != Infra', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.operator.secrets = snapshot.operator.secrets.filter(
      s => s.name !== 'platform-mesh-infra-kubeconfig',
    );
    expect(infraKubeconfigSecretRule.evaluate(snapshot)).toEqual([
      {
        id: 'infra-kubeconfig-secret',
        severity: 'error',
        cluster: 'operator',
        summary:
          'Infra kubeconfig Secret platform-mesh-infra-kubeconfig is missing',
        detail:
          'Secret platform-mesh-infra-kubeconfig in namespace platform-mesh-system on the operator cluster "operator" does not exist. The operator mounts it to create HelmReleases, sources or Applications on the infra cluster; without it the operator pod cannot start (its volume cannot be mounted).',
        hint: 'Create the Secret platform-mesh-infra-kubeconfig in namespace platform-mesh-system on the operator cluster "operator" with key kubeconfig holding the infra cluster\'s kubeconfig, with a server URL the operator can reach (kubectl -n platform-mesh-system create secret generic platform-mesh-infra-kubeconfig --from-file=kubeconfig=<file>). Its name and key are the operator\'s Helm values remoteInfra.secretName (platform-mesh-infra-kubeconfig) and remoteInfra.secretKey (kubeconfig), with remoteInfra.enabled=true.',
      },
    ]);
  });

  it('falls back to the default name when the target names none', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    delete snapshot.expectedSecrets.operatorInfraKubeconfig;
    expect(infraKubeconfigSecretRule.evaluate(snapshot)).toEqual([]);
    snapshot.operator.secrets[1].keys = [];
    expect(
      infraKubeconfigSecretRule.evaluate(snapshot).map(d => d.summary),
    ).toEqual([
      'Infra kubeconfig Secret platform-mesh-infra-kubeconfig has no key kubeconfig',
    ]);
  });

  it('does not apply when the operator runs on the infra cluster', () => {
    const snapshot = loadSnapshot('snapshot-argocd-remote-healthy');
    expect(snapshot.operator.secrets.map(s => s.name)).not.toContain(
      'platform-mesh-infra-kubeconfig',
    );
    expect(infraKubeconfigSecretRule.evaluate(snapshot)).toEqual([]);
  });

  it('reports nothing when the operator cluster is unreachable', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.operator.secrets = [];
    snapshot.clusters.operator = {
      cluster: 'operator',
      reachable: false,
      error: { type: 'timeout', message: 'request timed out after 10s' },
    };
    expect(infraKubeconfigSecretRule.evaluate(snapshot)).toEqual([]);
  });
});
