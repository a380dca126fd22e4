import type { PlatformMesh } from '../types/platformMesh';
import error from './__fixtures__/platformmesh-error.json';
import legacyError from './__fixtures__/platformmesh-legacy-error.json';
import legacy from './__fixtures__/platformmesh-legacy-processing.json';
import fresh from './__fixtures__/platformmesh-new.json';
import ready from './__fixtures__/platformmesh-ready.json';
import stopped from './__fixtures__/platformmesh-stopped-stale.json';
import { conditionPipeline, conditionStepHealth } from './conditionPipeline';

const pm = (fixture: unknown): PlatformMesh =>
  JSON.parse(JSON.stringify(fixture)) as PlatformMesh;

describe('conditionPipeline', () => {
  it('lists every step of a ready instance in pipeline order', () => {
    expect(conditionPipeline(pm(ready))).toEqual([
      {
        step: 'DeploymentSubroutine',
        type: 'DeploymentSubroutine',
        status: 'True',
        reason: 'Complete',
        lastTransitionTime: '2026-11-20T09:20:00Z',
        observedGeneration: 1,
        stale: false,
        health: 'healthy',
      },
      {
        step: 'KcpsetupSubroutine',
        type: 'KcpsetupSubroutine',
        status: 'True',
        reason: 'Complete',
        lastTransitionTime: '2026-11-20T09:22:00Z',
        observedGeneration: 1,
        stale: false,
        health: 'healthy',
      },
      {
        step: 'ProvidersecretSubroutine',
        type: 'ProvidersecretSubroutine',
        status: 'True',
        reason: 'Complete',
        lastTransitionTime: '2026-11-20T09:22:10Z',
        observedGeneration: 1,
        stale: false,
        health: 'healthy',
      },
      {
        step: 'FeatureToggleSubroutine',
        type: 'FeatureToggleSubroutine',
        status: 'True',
        reason: 'Complete',
        lastTransitionTime: '2026-11-20T09:22:20Z',
        observedGeneration: 1,
        stale: false,
        health: 'healthy',
      },
      {
        step: 'WaitSubroutine',
        type: 'WaitSubroutine',
        status: 'True',
        reason: 'Complete',
        lastTransitionTime: '2026-11-20T09:25:00Z',
        observedGeneration: 1,
        stale: false,
        health: 'healthy',
      },
      {
        step: 'Ready',
        type: 'Ready',
        status: 'True',
        reason: 'Complete',
        message: 'all subroutines completed successfully',
        lastTransitionTime: '2026-11-20T09:25:00Z',
        observedGeneration: 1,
        stale: false,
        health: 'healthy',
      },
    ]);
  });

  it('marks conditions left over from an older generation as stale', () => {
    expect(conditionPipeline(pm(stopped))).toEqual([
      {
        step: 'DeploymentSubroutine',
        type: 'DeploymentSubroutine',
        status: 'True',
        reason: 'Complete',
        lastTransitionTime: '2026-11-20T09:20:00Z',
        observedGeneration: 2,
        stale: false,
        health: 'healthy',
      },
      {
        step: 'KcpsetupSubroutine',
        type: 'KcpsetupSubroutine',
        status: 'False',
        reason: 'Stopped',
        message: 'RootShard is not ready',
        lastTransitionTime: '2026-11-20T09:40:00Z',
        observedGeneration: 2,
        stale: false,
        health: 'progressing',
      },
      {
        step: 'ProvidersecretSubroutine',
        type: 'ProvidersecretSubroutine',
        status: 'True',
        reason: 'Complete',
        lastTransitionTime: '2026-11-20T09:22:10Z',
        observedGeneration: 1,
        stale: true,
        health: 'healthy',
      },
      {
        step: 'FeatureToggleSubroutine',
        type: 'FeatureToggleSubroutine',
        status: 'True',
        reason: 'Complete',
        lastTransitionTime: '2026-11-20T09:22:20Z',
        observedGeneration: 1,
        stale: true,
        health: 'healthy',
      },
      {
        step: 'WaitSubroutine',
        type: 'WaitSubroutine',
        status: 'True',
        reason: 'Complete',
        lastTransitionTime: '2026-11-20T09:25:00Z',
        observedGeneration: 1,
        stale: true,
        health: 'healthy',
      },
      {
        step: 'Ready',
        type: 'Ready',
        status: 'False',
        reason: 'Stopped',
        message: 'one or more subroutines stopped the chain',
        lastTransitionTime: '2026-11-20T09:40:00Z',
        observedGeneration: 2,
        stale: false,
        health: 'progressing',
      },
    ]);
  });

  it('maps Error to failed and Unknown/awaiting to progressing', () => {
    expect(
      conditionPipeline(pm(error)).map(c => [
        c.step,
        c.status,
        c.reason,
        c.health,
      ]),
    ).toEqual([
      ['DeploymentSubroutine', 'False', 'Error', 'failed'],
      ['KcpsetupSubroutine', 'Unknown', 'Unknown', 'progressing'],
      ['ProvidersecretSubroutine', 'Unknown', 'Unknown', 'progressing'],
      ['FeatureToggleSubroutine', 'Unknown', 'Unknown', 'progressing'],
      ['WaitSubroutine', 'Unknown', 'Unknown', 'progressing'],
      ['Ready', 'False', 'Error', 'failed'],
    ]);
  });

  it('maps the older <Name>_Ready conditions onto the same steps and shows missing ones', () => {
    expect(conditionPipeline(pm(legacy))).toEqual([
      {
        step: 'DeploymentSubroutine',
        type: 'DeploymentSubroutine_Ready',
        status: 'True',
        reason: 'Complete',
        message: 'The subroutine is complete',
        lastTransitionTime: '2026-03-02T09:20:00Z',
        observedGeneration: 3,
        stale: false,
        health: 'healthy',
      },
      {
        step: 'KcpsetupSubroutine',
        type: 'KcpsetupSubroutine_Ready',
        status: 'Unknown',
        reason: 'Processing',
        message: 'The subroutine is processing',
        lastTransitionTime: '2026-03-02T09:21:00Z',
        observedGeneration: 3,
        stale: false,
        health: 'progressing',
      },
      {
        step: 'ProvidersecretSubroutine',
        type: 'ProvidersecretSubroutine_Ready',
        status: 'True',
        reason: 'Complete',
        message: 'The subroutine is complete',
        lastTransitionTime: '2026-03-02T08:00:00Z',
        observedGeneration: 2,
        stale: true,
        health: 'healthy',
      },
      {
        step: 'FeatureToggleSubroutine',
        type: 'FeatureToggleSubroutine',
        status: 'Missing',
        stale: false,
        health: 'unknown',
      },
      {
        step: 'WaitSubroutine',
        type: 'WaitSubroutine_Ready',
        status: 'True',
        reason: 'Complete',
        message: 'The subroutine is complete',
        lastTransitionTime: '2026-03-02T08:00:00Z',
        observedGeneration: 2,
        stale: true,
        health: 'healthy',
      },
      {
        step: 'Ready',
        type: 'Ready',
        status: 'False',
        reason: 'Processing',
        message: 'The resource is not ready',
        lastTransitionTime: '2026-03-02T09:21:00Z',
        observedGeneration: 3,
        stale: false,
        health: 'progressing',
      },
    ]);
  });

  it('maps the older Error reason to failed', () => {
    expect(conditionPipeline(pm(legacyError))[1]).toEqual({
      step: 'KcpsetupSubroutine',
      type: 'KcpsetupSubroutine_Ready',
      status: 'False',
      reason: 'Error',
      message:
        'The subroutine has an error: failed to get kcp admin kubeconfig: secrets "kcp-cluster-admin-client-cert" not found',
      lastTransitionTime: '2026-03-02T09:21:00Z',
      observedGeneration: 1,
      stale: false,
      health: 'failed',
    });
  });

  it('prefers the condition evaluated for the newer generation when both forms exist', () => {
    const both = pm(stopped);
    both.status!.conditions!.push({
      type: 'KcpsetupSubroutine_Ready',
      status: 'True',
      reason: 'Complete',
      observedGeneration: 1,
      lastTransitionTime: '2026-03-01T00:00:00Z',
    });
    expect(conditionPipeline(both)[1]).toMatchObject({
      type: 'KcpsetupSubroutine',
      reason: 'Stopped',
    });
    both.status!.conditions!.push({
      type: 'DeploymentSubroutine_Ready',
      status: 'True',
      reason: 'Complete',
      observedGeneration: 2,
      lastTransitionTime: '2026-11-20T09:20:00Z',
    });
    expect(conditionPipeline(both)[0]).toMatchObject({
      type: 'DeploymentSubroutine',
    });
  });

  it('shows every step as Missing before the first reconcile', () => {
    expect(
      conditionPipeline(pm(fresh)).map(c => [
        c.step,
        c.status,
        c.stale,
        c.health,
      ]),
    ).toEqual([
      ['DeploymentSubroutine', 'Missing', false, 'unknown'],
      ['KcpsetupSubroutine', 'Missing', false, 'unknown'],
      ['ProvidersecretSubroutine', 'Missing', false, 'unknown'],
      ['FeatureToggleSubroutine', 'Missing', false, 'unknown'],
      ['WaitSubroutine', 'Missing', false, 'unknown'],
      ['Ready', 'Missing', false, 'unknown'],
    ]);
  });
});

describe('conditionStepHealth', () => {
  it.each<[string, Parameters<typeof conditionStepHealth>[0], string]>([
    ['Complete', { type: 'X', status: 'True', reason: 'Complete' }, 'healthy'],
    ['Skipped', { type: 'X', status: 'True', reason: 'Skipped' }, 'healthy'],
    ['Error', { type: 'X', status: 'False', reason: 'Error' }, 'failed'],
    [
      'Stopped',
      { type: 'X', status: 'False', reason: 'Stopped' },
      'progressing',
    ],
    [
      'Pending',
      { type: 'X', status: 'Unknown', reason: 'Pending' },
      'progressing',
    ],
    [
      'Unknown',
      { type: 'X', status: 'Unknown', reason: 'Unknown' },
      'progressing',
    ],
    [
      'Processing',
      { type: 'X', status: 'Unknown', reason: 'Processing' },
      'progressing',
    ],
    ['no condition', undefined, 'unknown'],
  ])('%s', (_, condition, expected) => {
    expect(conditionStepHealth(condition)).toBe(expected);
  });
});
