import type { KubernetesObject } from '../types/kubernetes';
import { kstatusHealth } from './kstatusHealth';

function obj(
  status: Record<string, unknown> | undefined,
  extra: {
    generation?: number;
    suspend?: boolean;
    deletionTimestamp?: string;
  } = {},
): KubernetesObject {
  return {
    apiVersion: 'example.io/v1',
    kind: 'Thing',
    metadata: {
      name: 'thing',
      namespace: 'default',
      generation: extra.generation ?? 1,
      ...(extra.deletionTimestamp
        ? { deletionTimestamp: extra.deletionTimestamp }
        : {}),
    },
    spec: extra.suspend !== undefined ? { suspend: extra.suspend } : {},
    ...(status ? { status } : {}),
  };
}

const ready = (
  status: string,
  reason = 'Succeeded',
  observedGeneration = 1,
) => ({
  type: 'Ready',
  status,
  reason,
  message: '',
  observedGeneration,
});

describe('kstatusHealth', () => {
  it.each<[string, KubernetesObject, string]>([
    ['no status at all', obj(undefined), 'progressing'],
    ['empty conditions', obj({ conditions: [] }), 'progressing'],
    ['Ready=True', obj({ conditions: [ready('True')] }), 'healthy'],
    [
      'Ready=Unknown',
      obj({ conditions: [ready('Unknown', 'Progressing')] }),
      'progressing',
    ],
    [
      'Ready=False',
      obj({ conditions: [ready('False', 'BuildFailed')] }),
      'degraded',
    ],
    [
      'Ready=False waiting for a dependency',
      obj({ conditions: [ready('False', 'DependencyNotReady')] }),
      'progressing',
    ],
    [
      'Stalled=True wins over Ready',
      obj({
        conditions: [
          {
            type: 'Stalled',
            status: 'True',
            reason: 'InvalidURL',
            observedGeneration: 1,
          },
          ready('False', 'InvalidURL'),
        ],
      }),
      'failed',
    ],
    [
      'Stalled=False does not fail',
      obj({
        conditions: [
          { type: 'Stalled', status: 'False', reason: 'Ok' },
          ready('True'),
        ],
      }),
      'healthy',
    ],
    [
      'Reconciling=True with Ready=True',
      obj({
        conditions: [
          { type: 'Reconciling', status: 'True', reason: 'Progressing' },
          ready('True'),
        ],
      }),
      'progressing',
    ],
    [
      'Reconciling=True/ProgressingWithRetry with Ready=False',
      obj({
        conditions: [
          {
            type: 'Reconciling',
            status: 'True',
            reason: 'ProgressingWithRetry',
          },
          ready('False', 'InstallFailed'),
        ],
      }),
      'degraded',
    ],
    [
      'top-level observedGeneration behind',
      obj(
        {
          observedGeneration: 1,
          conditions: [{ type: 'Other', status: 'True' }],
        },
        { generation: 2 },
      ),
      'progressing',
    ],
    [
      "the Ready condition's observedGeneration behind",
      obj({ conditions: [ready('True', 'Succeeded', 1)] }, { generation: 2 }),
      'progressing',
    ],
    [
      "the Ready condition's observedGeneration wins over a lagging top-level one",
      obj(
        {
          observedGeneration: 1,
          conditions: [ready('False', 'InstallFailed', 2)],
        },
        { generation: 2 },
      ),
      'degraded',
    ],
    [
      'spec.suspend',
      obj({ conditions: [ready('False', 'X')] }, { suspend: true }),
      'suspended',
    ],
    [
      'spec.suspend: false',
      obj({ conditions: [ready('True')] }, { suspend: false }),
      'healthy',
    ],
    [
      'being deleted',
      obj(
        { conditions: [ready('True')] },
        { deletionTimestamp: '2026-11-20T10:00:00Z' },
      ),
      'progressing',
    ],
    [
      'conditions without Ready',
      obj({ conditions: [{ type: 'Other', status: 'True' }] }),
      'unknown',
    ],
  ])('%s', (_, input, expected) => {
    expect(kstatusHealth(input)).toBe(expected);
  });
});
