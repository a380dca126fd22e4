import { canRead, sameCluster } from './readability';
import { SNAPSHOT_RESOURCES } from './resources';
import { loadSnapshot } from './__fixtures__/loadSnapshot';

describe('canRead', () => {
  it('is true for a reachable cluster without errors', () => {
    expect(
      canRead(
        loadSnapshot('snapshot-fluxcd-remote-healthy'),
        'infra',
        SNAPSHOT_RESOURCES.secrets,
      ),
    ).toBe(true);
  });

  it('is false for an unreachable cluster or one with a role-level error', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.clusters.infra.reachable = false;
    expect(canRead(snapshot, 'infra')).toBe(false);
    snapshot.clusters.infra.reachable = true;
    snapshot.clusters.infra.error = {
      type: 'unauthorized',
      message: 'Unauthorized',
    };
    expect(canRead(snapshot, 'infra')).toBe(false);
  });

  it('is false only for the resources whose list failed, except for a missing CRD', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.clusters.infra.resourceErrors = [
      {
        type: 'forbidden',
        message: 'forbidden',
        resource: SNAPSHOT_RESOURCES.secrets,
      },
      {
        type: 'crd-missing',
        message: 'not found',
        resource: SNAPSHOT_RESOURCES.applications,
      },
    ];
    expect(canRead(snapshot, 'infra', SNAPSHOT_RESOURCES.secrets)).toBe(false);
    expect(canRead(snapshot, 'infra', SNAPSHOT_RESOURCES.helmReleases)).toBe(
      true,
    );
    expect(canRead(snapshot, 'infra', SNAPSHOT_RESOURCES.applications)).toBe(
      true,
    );
    expect(
      canRead(
        snapshot,
        'infra',
        SNAPSHOT_RESOURCES.helmReleases,
        SNAPSHOT_RESOURCES.secrets,
      ),
    ).toBe(false);
  });

  it('treats a resource error without a resource as affecting every resource', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.clusters.infra.resourceErrors = [
      { type: 'timeout', message: 'timed out' },
    ];
    expect(canRead(snapshot, 'infra', SNAPSHOT_RESOURCES.helmReleases)).toBe(
      false,
    );
  });
});

describe('sameCluster', () => {
  it('compares the configured cluster names of two roles', () => {
    const argo = loadSnapshot('snapshot-argocd-remote-healthy');
    expect(sameCluster(argo, 'operator', 'infra')).toBe(true);
    expect(sameCluster(argo, 'runtime', 'infra')).toBe(false);
  });
});
