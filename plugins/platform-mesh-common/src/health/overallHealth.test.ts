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
      'a failed (stalled) release fails a healthy instance',
      { instance: 'healthy', releases: ['healthy', 'failed'] },
      'failed',
    ],
    [
      'a degraded (retrying) release degrades a healthy instance',
      { instance: 'healthy', releases: ['healthy', 'degraded'] },
      'degraded',
    ],
    [
      'a failed source fails the instance',
      { instance: 'healthy', sources: ['failed'] },
      'failed',
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
      'a failed release fails a progressing instance',
      { instance: 'progressing', releases: ['failed'] },
      'failed',
    ],
    [
      'one slow release is progressing, not degraded',
      { instance: 'progressing', releases: ['healthy', 'progressing'] },
      'progressing',
    ],
    [
      'an error finding where nothing is reconciled fails the instance',
      {
        instance: 'progressing',
        releases: ['progressing', 'degraded'],
        diagnostics: ['error'],
      },
      'failed',
    ],
    [
      'an error finding with no releases at all fails a progressing instance',
      { instance: 'progressing', diagnostics: ['error'] },
      'failed',
    ],
    [
      'an error finding next to a healthy release degrades a progressing instance',
      {
        instance: 'progressing',
        releases: ['healthy', 'progressing'],
        diagnostics: ['error'],
      },
      'degraded',
    ],
    [
      'an error finding on incomplete data does not claim failed',
      { instance: 'unknown', diagnostics: ['error'], incomplete: true },
      'degraded',
    ],
    [
      'a stalled release stays failed on incomplete data',
      { instance: 'unknown', releases: ['failed'], incomplete: true },
      'failed',
    ],
    [
      'incomplete data is unknown, not healthy',
      { instance: 'healthy', releases: ['healthy'], incomplete: true },
      'unknown',
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
