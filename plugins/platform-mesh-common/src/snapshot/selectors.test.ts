import type { HelmRelease, Kustomization } from '../types/flux';
import { loadSnapshot } from './__fixtures__/loadSnapshot';
import {
  instanceHelmReleases,
  instancePlatformMesh,
  instanceSources,
  isInstancePlatformMesh,
  sourceRefOf,
} from './selectors';

describe('selectors', () => {
  it('matches the instance PlatformMesh by group, namespace and name only', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    const pm = snapshot.runtime.platformMesh!;
    expect(isInstancePlatformMesh(pm, snapshot.ref)).toBe(true);
    expect(
      isInstancePlatformMesh(
        { ...pm, apiVersion: 'deploy.platform-mesh.io/v1alpha1' },
        snapshot.ref,
      ),
    ).toBe(false);
    expect(
      isInstancePlatformMesh(pm, { ...snapshot.ref, namespace: 'other' }),
    ).toBe(false);
    snapshot.runtime.platformMesh = {
      ...pm,
      metadata: { ...pm.metadata, name: 'other' },
    };
    expect(instancePlatformMesh(snapshot)).toBeUndefined();
  });

  it('keeps only operator-created releases in the instance namespace', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.infra.helmReleases[0].metadata.namespace = 'default';
    delete snapshot.infra.helmReleases[1].metadata.labels;
    expect(instanceHelmReleases(snapshot)).toEqual([]);
  });

  it('resolves source references with their namespace', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    expect(sourceRefOf(snapshot.infra.helmReleases[0])).toEqual({
      kind: 'OCIRepository',
      name: 'cert-manager',
      namespace: 'platform-mesh-system',
    });
    expect(sourceRefOf(snapshot.infra.kustomizations[0])).toEqual({
      kind: 'GitRepository',
      name: 'gateway-api',
      namespace: 'platform-mesh-system',
    });
    const noSource = {
      ...snapshot.infra.helmReleases[0],
      spec: {},
    } as HelmRelease;
    expect(sourceRefOf(noSource)).toBeUndefined();
    const kustomization = snapshot.infra.kustomizations[0] as Kustomization;
    kustomization.spec!.sourceRef.namespace = 'flux-system';
    expect(sourceRefOf(kustomization)?.namespace).toBe('flux-system');
  });

  it('collects sources of the instance namespace and those referenced elsewhere', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    const shared = JSON.parse(
      JSON.stringify(snapshot.infra.ociRepositories[0]),
    );
    shared.metadata = { name: 'shared', namespace: 'flux-system' };
    const unrelated = JSON.parse(JSON.stringify(shared));
    unrelated.metadata = { name: 'unrelated', namespace: 'flux-system' };
    snapshot.infra.ociRepositories.push(shared, unrelated);
    snapshot.infra.helmReleases[0].spec!.chartRef = {
      kind: 'OCIRepository',
      name: 'shared',
      namespace: 'flux-system',
    };
    expect(
      instanceSources(snapshot).map(
        s => `${s.kind}/${s.metadata.namespace}/${s.metadata.name}`,
      ),
    ).toEqual([
      'OCIRepository/platform-mesh-system/cert-manager',
      'OCIRepository/platform-mesh-system/portal',
      'OCIRepository/flux-system/shared',
      'GitRepository/platform-mesh-system/gateway-api',
    ]);
  });
});
