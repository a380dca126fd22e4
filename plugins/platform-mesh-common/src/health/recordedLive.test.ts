/*
 * Objects this project's own live lane recorded from the real controllers
 * (`node packages/dev-clusters/scripts/record-fixtures.js` after the lane in packages/backend):
 * the real Platform Mesh operator v0.81.14 with the kcp subroutines switched off, and real Flux
 * installing the stand-in charts into the runtime cluster.
 */
import type { HelmRelease, FluxSource } from '../types/flux';
import type { PlatformMesh } from '../types/platformMesh';
import { conditionPipeline } from './conditionPipeline';
import { firstBlockingStep } from './firstBlockingStep';
import { describeHelmRelease, helmReleaseHealth } from './helmRelease';
import { platformMeshHealth } from './platformMeshHealth';
import { sourceHealth } from './source';
import readyPm from './__fixtures__/recorded/live-platformmesh-ready.json';
import installed from './__fixtures__/recorded/live-helmrelease-installed.json';
import upgraded from './__fixtures__/recorded/live-helmrelease-upgraded.json';
import helmRepository from './__fixtures__/recorded/live-helmrepository-ready.json';

describe('objects recorded from the live lane', () => {
  it('a Ready PlatformMesh whose switched-off subroutines report nothing is healthy and blocks nowhere', () => {
    const pm = readyPm as unknown as PlatformMesh;
    const pipeline = conditionPipeline(pm);
    expect(platformMeshHealth(pm)).toBe('healthy');
    expect(firstBlockingStep(pipeline)).toBeUndefined();
    expect(
      pipeline.filter(c => c.status === 'Missing').map(c => c.step),
    ).toEqual([
      'KcpsetupSubroutine',
      'ProvidersecretSubroutine',
      'FeatureToggleSubroutine',
    ]);
    expect(pipeline.some(c => c.leftover)).toBe(false);
  });

  it('an installed release is healthy at revision 1', () => {
    const hr = installed as unknown as HelmRelease;
    expect(helmReleaseHealth(hr)).toBe('healthy');
    expect(describeHelmRelease(hr)).toMatchObject({
      health: 'healthy',
      reason: 'InstallSucceeded',
      version: '0.1.0',
      revision: 1,
      targetsRemoteCluster: true,
    });
  });

  it('an upgraded release is healthy at a later revision, the earlier one superseded', () => {
    const hr = upgraded as unknown as HelmRelease;
    const described = describeHelmRelease(hr);
    expect(described).toMatchObject({
      health: 'healthy',
      reason: 'UpgradeSucceeded',
    });
    expect(described.revision).toBeGreaterThan(1);
    expect(hr.status?.history?.[1]?.status).toBe('superseded');
  });

  it('the HelmRepository the operator created from the OCM Resource is healthy', () => {
    expect(sourceHealth(helmRepository as unknown as FluxSource)).toBe(
      'healthy',
    );
  });
});
