import type { KubernetesObject } from '../types/kubernetes';
import artifactFailedB1 from './__fixtures__/recorded/B1-helmrelease-cert-manager-ocirepository-missing.json';
import installedB2 from './__fixtures__/recorded/B2-helmrelease-demo-cm-created-by-operator-installed-by-real-flux.json';
import restClientErrorB7 from './__fixtures__/recorded/B7-helmrelease-kubeconfig-secret-deleted-RESTClientError.json';
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
      'Reconciling=True/Progressing with Ready=False and a failure reason',
      obj({
        conditions: [
          {
            type: 'Reconciling',
            status: 'True',
            reason: 'Progressing',
            message: 'Fulfilling prerequisites',
          },
          ready('False', 'RESTClientError'),
        ],
      }),
      'degraded',
    ],
    [
      'Reconciling=True/Progressing with Ready=False waiting for a dependency',
      obj({
        conditions: [
          { type: 'Reconciling', status: 'True', reason: 'Progressing' },
          ready('False', 'DependencyNotReady'),
        ],
      }),
      'progressing',
    ],
    [
      'Reconciling=True/Progressing with Ready=Unknown',
      obj({
        conditions: [
          { type: 'Reconciling', status: 'True', reason: 'Progressing' },
          ready('Unknown', 'Progressing'),
        ],
      }),
      'progressing',
    ],
    [
      'Reconciling=True/ProgressingWithRetry with Ready=False for a waiting reason',
      obj({
        conditions: [
          {
            type: 'Reconciling',
            status: 'True',
            reason: 'ProgressingWithRetry',
          },
          ready('False', 'Progressing'),
        ],
      }),
      'degraded',
    ],
    [
      'Reconciling=True without Ready',
      obj({
        conditions: [
          { type: 'Reconciling', status: 'True', reason: 'Progressing' },
        ],
      }),
      'progressing',
    ],
    [
      'recorded B1: source missing, Reconciling=True/Progressing, top-level observedGeneration -1',
      artifactFailedB1 as KubernetesObject,
      'degraded',
    ],
    [
      'recorded B7: kubeConfig Secret missing, Reconciling=True/Progressing',
      restClientErrorB7 as KubernetesObject,
      'degraded',
    ],
    ['recorded B2: installed', installedB2 as KubernetesObject, 'healthy'],
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
