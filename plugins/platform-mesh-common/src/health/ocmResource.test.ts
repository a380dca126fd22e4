/*
 * OCM Resources as the operator renders them (`gotemplates/components/runtime/ocm-chart-resources.yaml`
 * of operator v0.81.14) with a status of the shape of ocm-k8s-toolkit v0.11.0's CRD. The OCM
 * controller cannot run here, so the statuses are written by hand.
 */
import type { KubernetesObject } from '../types/kubernetes';
import { describeOcmResource, ocmResourceHealth } from './ocmResource';

function chartResource(
  status?: Record<string, unknown>,
  generation = 1,
): KubernetesObject {
  return {
    apiVersion: 'delivery.ocm.software/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'portal-chart',
      namespace: 'platform-mesh-system',
      generation,
      labels: { artifact: 'chart', repo: 'oci' },
    },
    spec: {
      componentRef: { name: 'platform-mesh' },
      resource: {
        byReference: {
          resource: { name: 'chart' },
          referencePath: [{ name: 'portal' }, { name: 'chart' }],
        },
      },
    },
    ...(status ? { status } : {}),
  };
}

const ready = (status: 'True' | 'False' | 'Unknown', reason: string) => ({
  type: 'Ready',
  status,
  reason,
  message: `${reason} message`,
  observedGeneration: 1,
  lastTransitionTime: '2026-11-20T09:00:00Z',
});

describe('ocmResourceHealth', () => {
  it('is healthy when Ready=True at the current generation', () => {
    const r = chartResource({
      observedGeneration: 1,
      conditions: [ready('True', 'Succeeded')],
    });
    expect(ocmResourceHealth(r)).toBe('healthy');
  });

  it('is degraded when Ready=False, failed when Stalled=True', () => {
    expect(
      ocmResourceHealth(
        chartResource({
          observedGeneration: 1,
          conditions: [ready('False', 'GetComponentVersionFailed')],
        }),
      ),
    ).toBe('degraded');
    expect(
      ocmResourceHealth(
        chartResource({
          observedGeneration: 1,
          conditions: [
            ready('False', 'GetComponentVersionFailed'),
            { ...ready('True', 'GetComponentVersionFailed'), type: 'Stalled' },
          ],
        }),
      ),
    ).toBe('failed');
  });

  it('is progressing, never failed, before an OCM controller wrote anything or when behind', () => {
    expect(ocmResourceHealth(chartResource())).toBe('progressing');
    expect(
      ocmResourceHealth(
        chartResource(
          { observedGeneration: 1, conditions: [ready('True', 'Succeeded')] },
          2,
        ),
      ),
    ).toBe('progressing');
  });
});

describe('describeOcmResource', () => {
  it('names the component resource and the version it resolved', () => {
    const r = chartResource({
      observedGeneration: 1,
      conditions: [ready('True', 'Succeeded')],
      resource: {
        name: 'chart',
        type: 'helmChart',
        version: '0.9.1',
        access: {},
      },
      component: { component: 'platform-mesh', version: '0.3.0' },
    });
    expect(describeOcmResource(r)).toEqual({
      name: 'portal-chart',
      namespace: 'platform-mesh-system',
      health: 'healthy',
      reason: 'Succeeded',
      message: 'Succeeded message',
      resourceName: 'chart',
      version: '0.9.1',
    });
  });

  it('falls back to the component version and leaves out what is not text', () => {
    const r = chartResource({
      component: { component: 'platform-mesh', version: '0.3.0' },
      conditions: [{ type: 'Ready', status: 'Unknown', reason: 42 }],
    });
    (r.spec as any).resource.byReference.resource.name = { not: 'text' };
    expect(describeOcmResource(r)).toEqual({
      name: 'portal-chart',
      namespace: 'platform-mesh-system',
      health: 'progressing',
      version: '0.3.0',
    });
  });
});
