import type { PlatformMesh } from '../types/platformMesh';
import type { ConditionStatus } from '../types/status';
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
        leftover: false,
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
        leftover: false,
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
        leftover: false,
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
        leftover: false,
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
        leftover: false,
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
        leftover: false,
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
        leftover: false,
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
        leftover: false,
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
        leftover: false,
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
        leftover: false,
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
        leftover: false,
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
        leftover: false,
        health: 'progressing',
      },
    ]);
  });

  it('maps Error to failed and awaiting steps after it to not reached (unknown)', () => {
    expect(
      conditionPipeline(pm(error)).map(c => [
        c.step,
        c.status,
        c.reason,
        c.health,
        !!c.notReached,
      ]),
    ).toEqual([
      ['DeploymentSubroutine', 'False', 'Error', 'failed', false],
      ['KcpsetupSubroutine', 'Unknown', 'Unknown', 'unknown', true],
      ['ProvidersecretSubroutine', 'Unknown', 'Unknown', 'unknown', true],
      ['FeatureToggleSubroutine', 'Unknown', 'Unknown', 'unknown', true],
      ['WaitSubroutine', 'Unknown', 'Unknown', 'unknown', true],
      ['Ready', 'False', 'Error', 'failed', false],
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
        leftover: false,
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
        leftover: false,
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
        leftover: false,
        health: 'healthy',
      },
      {
        step: 'FeatureToggleSubroutine',
        type: 'FeatureToggleSubroutine',
        status: 'Missing',
        stale: false,
        leftover: false,
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
        leftover: false,
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
        leftover: false,
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
      leftover: false,
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

type Row = [
  ConditionStatus['step'],
  ConditionStatus['status'],
  string | undefined,
  ConditionStatus['health'],
  'live' | 'leftover' | 'not reached',
];

const rows = (fixture: unknown): Row[] =>
  conditionPipeline(pm(fixture)).map(c => [
    c.step,
    c.status,
    c.reason,
    c.health,
    (c.leftover && 'leftover') || (c.notReached && 'not reached') || 'live',
  ]);

describe('conditionPipeline of recorded objects (operator v0.81.14)', () => {
  it.each<[string, unknown, Row[]]>([
    [
      'A1: DeploymentSubroutine stopped, later steps not reached',
      rootShardA1,
      [
        ['DeploymentSubroutine', 'False', 'Stopped', 'progressing', 'live'],
        ['KcpsetupSubroutine', 'Unknown', 'Unknown', 'unknown', 'not reached'],
        [
          'ProvidersecretSubroutine',
          'Unknown',
          'Unknown',
          'unknown',
          'not reached',
        ],
        [
          'FeatureToggleSubroutine',
          'Unknown',
          'Unknown',
          'unknown',
          'not reached',
        ],
        ['WaitSubroutine', 'Unknown', 'Unknown', 'unknown', 'not reached'],
        ['Ready', 'False', 'Stopped', 'progressing', 'live'],
      ],
    ],
    [
      'A4: KcpsetupSubroutine Error is live (Ready=False/Error)',
      kcpErrorA4,
      [
        ['DeploymentSubroutine', 'True', 'Complete', 'healthy', 'live'],
        ['KcpsetupSubroutine', 'False', 'Error', 'failed', 'live'],
        [
          'ProvidersecretSubroutine',
          'Unknown',
          'Unknown',
          'unknown',
          'not reached',
        ],
        [
          'FeatureToggleSubroutine',
          'Unknown',
          'Unknown',
          'unknown',
          'not reached',
        ],
        ['WaitSubroutine', 'Unknown', 'Unknown', 'unknown', 'not reached'],
        ['Ready', 'False', 'Error', 'failed', 'live'],
      ],
    ],
    [
      'A6: kcp subroutines switched off; the old Error and awaiting conditions before the live Stop are leftovers',
      waitStoppedA6,
      [
        ['DeploymentSubroutine', 'True', 'Complete', 'healthy', 'live'],
        ['KcpsetupSubroutine', 'False', 'Error', 'unknown', 'leftover'],
        [
          'ProvidersecretSubroutine',
          'Unknown',
          'Unknown',
          'unknown',
          'leftover',
        ],
        [
          'FeatureToggleSubroutine',
          'Unknown',
          'Unknown',
          'unknown',
          'leftover',
        ],
        ['WaitSubroutine', 'False', 'Stopped', 'progressing', 'live'],
        ['Ready', 'False', 'Stopped', 'progressing', 'live'],
      ],
    ],
    [
      'A7: Ready=True; every subroutine condition that is not True is a leftover',
      readyLeftoverA7,
      [
        ['DeploymentSubroutine', 'True', 'Complete', 'healthy', 'live'],
        ['KcpsetupSubroutine', 'False', 'Error', 'unknown', 'leftover'],
        [
          'ProvidersecretSubroutine',
          'Unknown',
          'Unknown',
          'unknown',
          'leftover',
        ],
        [
          'FeatureToggleSubroutine',
          'Unknown',
          'Unknown',
          'unknown',
          'leftover',
        ],
        ['WaitSubroutine', 'True', 'Complete', 'healthy', 'live'],
        ['Ready', 'True', 'Complete', 'healthy', 'live'],
      ],
    ],
  ])('%s', (_, fixture, expected) => {
    expect(rows(fixture)).toEqual(expected);
  });

  it('keeps stale and leftover apart: A7 conditions carry the current generation', () => {
    const pipeline = conditionPipeline(pm(readyLeftoverA7));
    expect(pipeline.every(c => !c.stale)).toBe(true);
    expect(pipeline[1]).toEqual({
      step: 'KcpsetupSubroutine',
      type: 'KcpsetupSubroutine',
      status: 'False',
      reason: 'Error',
      message:
        'Failed to create kcp workspaces: Failed to get APIExport hash inventory: Failed to get APIExport for tenancy.kcp.io: failed to get server groups: the server could not find the requested resource',
      lastTransitionTime: '2026-12-01T19:14:26Z',
      observedGeneration: 1,
      stale: false,
      leftover: true,
      health: 'unknown',
    });
  });

  it('marks nothing as leftover when Ready is from an older generation', () => {
    const edited = pm(readyLeftoverA7);
    edited.metadata.generation = 2;
    expect(conditionPipeline(edited).some(c => c.leftover)).toBe(false);
  });
});

describe('leftover rules (variants of A6)', () => {
  const variant = (
    edit: (conditions: Array<Record<string, unknown>>) => void,
  ): unknown => {
    const copy = pm(waitStoppedA6);
    edit(copy.status!.conditions as unknown as Array<Record<string, unknown>>);
    return copy;
  };
  const at = (type: string) => (c: Record<string, unknown>) => c.type === type;

  it('under Ready=False/Stopped, the newest Stopped is live and older Stopped ones are leftovers', () => {
    const fixture = variant(conditions => {
      Object.assign(conditions.find(at('DeploymentSubroutine'))!, {
        status: 'False',
        reason: 'Stopped',
        message: 'RootShard is not ready',
        lastTransitionTime: '2026-12-01T19:20:00Z',
      });
    });
    expect(rows(fixture).map(r => [r[0], r[4]])).toEqual([
      ['DeploymentSubroutine', 'live'],
      ['KcpsetupSubroutine', 'leftover'],
      ['ProvidersecretSubroutine', 'not reached'],
      ['FeatureToggleSubroutine', 'not reached'],
      ['WaitSubroutine', 'leftover'],
      ['Ready', 'live'],
    ]);
  });

  it('under Ready=False/Error, the newest Error is live; older Error and Stopped ones are leftovers', () => {
    const fixture = variant(conditions => {
      Object.assign(conditions.find(at('Ready'))!, {
        reason: 'Error',
        message: 'one or more subroutines encountered an error',
      });
      Object.assign(conditions.find(at('FeatureToggleSubroutine'))!, {
        status: 'False',
        reason: 'Error',
        message: 'feature toggles failed',
        lastTransitionTime: '2026-12-01T19:20:00Z',
      });
    });
    expect(rows(fixture)).toEqual([
      ['DeploymentSubroutine', 'True', 'Complete', 'healthy', 'live'],
      ['KcpsetupSubroutine', 'False', 'Error', 'unknown', 'leftover'],
      ['ProvidersecretSubroutine', 'Unknown', 'Unknown', 'unknown', 'leftover'],
      ['FeatureToggleSubroutine', 'False', 'Error', 'failed', 'live'],
      ['WaitSubroutine', 'False', 'Stopped', 'unknown', 'leftover'],
      ['Ready', 'False', 'Error', 'failed', 'live'],
    ]);
  });

  it('takes the first in pipeline order when two Stopped conditions changed at the same time', () => {
    const fixture = variant(conditions => {
      Object.assign(conditions.find(at('DeploymentSubroutine'))!, {
        status: 'False',
        reason: 'Stopped',
        lastTransitionTime: '2026-12-01T19:15:56Z',
      });
    });
    expect(rows(fixture).map(r => [r[0], r[4]])).toEqual([
      ['DeploymentSubroutine', 'live'],
      ['KcpsetupSubroutine', 'leftover'],
      ['ProvidersecretSubroutine', 'not reached'],
      ['FeatureToggleSubroutine', 'not reached'],
      ['WaitSubroutine', 'leftover'],
      ['Ready', 'live'],
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
