import { loadSnapshot } from '../snapshot/__fixtures__/loadSnapshot';
import { helmreleaseMissingKubeconfigRule } from './helmreleaseMissingKubeconfig';

describe('helmrelease-missing-kubeconfig', () => {
  it('finds nothing when every operator-created object carries kubeConfig', () => {
    expect(
      helmreleaseMissingKubeconfigRule.evaluate(
        loadSnapshot('snapshot-fluxcd-remote-healthy'),
      ),
    ).toEqual([]);
  });

  it('lists every object without spec.kubeConfig.secretRef in one finding', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    for (const hr of snapshot.infra.helmReleases) delete hr.spec!.kubeConfig;
    expect(helmreleaseMissingKubeconfigRule.evaluate(snapshot)).toEqual([
      {
        id: 'helmrelease-missing-kubeconfig',
        severity: 'error',
        cluster: 'infra',
        summary:
          '2 HelmReleases deploy to the infra cluster instead of the runtime cluster',
        detail:
          'HelmReleases cert-manager and portal in namespace platform-mesh-system on the infra cluster "infra" carry no spec.kubeConfig.secretRef, so Flux installs them into the infra cluster itself and not into the runtime cluster "runtime".',
        hint: "The operator adds spec.kubeConfig only when it runs with --remote-runtime-kubeconfig: upgrade the operator's Helm release with remoteRuntime.enabled=true and remoteRuntime.infra.secretName/secretKey naming the Flux kubeconfig Secret; the restarted operator re-renders them.",
      },
    ]);
  });

  it('checks Kustomizations too', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    delete snapshot.infra.kustomizations[0].spec!.kubeConfig;
    expect(
      helmreleaseMissingKubeconfigRule.evaluate(snapshot).map(d => d.summary),
    ).toEqual([
      '1 Kustomization deploys to the infra cluster instead of the runtime cluster',
    ]);
  });

  it('does not apply when runtime and infra are the same cluster, or in argocd mode', () => {
    const local = loadSnapshot('snapshot-fluxcd-remote-healthy');
    for (const hr of local.infra.helmReleases) delete hr.spec!.kubeConfig;
    local.clusters.infra.cluster = 'runtime';
    expect(helmreleaseMissingKubeconfigRule.evaluate(local)).toEqual([]);

    const argo = loadSnapshot('snapshot-fluxcd-remote-healthy');
    for (const hr of argo.infra.helmReleases) delete hr.spec!.kubeConfig;
    argo.deploymentTechnology = 'argocd';
    expect(helmreleaseMissingKubeconfigRule.evaluate(argo)).toEqual([]);
  });

  it('reports nothing when HelmReleases could not be listed', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    for (const hr of snapshot.infra.helmReleases) delete hr.spec!.kubeConfig;
    snapshot.clusters.infra.resourceErrors = [
      {
        type: 'timeout',
        message: 'list timed out',
        resource: 'helmreleases.helm.toolkit.fluxcd.io',
      },
    ];
    expect(helmreleaseMissingKubeconfigRule.evaluate(snapshot)).toEqual([]);
  });
});
