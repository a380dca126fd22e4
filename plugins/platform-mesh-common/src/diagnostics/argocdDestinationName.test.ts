import { loadSnapshot } from '../snapshot/__fixtures__/loadSnapshot';
import { argocdDestinationRule } from './argocdDestination';

/** Applications whose destination names an Argo CD cluster (destination.name) instead of a server. */
describe('argocd-destination by cluster name', () => {
  it('accepts destination.name when it is the name the render gives the runtime cluster Secret', () => {
    const snapshot = loadSnapshot('snapshot-argocd-remote-healthy');
    for (const app of snapshot.infra.applications) {
      app.spec!.destination = { name: 'runtime', namespace: 'x' };
    }
    expect(argocdDestinationRule.evaluate(snapshot)).toEqual([]);
  });

  it('warns that another cluster name cannot be resolved, naming it and the expected name', () => {
    const snapshot = loadSnapshot('snapshot-argocd-remote-healthy');
    snapshot.infra.applications[0].spec!.destination = {
      name: 'staging',
      namespace: 'x',
    };
    snapshot.infra.applications[1].spec!.destination = {
      name: 'staging',
      namespace: 'x',
    };
    expect(argocdDestinationRule.evaluate(snapshot)).toEqual([
      {
        id: 'argocd-destination',
        severity: 'warning',
        cluster: 'infra',
        summary:
          '2 Applications deploy to the Argo CD cluster "staging", which cannot be resolved to the runtime cluster',
        detail:
          'Applications portal and cert-manager in namespace platform-mesh-system on the infra cluster "infra" name the destination by cluster name (destination.name "staging") instead of destination.server. The cluster Secret platform-mesh-cluster-secret that the platform-mesh render writes registers the runtime cluster "runtime" under the name "runtime", and Backstage does not read cluster Secret values, so it cannot tell whether "staging" is the runtime cluster.',
        hint: expect.stringContaining(
          'register the runtime cluster in Argo CD under the name "runtime"',
        ),
      },
    ]);
  });

  it('judges destination.name even when the runtime server URLs are not known', () => {
    const snapshot = loadSnapshot('snapshot-argocd-remote-healthy');
    delete snapshot.runtimeServerUrls;
    snapshot.infra.applications[0].spec!.destination = { name: 'prod' };
    expect(
      argocdDestinationRule.evaluate(snapshot).map(d => d.severity),
    ).toEqual(['warning']);
  });

  it('ignores a destination.name when destination.server is set (the server wins in Argo CD)', () => {
    const snapshot = loadSnapshot('snapshot-argocd-remote-healthy');
    snapshot.infra.applications[0].spec!.destination.name = 'whatever';
    expect(argocdDestinationRule.evaluate(snapshot)).toEqual([]);
  });
});
