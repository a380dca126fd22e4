import { compareHealth, HEALTH_ORDER, worseHealth } from './healthOrder';
import { overallHealth } from './overallHealth';

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
