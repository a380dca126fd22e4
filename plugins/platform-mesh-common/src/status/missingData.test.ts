import platformMeshError from '../health/__fixtures__/platformmesh-error.json';
import { loadSnapshot } from '../snapshot/__fixtures__/loadSnapshot';
import { SNAPSHOT_RESOURCES, type InstanceSnapshot } from '../snapshot';
import type { ClusterError } from '../types/status';
import { buildInstanceStatus } from './buildInstanceStatus';
import { summarizeInstance } from './summarizeInstance';

function withResourceError(
  snapshot: InstanceSnapshot,
  role: 'operator' | 'runtime' | 'infra',
  error: ClusterError,
): InstanceSnapshot {
  snapshot.clusters[role] = {
    ...snapshot.clusters[role],
    resourceErrors: [...(snapshot.clusters[role].resourceErrors ?? []), error],
  };
  return snapshot;
}

const flux = () => loadSnapshot('snapshot-fluxcd-remote-healthy');
const argo = () => loadSnapshot('snapshot-argocd-remote-healthy');

describe('overall health when data it depends on was not read', () => {
  it('is healthy when everything was read (the baseline)', () => {
    expect(buildInstanceStatus(flux()).instance.overall).toBe('healthy');
    expect(buildInstanceStatus(argo()).instance.overall).toBe('healthy');
  });

  it('is unknown, not healthy, with an unreachable infra cluster and no releases', () => {
    const snapshot = flux();
    snapshot.clusters.infra = {
      cluster: 'infra',
      reachable: false,
      error: {
        type: 'unreachable',
        message: 'connect ECONNREFUSED 127.0.0.1:1',
      },
    };
    snapshot.infra.helmReleases = [];
    const status = buildInstanceStatus(snapshot);
    expect(status.instance.overall).toBe('unknown');
    expect(status.diagnostics).toEqual([
      expect.objectContaining({
        id: 'read-failed',
        severity: 'warning',
        cluster: 'infra',
        summary: 'Cannot read the infra cluster "infra": unreachable',
        detail: expect.stringContaining('HelmReleases'),
      }),
    ]);
    expect(summarizeInstance(snapshot).overall).toBe('unknown');
  });

  it('is unknown when HelmReleases are forbidden, and says which cluster and kind', () => {
    const snapshot = withResourceError(flux(), 'infra', {
      type: 'forbidden',
      statusCode: 403,
      resource: SNAPSHOT_RESOURCES.helmReleases,
      message: 'helmreleases.helm.toolkit.fluxcd.io is forbidden',
    });
    snapshot.infra.helmReleases = [];
    const status = buildInstanceStatus(snapshot);
    expect(status.instance.overall).toBe('unknown');
    expect(status.diagnostics).toEqual([
      expect.objectContaining({
        id: 'read-failed',
        severity: 'error',
        cluster: 'infra',
        summary:
          'Cannot read HelmReleases on the infra cluster "infra": forbidden',
      }),
    ]);
  });

  it('says Flux is not installed when the HelmRelease CRD is missing', () => {
    const snapshot = withResourceError(flux(), 'infra', {
      type: 'crd-missing',
      resource: SNAPSHOT_RESOURCES.helmReleases,
      message: 'the server could not find the requested resource',
    });
    snapshot.infra.helmReleases = [];
    const status = buildInstanceStatus(snapshot);
    expect(status.instance.overall).toBe('unknown');
    expect(status.diagnostics.map(d => d.summary)).toEqual([
      'Flux (its helm-controller) is not installed on the infra cluster "infra": helmreleases.helm.toolkit.fluxcd.io is not served',
    ]);
  });

  it('says Argo CD is not installed when the Application CRD is missing in argocd mode', () => {
    const snapshot = withResourceError(argo(), 'infra', {
      type: 'crd-missing',
      resource: SNAPSHOT_RESOURCES.applications,
      message: 'the server could not find the requested resource',
    });
    snapshot.infra.applications = [];
    const status = buildInstanceStatus(snapshot);
    expect(status.instance.overall).toBe('unknown');
    expect(status.diagnostics.map(d => d.summary)).toContain(
      'Argo CD is not installed on the infra cluster "infra": applications.argoproj.io is not served',
    );
  });

  it('stays healthy without the optional Kustomization and GitRepository CRDs', () => {
    const snapshot = flux();
    for (const resource of [
      SNAPSHOT_RESOURCES.kustomizations,
      SNAPSHOT_RESOURCES.gitRepositories,
    ]) {
      withResourceError(snapshot, 'infra', {
        type: 'crd-missing',
        resource,
        message: 'not served',
      });
    }
    const status = buildInstanceStatus(snapshot);
    expect(status.instance.overall).toBe('healthy');
    expect(status.diagnostics).toEqual([]);
  });

  it('is unknown while a required watch has not listed yet', () => {
    const snapshot = withResourceError(flux(), 'operator', {
      type: 'unknown',
      resource: SNAPSHOT_RESOURCES.secrets,
      message: 'waiting for the first list of secrets',
    });
    const status = buildInstanceStatus(snapshot);
    expect(status.instance.overall).toBe('unknown');
    expect(status.diagnostics).toEqual([
      expect.objectContaining({
        id: 'read-failed',
        severity: 'warning',
        cluster: 'operator',
        summary:
          'Secrets on the operator cluster "operator" have not been read yet',
      }),
    ]);
  });

  it('is unknown when the profile ConfigMaps on the runtime cluster are forbidden', () => {
    const snapshot = withResourceError(flux(), 'runtime', {
      type: 'forbidden',
      resource: SNAPSHOT_RESOURCES.configMaps,
      message: 'configmaps is forbidden',
    });
    expect(buildInstanceStatus(snapshot).instance.overall).toBe('unknown');
  });

  it('ignores a PlatformMesh list that failed on the operator or infra cluster (not required)', () => {
    const snapshot = withResourceError(flux(), 'operator', {
      type: 'forbidden',
      resource: SNAPSHOT_RESOURCES.platformMeshes,
      message: 'platformmeshes is forbidden',
    });
    expect(buildInstanceStatus(snapshot).instance.overall).toBe('healthy');
  });

  it('keeps a failed PlatformMesh failed: a known-bad answer is still true', () => {
    const snapshot = flux();
    snapshot.runtime.platformMesh = JSON.parse(
      JSON.stringify(platformMeshError),
    );
    snapshot.ref = {
      ...snapshot.ref,
      name: snapshot.runtime.platformMesh!.metadata.name,
      namespace: snapshot.runtime.platformMesh!.metadata.namespace!,
    };
    snapshot.clusters.infra = {
      cluster: 'infra',
      reachable: false,
      error: { type: 'timeout', message: 'timed out' },
    };
    expect(buildInstanceStatus(snapshot).instance.overall).toBe('failed');
  });
});
