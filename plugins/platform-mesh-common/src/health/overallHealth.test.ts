import type { HelmRelease } from '../types/flux';
import type { PlatformMesh } from '../types/platformMesh';
import readyLeftoverA7 from './__fixtures__/recorded/A7-platformmesh-ready-true-with-stale-kcpsetup-error.json';
import restClientErrorB7 from './__fixtures__/recorded/B7-helmrelease-kubeconfig-secret-deleted-RESTClientError.json';
import recoveredB8 from './__fixtures__/recorded/B8-helmrelease-secret-restored-recovered.json';
import { compareHealth, HEALTH_ORDER, worseHealth } from './healthOrder';
import { helmReleaseHealth } from './helmRelease';
import { overallHealth } from './overallHealth';
import { platformMeshHealth } from './platformMeshHealth';

describe('overallHealth', () => {
  it.each<[string, Parameters<typeof overallHealth>[0], string]>([
    [
      'a healthy instance with healthy parts',
      { instance: 'healthy', releases: ['healthy'], sources: ['healthy'] },
      'healthy',
    ],
    [
      'a failed release degrades a healthy instance',
      { instance: 'healthy', releases: ['healthy', 'failed'] },
      'degraded',
    ],
    [
      'a degraded source degrades a healthy instance',
      { instance: 'healthy', sources: ['degraded'] },
      'degraded',
    ],
    [
      'a progressing release makes a healthy instance progressing',
      { instance: 'healthy', releases: ['progressing'] },
      'progressing',
    ],
    [
      'a failed release degrades a progressing instance',
      { instance: 'progressing', releases: ['failed'] },
      'degraded',
    ],
    [
      'a failed instance stays failed',
      { instance: 'failed', releases: ['healthy'] },
      'failed',
    ],
    [
      'suspended and unknown parts change nothing',
      { instance: 'healthy', releases: ['suspended', 'unknown'] },
      'healthy',
    ],
    [
      'an error finding degrades a healthy instance',
      { instance: 'healthy', diagnostics: ['error'] },
      'degraded',
    ],
    [
      'warnings change nothing',
      { instance: 'healthy', diagnostics: ['warning', 'info'] },
      'healthy',
    ],
    [
      'an unknown instance with a progressing release',
      { instance: 'unknown', releases: ['progressing'] },
      'progressing',
    ],
    ['an unknown instance alone', { instance: 'unknown' }, 'unknown'],
  ])('%s', (_, parts, expected) => {
    expect(overallHealth(parts)).toBe(expected);
  });
});

describe('overallHealth of recorded objects', () => {
  const instance = platformMeshHealth(
    readyLeftoverA7 as unknown as PlatformMesh,
  );

  it('A7 is healthy: Ready=True is a point in time', () => {
    expect(instance).toBe('healthy');
  });

  it.each<[string, unknown, string]>([
    [
      'B7 broke after Ready (kubeConfig Secret deleted)',
      restClientErrorB7,
      'degraded',
    ],
    ['B8 recovered', recoveredB8, 'healthy'],
  ])('A7 with %s', (_, release, expected) => {
    expect(
      overallHealth({
        instance,
        releases: [helmReleaseHealth(release as HelmRelease)],
      }),
    ).toBe(expected);
  });
});

describe('health order', () => {
  it('sorts problems first', () => {
    expect(
      [
        'healthy',
        'unknown',
        'failed',
        'suspended',
        'progressing',
        'degraded',
      ].sort(compareHealth as (a: string, b: string) => number),
    ).toEqual(HEALTH_ORDER);
  });

  it('picks the more urgent value', () => {
    expect(worseHealth('healthy', 'degraded')).toBe('degraded');
    expect(worseHealth('failed', 'progressing')).toBe('failed');
  });
});
