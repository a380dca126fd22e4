import { loadSnapshot } from '../snapshot/__fixtures__/loadSnapshot';
import { fluxKubeconfigSecretRule } from './fluxKubeconfigSecret';

const settings =
  'The operator writes this reference from its Helm values remoteRuntime.infra.secretName and remoteRuntime.infra.secretKey.';
const content =
  'a kubeconfig for the runtime cluster whose server URL is reachable from the infra cluster';

describe('flux-kubeconfig-secret', () => {
  it('finds nothing when the referenced Secret has its key', () => {
    expect(
      fluxKubeconfigSecretRule.evaluate(
        loadSnapshot('snapshot-fluxcd-remote-healthy'),
      ),
    ).toEqual([]);
  });

  it('reports one finding per missing Secret, naming the objects that use it', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.infra.secrets = [];
    expect(fluxKubeconfigSecretRule.evaluate(snapshot)).toEqual([
      {
        id: 'flux-kubeconfig-secret',
        severity: 'error',
        cluster: 'infra',
        summary:
          'Flux kubeconfig Secret platform-mesh-runtime-secret is missing',
        detail:
          'Secret platform-mesh-runtime-secret in namespace platform-mesh-system on the infra cluster "infra" does not exist. HelmReleases/Kustomizations cert-manager, portal and gateway-api use it (spec.kubeConfig.secretRef) to deploy to the runtime cluster; Flux cannot reach the runtime cluster without it, so they fail.',
        hint: `Create the Secret platform-mesh-runtime-secret in namespace platform-mesh-system on the infra cluster "infra" with key kubeconfig holding ${content} (kubectl -n platform-mesh-system create secret generic platform-mesh-runtime-secret --from-file=kubeconfig=<file>). ${settings}`,
      },
    ]);
  });

  it('reports a Secret that lacks the referenced key', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.infra.secrets[0].keys = ['value'];
    snapshot.infra.kustomizations = [];
    snapshot.infra.helmReleases = snapshot.infra.helmReleases.slice(0, 1);
    expect(fluxKubeconfigSecretRule.evaluate(snapshot)).toEqual([
      {
        id: 'flux-kubeconfig-secret',
        severity: 'error',
        cluster: 'infra',
        summary:
          'Flux kubeconfig Secret platform-mesh-runtime-secret has no key kubeconfig',
        detail:
          'Secret platform-mesh-runtime-secret in namespace platform-mesh-system on the infra cluster "infra" has the keys value, but not kubeconfig. HelmRelease cert-manager uses it (spec.kubeConfig.secretRef) to deploy to the runtime cluster; Flux cannot reach the runtime cluster without it, so that release fails.',
        hint: `Add the key kubeconfig to the Secret platform-mesh-runtime-secret in namespace platform-mesh-system on the infra cluster "infra", holding ${content}; or change the setting to the key that already holds it. ${settings}`,
      },
    ]);
  });

  it("uses Flux's default key value (or value.yaml) when the reference names no key", () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    for (const hr of snapshot.infra.helmReleases) {
      hr.spec!.kubeConfig = { secretRef: { name: 'flux-kc' } };
    }
    snapshot.infra.kustomizations = [];
    snapshot.infra.secrets = [
      {
        name: 'flux-kc',
        namespace: 'platform-mesh-system',
        keys: ['kubeconfig'],
      },
    ];
    expect(
      fluxKubeconfigSecretRule.evaluate(snapshot).map(d => d.summary),
    ).toEqual(['Flux kubeconfig Secret flux-kc has no key value']);
    snapshot.infra.secrets[0].keys = ['value.yaml'];
    expect(fluxKubeconfigSecretRule.evaluate(snapshot)).toEqual([]);
    snapshot.infra.secrets[0].keys = ['value'];
    expect(fluxKubeconfigSecretRule.evaluate(snapshot)).toEqual([]);
  });

  it('resolves the Secret in the namespace of each HelmRelease', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.infra.secrets[0].namespace = 'default';
    expect(
      fluxKubeconfigSecretRule.evaluate(snapshot).map(d => d.summary),
    ).toEqual([
      'Flux kubeconfig Secret platform-mesh-runtime-secret is missing',
    ]);
  });

  it('ignores HelmReleases the operator did not create', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.infra.kustomizations = [];
    for (const hr of snapshot.infra.helmReleases) hr.metadata.labels = {};
    snapshot.infra.secrets = [];
    expect(fluxKubeconfigSecretRule.evaluate(snapshot)).toEqual([]);
  });

  it('reports nothing when the infra cluster is unreachable or its Secrets could not be listed', () => {
    const unreachable = loadSnapshot('snapshot-fluxcd-remote-healthy');
    unreachable.infra.secrets = [];
    unreachable.clusters.infra = {
      cluster: 'infra',
      reachable: false,
      error: { type: 'unreachable', message: 'connect ECONNREFUSED' },
    };
    expect(fluxKubeconfigSecretRule.evaluate(unreachable)).toEqual([]);

    const forbidden = loadSnapshot('snapshot-fluxcd-remote-healthy');
    forbidden.infra.secrets = [];
    forbidden.clusters.infra.resourceErrors = [
      {
        type: 'forbidden',
        message: 'secrets "platform-mesh-runtime-secret" is forbidden',
        resource: 'secrets',
        statusCode: 403,
      },
    ];
    expect(fluxKubeconfigSecretRule.evaluate(forbidden)).toEqual([]);
  });
});
