import rootShardNotReadyA1 from '../health/__fixtures__/recorded/A1-platformmesh-rootshard-not-ready.json';
import waitStoppedA6 from '../health/__fixtures__/recorded/A6-platformmesh-kcp-subroutines-disabled-wait-stopped.json';
import readyA7 from '../health/__fixtures__/recorded/A7-platformmesh-ready-true-with-stale-kcpsetup-error.json';
import type { PlatformMesh } from '../types/platformMesh';
import { copy, snapshotWithReleases } from './__fixtures__/releaseSnapshot';
import { pipelineStoppedRule } from './pipelineStopped';

function snapshotWith(pm: unknown, minutesAfter: number, step: string) {
  const snapshot = snapshotWithReleases();
  const platformMesh = copy<PlatformMesh>(pm);
  snapshot.runtime.platformMesh = platformMesh;
  snapshot.ref = {
    ...snapshot.ref,
    namespace: platformMesh.metadata.namespace!,
    name: platformMesh.metadata.name,
  };
  const since = platformMesh.status!.conditions!.find(c => c.type === step)!
    .lastTransitionTime!;
  snapshot.now = new Date(
    Date.parse(since) + minutesAfter * 60_000,
  ).toISOString();
  return snapshot;
}

describe('pipeline-stopped', () => {
  it('A1: DeploymentSubroutine stopped on the RootShard for 20 minutes', () => {
    const findings = pipelineStoppedRule.evaluate(
      snapshotWith(rootShardNotReadyA1, 20, 'DeploymentSubroutine'),
    );
    expect(findings).toEqual([
      expect.objectContaining({
        id: 'pipeline-stopped',
        severity: 'warning',
        cluster: 'runtime',
        summary: 'DeploymentSubroutine has been stopped for 20 minutes',
        hint: expect.stringContaining(
          "The operator waits for kcp's RootShard and FrontProxy",
        ),
      }),
    ]);
    expect(findings[0].detail).toContain('(RootShard is not ready)');
  });

  it('stays silent within the grace period (15 minutes by default, configurable)', () => {
    const snapshot = snapshotWith(
      rootShardNotReadyA1,
      10,
      'DeploymentSubroutine',
    );
    expect(pipelineStoppedRule.evaluate(snapshot)).toEqual([]);
    expect(
      pipelineStoppedRule.evaluate(snapshot, { stoppedStepGraceSeconds: 300 }),
    ).toHaveLength(1);
  });

  it('A6: the live WaitSubroutine stop is reported, not its leftovers', () => {
    const findings = pipelineStoppedRule.evaluate(
      snapshotWith(waitStoppedA6, 30, 'WaitSubroutine'),
    );
    expect(findings.map(f => f.summary)).toEqual([
      'WaitSubroutine has been stopped for 30 minutes',
    ]);
    expect(findings[0].hint).toContain(
      'The operator waits for the HelmRelease platform-mesh-system/demo-cm on the infra cluster',
    );
  });

  it('A7: nothing for a Ready PlatformMesh', () => {
    expect(
      pipelineStoppedRule.evaluate(snapshotWith(readyA7, 60, 'Ready')),
    ).toEqual([]);
  });
});
