import { loadSnapshot } from '../snapshot/__fixtures__/loadSnapshot';
import { operatorKubeconfigSecretRule } from './operatorKubeconfigSecret';

describe('operator-kubeconfig-secret', () => {
  it('finds nothing when the Secret has its key', () => {
    expect(
      operatorKubeconfigSecretRule.evaluate(
        loadSnapshot('snapshot-fluxcd-remote-healthy'),
      ),
    ).toEqual([]);
  });

  it('reports a missing Secret with the kubectl step and the Helm values', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.operator.secrets = snapshot.operator.secrets.filter(
      s => s.name !== 'platform-mesh-kubeconfig',
    );
    expect(operatorKubeconfigSecretRule.evaluate(snapshot)).toEqual([
      {
        id: 'operator-kubeconfig-secret',
        severity: 'error',
        cluster: 'operator',
        summary:
          'Runtime kubeconfig Secret platform-mesh-kubeconfig is missing',
        detail:
          'Secret platform-mesh-kubeconfig in namespace platform-mesh-system on the operator cluster "operator" does not exist. The operator mounts it to reach the runtime cluster; without it the operator pod cannot start (its volume cannot be mounted) and no PlatformMesh is reconciled.',
        hint: 'Create the Secret platform-mesh-kubeconfig in namespace platform-mesh-system on the operator cluster "operator" with key kubeconfig holding the runtime cluster\'s kubeconfig, with a server URL the operator can reach (kubectl -n platform-mesh-system create secret generic platform-mesh-kubeconfig --from-file=kubeconfig=<file>). Its name and key are the operator\'s Helm values remoteRuntime.secretName (platform-mesh-kubeconfig) and remoteRuntime.secretKey (kubeconfig), with remoteRuntime.enabled=true.',
      },
    ]);
  });

  it('reports a Secret without the configured key, listing the keys it has', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.operator.secrets[0].keys = ['config', 'value'];
    expect(operatorKubeconfigSecretRule.evaluate(snapshot)).toEqual([
      {
        id: 'operator-kubeconfig-secret',
        severity: 'error',
        cluster: 'operator',
        summary:
          'Runtime kubeconfig Secret platform-mesh-kubeconfig has no key kubeconfig',
        detail:
          'Secret platform-mesh-kubeconfig in namespace platform-mesh-system on the operator cluster "operator" has the keys config, value, but not kubeconfig. The operator mounts it to reach the runtime cluster; without it the operator pod cannot start (its volume cannot be mounted) and no PlatformMesh is reconciled.',
        hint: 'Add the key kubeconfig to the Secret platform-mesh-kubeconfig in namespace platform-mesh-system on the operator cluster "operator", holding the runtime cluster\'s kubeconfig, with a server URL the operator can reach; or change the setting to the key that already holds it. Its name and key are the operator\'s Helm values remoteRuntime.secretName (platform-mesh-kubeconfig) and remoteRuntime.secretKey (kubeconfig), with remoteRuntime.enabled=true.',
      },
    ]);
  });

  it('checks a configured name and key in the operator namespace', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.expectedSecrets.operatorRuntimeKubeconfig = {
      name: 'runtime-kc',
      key: 'config',
    };
    snapshot.operator.secrets.push({
      name: 'runtime-kc',
      namespace: 'other',
      keys: ['config'],
    });
    expect(
      operatorKubeconfigSecretRule.evaluate(snapshot).map(d => d.summary),
    ).toEqual(['Runtime kubeconfig Secret runtime-kc is missing']);
    snapshot.operator.secrets.push({
      name: 'runtime-kc',
      namespace: 'platform-mesh-system',
      keys: ['config'],
    });
    expect(operatorKubeconfigSecretRule.evaluate(snapshot)).toEqual([]);
  });

  it('reports nothing when the operator cluster is unreachable', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.operator.secrets = [];
    snapshot.clusters.operator = {
      cluster: 'operator',
      reachable: false,
      error: { type: 'unreachable', message: 'connect ECONNREFUSED' },
    };
    expect(operatorKubeconfigSecretRule.evaluate(snapshot)).toEqual([]);
  });

  it('reports nothing when Secrets could not be listed', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.operator.secrets = [];
    snapshot.clusters.operator.resourceErrors = [
      {
        type: 'forbidden',
        message: 'secrets is forbidden',
        resource: 'secrets',
        statusCode: 403,
      },
    ];
    expect(operatorKubeconfigSecretRule.evaluate(snapshot)).toEqual([]);
  });
});
