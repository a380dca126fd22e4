import {
  failedStatus,
  healthyStatus,
  progressingStatus,
  runtimeUnreachableStatus,
  statusWithReleaseProblem,
} from '../__fixtures__';
import { overviewSummary } from './overviewSummary';

describe('overviewSummary', () => {
  it('healthy: every step complete, all releases healthy, no problem, all reachable', () => {
    const s = overviewSummary(healthyStatus);
    expect(s.overall).toBe('healthy');
    expect(s.pipeline).toEqual({ kind: 'done' });
    expect(s.releaseCounts).toEqual([{ health: 'healthy', count: 8 }]);
    expect(s.worstReleases).toEqual([]);
    expect(s.diagnosticsComplete).toBe(true);
    expect(s.reachability.map(r => r.state)).toEqual([
      'reachable',
      'reachable',
      'reachable',
    ]);
  });

  it('failed: the blocking step, the failed release named first, worst counts first', () => {
    const s = overviewSummary(failedStatus);
    expect(s.overall).toBe('failed');
    expect(s.pipeline.kind).toBe('blocked');
    expect(
      s.pipeline.kind === 'blocked' ? s.pipeline.condition.step : undefined,
    ).toBe('WaitSubroutine');
    expect(s.releaseCounts).toEqual([
      { health: 'failed', count: 1 },
      { health: 'healthy', count: 7 },
    ]);
    expect(s.worstReleases.map(r => r.name)).toEqual(['kcp-operator']);
  });

  it('runtime unreachable is not healthy, even when an older backend says so', () => {
    const s = overviewSummary(runtimeUnreachableStatus('healthy'));
    expect(s.overall).toBe('unknown');
    expect(s.pipeline).toEqual({ kind: 'not-current' });
    expect(s.diagnosticsComplete).toBe(false);
    expect(s.reachability.find(r => r.role === 'runtime')?.state).toBe(
      'unreachable',
    );
  });

  it('progressing: the stopped step blocks, not "done"', () => {
    const s = overviewSummary(progressingStatus);
    expect(s.pipeline.kind).toBe('blocked');
  });

  it('names at most three releases, worst first, and counts the rest', () => {
    const status = structuredClone(healthyStatus);
    const healths = ['progressing', 'progressing', 'failed', 'failed', 'failed'] as const;
    status.releases = status.releases.map((r, i) => ({
      ...r,
      health: healths[i] ?? 'healthy',
    }));
    const s = overviewSummary(status);
    expect(s.worstReleases.map(r => r.health)).toEqual([
      'failed',
      'failed',
      'failed',
    ]);
    expect(s.moreWorst).toBe(2);
  });

  it('orders diagnostics errors first and keeps three', () => {
    const status = structuredClone(statusWithReleaseProblem('release-rolled-back'));
    const error = statusWithReleaseProblem('release-retries-exceeded').diagnostics[0];
    status.diagnostics = [...status.diagnostics, error, error, error];
    const s = overviewSummary(status);
    expect(s.topDiagnostics.map(d => d.severity)).toEqual([
      'error',
      'error',
      'error',
    ]);
    expect(s.moreDiagnostics).toBe(1);
  });

  it('says the releases were not read when the infra cluster could not be read and none is known', () => {
    const status = structuredClone(healthyStatus);
    status.releases = [];
    status.clusters.infra = {
      ...status.clusters.infra,
      reachable: false,
      error: { type: 'unreachable', message: 'connection refused' },
    };
    expect(overviewSummary(status).releasesRead).toBe(false);
  });
});
