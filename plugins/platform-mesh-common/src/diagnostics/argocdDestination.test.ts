import { loadSnapshot } from '../snapshot/__fixtures__/loadSnapshot';
import { argocdDestinationRule } from './argocdDestination';

const fix =
  "Set destinationServer in both the infra and the components section of the instance's profile to the runtime cluster's API URL as the infra cluster reaches it, then touch the PlatformMesh so the operator re-renders its Applications.";
const createSecret =
  'Create it in namespace argocd on the infra cluster "infra" with the label argocd.argoproj.io/secret-type=cluster and the keys name, server (the runtime cluster\'s API URL as the infra cluster reaches it) and config (the credentials); the platform-mesh:apply action renders it.';

describe('argocd-destination', () => {
  it('finds nothing when Applications target a known runtime URL (trailing slash and case ignored)', () => {
    expect(
      argocdDestinationRule.evaluate(
        loadSnapshot('snapshot-argocd-remote-healthy'),
      ),
    ).toEqual([]);
  });

  it('reports Applications left on the in-cluster default', () => {
    const snapshot = loadSnapshot('snapshot-argocd-remote-healthy');
    snapshot.infra.applications[0].spec!.destination.server =
      'https://kubernetes.default.svc';
    expect(argocdDestinationRule.evaluate(snapshot)).toEqual([
      {
        id: 'argocd-destination',
        severity: 'error',
        cluster: 'infra',
        summary:
          '1 Application deploys to the infra cluster instead of the runtime cluster',
        detail:
          'Application portal in namespace platform-mesh-system on the infra cluster "infra" uses the in-cluster destination (https://kubernetes.default.svc), so Argo CD deploys it into the infra cluster and not into the runtime cluster "runtime".',
        hint: fix,
      },
    ]);
  });

  it('reports Applications that target a server that is not the runtime cluster, without naming URLs', () => {
    const snapshot = loadSnapshot('snapshot-argocd-remote-healthy');
    snapshot.infra.applications[1].spec!.destination.server =
      'https://other-cluster.example.test:6443';
    const findings = argocdDestinationRule.evaluate(snapshot);
    expect(findings).toEqual([
      {
        id: 'argocd-destination',
        severity: 'error',
        cluster: 'infra',
        summary:
          '1 Application deploys to a cluster that is not the runtime cluster',
        detail:
          'Application cert-manager in namespace platform-mesh-system on the infra cluster "infra" has a destination.server that is none of the API URLs configured for the runtime cluster "runtime".',
        hint: `${fix} If the URL is right, add it to the runtime cluster's known server URLs in the Backstage configuration.`,
      },
    ]);
    expect(JSON.stringify(findings)).not.toContain('other-cluster');
  });

  it('lists every Application on the in-cluster default, including by cluster name', () => {
    const snapshot = loadSnapshot('snapshot-argocd-remote-healthy');
    snapshot.infra.applications[0].spec!.destination.server =
      'https://kubernetes.default.svc/';
    snapshot.infra.applications[1].spec!.destination = {
      name: 'in-cluster',
      namespace: 'cert-manager',
    };
    expect(
      argocdDestinationRule.evaluate(snapshot).map(d => [d.summary, d.detail]),
    ).toEqual([
      [
        '2 Applications deploy to the infra cluster instead of the runtime cluster',
        'Applications portal and cert-manager in namespace platform-mesh-system on the infra cluster "infra" use the in-cluster destination (https://kubernetes.default.svc), so Argo CD deploys them into the infra cluster and not into the runtime cluster "runtime".',
      ],
    ]);
  });

  it('only checks for the in-cluster default when the runtime URLs are not known', () => {
    const snapshot = loadSnapshot('snapshot-argocd-remote-healthy');
    delete snapshot.runtimeServerUrls;
    snapshot.infra.applications[1].spec!.destination.server =
      'https://other-cluster.example.test:6443';
    expect(argocdDestinationRule.evaluate(snapshot)).toEqual([]);
  });

  it('reports a missing Argo CD cluster Secret', () => {
    const snapshot = loadSnapshot('snapshot-argocd-remote-healthy');
    snapshot.infra.secrets = [];
    expect(argocdDestinationRule.evaluate(snapshot)).toEqual([
      {
        id: 'argocd-destination',
        severity: 'error',
        cluster: 'infra',
        summary:
          'Argo CD cluster Secret platform-mesh-cluster-secret is missing',
        detail:
          'Secret platform-mesh-cluster-secret in namespace argocd on the infra cluster "infra" does not exist, so Argo CD has no credentials for the runtime cluster "runtime" and cannot sync the Applications to it.',
        hint: createSecret,
      },
    ]);
  });

  it('reports a cluster Secret without the Argo CD label', () => {
    const snapshot = loadSnapshot('snapshot-argocd-remote-healthy');
    delete snapshot.infra.secrets[0].labels;
    expect(argocdDestinationRule.evaluate(snapshot)).toEqual([
      {
        id: 'argocd-destination',
        severity: 'error',
        cluster: 'infra',
        summary:
          'Argo CD cluster Secret platform-mesh-cluster-secret is not a cluster registration',
        detail:
          'Secret platform-mesh-cluster-secret in namespace argocd on the infra cluster "infra" lacks the label argocd.argoproj.io/secret-type=cluster, so Argo CD does not register the runtime cluster "runtime" from it.',
        hint: createSecret,
      },
    ]);
  });

  it('does not apply in fluxcd mode or when runtime and infra are the same cluster', () => {
    const flux = loadSnapshot('snapshot-argocd-remote-healthy');
    flux.deploymentTechnology = 'fluxcd';
    flux.infra.applications[0].spec!.destination.server =
      'https://kubernetes.default.svc';
    expect(argocdDestinationRule.evaluate(flux)).toEqual([]);

    const local = loadSnapshot('snapshot-argocd-remote-healthy');
    local.clusters.runtime.cluster = 'infra';
    local.infra.applications[0].spec!.destination.server =
      'https://kubernetes.default.svc';
    expect(argocdDestinationRule.evaluate(local)).toEqual([]);
  });

  it('reports nothing when the infra cluster is unreachable', () => {
    const snapshot = loadSnapshot('snapshot-argocd-remote-healthy');
    snapshot.infra.secrets = [];
    snapshot.infra.applications[0].spec!.destination.server =
      'https://kubernetes.default.svc';
    snapshot.clusters.infra = {
      cluster: 'infra',
      reachable: false,
      error: { type: 'unreachable', message: 'connect ECONNREFUSED' },
    };
    expect(argocdDestinationRule.evaluate(snapshot)).toEqual([]);
  });
});
