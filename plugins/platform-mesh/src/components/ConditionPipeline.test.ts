import type { ConditionStatus } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { blockingStepIndex } from './ConditionPipeline';

function c(
  step: ConditionStatus['step'],
  status: ConditionStatus['status'],
  health: ConditionStatus['health'],
): ConditionStatus {
  return { step, type: step, status, health, stale: false, leftover: false };
}

describe('blockingStepIndex', () => {
  it('is the first step that is not done', () => {
    expect(
      blockingStepIndex([
        c('DeploymentSubroutine', 'True', 'healthy'),
        c('KcpsetupSubroutine', 'False', 'failed'),
        c('Ready', 'False', 'failed'),
      ]),
    ).toBe(1);
  });

  it('skips steps that are not reported when a later step is open', () => {
    expect(
      blockingStepIndex([
        c('DeploymentSubroutine', 'True', 'healthy'),
        c('FeatureToggleSubroutine', 'Missing', 'unknown'),
        c('Ready', 'Unknown', 'progressing'),
      ]),
    ).toBe(2);
  });

  it('never blocks on a subroutine that reports nothing (the real operator with kcp switched off)', () => {
    expect(
      blockingStepIndex([
        c('DeploymentSubroutine', 'True', 'healthy'),
        c('KcpsetupSubroutine', 'Missing', 'unknown'),
        c('ProvidersecretSubroutine', 'Missing', 'unknown'),
        c('FeatureToggleSubroutine', 'Missing', 'unknown'),
        c('WaitSubroutine', 'True', 'healthy'),
        c('Ready', 'True', 'healthy'),
      ]),
    ).toBe(-1);
    expect(
      blockingStepIndex([c('DeploymentSubroutine', 'Missing', 'unknown')]),
    ).toBe(-1);
  });

  it('is -1 when every step is done', () => {
    expect(blockingStepIndex([c('Ready', 'True', 'healthy')])).toBe(-1);
  });

  it('skips leftover and not-reached steps', () => {
    expect(
      blockingStepIndex([
        c('DeploymentSubroutine', 'True', 'healthy'),
        { ...c('KcpsetupSubroutine', 'False', 'unknown'), leftover: true },
        {
          ...c('ProvidersecretSubroutine', 'Unknown', 'unknown'),
          notReached: true,
        },
        c('WaitSubroutine', 'False', 'progressing'),
        c('Ready', 'False', 'progressing'),
      ]),
    ).toBe(3);
  });

  it('skips a leftover even when an older backend sent its raw health', () => {
    expect(
      blockingStepIndex([
        { ...c('KcpsetupSubroutine', 'False', 'failed'), leftover: true },
        c('Ready', 'True', 'healthy'),
      ]),
    ).toBe(-1);
  });
});
