import type { PlatformMesh } from '../types/platformMesh';
import error from './__fixtures__/platformmesh-error.json';
import legacyError from './__fixtures__/platformmesh-legacy-error.json';
import legacy from './__fixtures__/platformmesh-legacy-processing.json';
import fresh from './__fixtures__/platformmesh-new.json';
import ready from './__fixtures__/platformmesh-ready.json';
import stopped from './__fixtures__/platformmesh-stopped-stale.json';
import rootShardA1 from './__fixtures__/recorded/A1-platformmesh-rootshard-not-ready.json';
import kcpErrorA4 from './__fixtures__/recorded/A4-platformmesh-deployment-complete-kcpsetup-error.json';
import waitStoppedA6 from './__fixtures__/recorded/A6-platformmesh-kcp-subroutines-disabled-wait-stopped.json';
import readyLeftoverA7 from './__fixtures__/recorded/A7-platformmesh-ready-true-with-stale-kcpsetup-error.json';
import { conditionPipeline } from './conditionPipeline';
import { firstBlockingStep } from './firstBlockingStep';
import { platformMeshHealth } from './platformMeshHealth';

const pm = (fixture: unknown): PlatformMesh =>
  JSON.parse(JSON.stringify(fixture)) as PlatformMesh;

describe('platformMeshHealth and firstBlockingStep of recorded objects (operator v0.81.14)', () => {
  it.each<[string, unknown, string, string | undefined]>([
    [
      'A1: DeploymentSubroutine Stopped (RootShard is not ready)',
      rootShardA1,
      'progressing',
      'DeploymentSubroutine',
    ],
    [
      'A4: KcpsetupSubroutine Error',
      kcpErrorA4,
      'failed',
      'KcpsetupSubroutine',
    ],
    [
      'A6: WaitSubroutine Stopped next to a left-over KcpsetupSubroutine Error',
      waitStoppedA6,
      'progressing',
      'WaitSubroutine',
    ],
    [
      'A7: Ready=True next to a left-over KcpsetupSubroutine Error',
      readyLeftoverA7,
      'healthy',
      undefined,
    ],
  ])('%s', (_, fixture, health, blocking) => {
    expect(platformMeshHealth(pm(fixture))).toBe(health);
    expect(firstBlockingStep(conditionPipeline(pm(fixture)))?.step).toBe(
      blocking,
    );
  });

  it('is progressing while A7 is being deleted', () => {
    const deleting = pm(readyLeftoverA7);
    deleting.metadata.deletionTimestamp = '2026-12-01T19:40:00Z';
    expect(platformMeshHealth(deleting)).toBe('progressing');
  });
});

describe('platformMeshHealth', () => {
  it.each([
    ['all True', ready, 'healthy'],
    ['a step Stopped, later ones stale', stopped, 'progressing'],
    ['a step with reason Error', error, 'failed'],
    ['older form, Processing', legacy, 'progressing'],
    ['older form, Error', legacyError, 'failed'],
    ['no conditions yet', fresh, 'progressing'],
  ])('%s', (_, fixture, expected) => {
    expect(platformMeshHealth(pm(fixture))).toBe(expected);
  });

  it('is progressing, not healthy, when every condition is from an older generation', () => {
    const edited = pm(ready);
    edited.metadata.generation = 2;
    expect(platformMeshHealth(edited)).toBe('progressing');
  });

  it('is progressing, not failed, when the only Error is stale', () => {
    const edited = pm(error);
    edited.metadata.generation = 2;
    expect(platformMeshHealth(edited)).toBe('progressing');
  });

  it('is healthy with a Skipped step', () => {
    const skipped = pm(ready);
    skipped.status!.conditions![3] = {
      type: 'FeatureToggleSubroutine',
      status: 'True',
      reason: 'Skipped',
      observedGeneration: 1,
    };
    expect(platformMeshHealth(skipped)).toBe('healthy');
  });

  it('is healthy when a switched-off subroutine has no condition', () => {
    const noToggles = pm(ready);
    noToggles.status!.conditions = noToggles.status!.conditions!.filter(
      c => c.type !== 'FeatureToggleSubroutine',
    );
    expect(platformMeshHealth(noToggles)).toBe('healthy');
  });

  it('is progressing with Pending', () => {
    const pending = pm(ready);
    pending.status!.conditions![4] = {
      type: 'WaitSubroutine',
      status: 'Unknown',
      reason: 'Pending',
      observedGeneration: 1,
    };
    pending.status!.conditions![5] = {
      type: 'Ready',
      status: 'Unknown',
      reason: 'Pending',
      observedGeneration: 1,
    };
    expect(platformMeshHealth(pending)).toBe('progressing');
  });

  it('is progressing while being deleted', () => {
    const deleting = pm(error);
    deleting.metadata.deletionTimestamp = '2026-11-20T10:00:00Z';
    expect(platformMeshHealth(deleting)).toBe('progressing');
  });
});

describe('firstBlockingStep', () => {
  it('is the first current step that is not healthy', () => {
    expect(firstBlockingStep(conditionPipeline(pm(stopped)))).toEqual({
      leftover: false,
      step: 'KcpsetupSubroutine',
      type: 'KcpsetupSubroutine',
      status: 'False',
      reason: 'Stopped',
      message: 'RootShard is not ready',
      lastTransitionTime: '2026-11-20T09:40:00Z',
      observedGeneration: 2,
      stale: false,
      health: 'progressing',
    });
  });

  it('is the failing step', () => {
    expect(firstBlockingStep(conditionPipeline(pm(error)))?.step).toBe(
      'DeploymentSubroutine',
    );
  });

  it('is undefined when all is well or nothing is known', () => {
    expect(firstBlockingStep(conditionPipeline(pm(ready)))).toBeUndefined();
    expect(firstBlockingStep(conditionPipeline(pm(fresh)))).toBeUndefined();
  });

  it('is the first stale step when the operator has not reached the current generation', () => {
    const edited = pm(ready);
    edited.metadata.generation = 2;
    expect(firstBlockingStep(conditionPipeline(edited))?.step).toBe(
      'DeploymentSubroutine',
    );
  });

  it('skips a stale step followed by current ones (a switched-off subroutine)', () => {
    const leftover = pm(ready);
    leftover.metadata.generation = 2;
    for (const c of leftover.status!.conditions!) {
      c.observedGeneration = c.type === 'FeatureToggleSubroutine' ? 1 : 2;
    }
    leftover.status!.conditions![4] = {
      type: 'WaitSubroutine',
      status: 'False',
      reason: 'Stopped',
      message:
        'resource platform-mesh-system/portal of type HelmRelease is not ready yet',
      observedGeneration: 2,
    };
    leftover.status!.conditions![5] = {
      type: 'Ready',
      status: 'False',
      reason: 'Stopped',
      message: 'one or more subroutines stopped the chain',
      observedGeneration: 2,
    };
    expect(firstBlockingStep(conditionPipeline(leftover))?.step).toBe(
      'WaitSubroutine',
    );
  });

  it('never blocks on a leftover or a not-reached step', () => {
    const pipeline = conditionPipeline(pm(rootShardA1)).map(c =>
      c.step === 'DeploymentSubroutine' ? { ...c, leftover: true } : c,
    );
    expect(firstBlockingStep(pipeline)?.step).toBe('Ready');
  });
});
