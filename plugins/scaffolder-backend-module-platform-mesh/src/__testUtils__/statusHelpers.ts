import { HttpResponse } from 'msw';
import type { FakeCluster } from '@platform-mesh-backstage/plugin-platform-mesh-node-test-utils';

/** PlatformMesh conditions, all True/Complete, for `observedGeneration`. */
export function readyConditions(observedGeneration = 1) {
  return [
    'DeploymentSubroutine',
    'KcpsetupSubroutine',
    'ProvidersecretSubroutine',
    'FeatureToggleSubroutine',
    'WaitSubroutine',
    'Ready',
  ].map(type => ({
    type,
    status: 'True',
    reason: 'Complete',
    message: '',
    lastTransitionTime: '2026-01-01T00:00:00Z',
    observedGeneration,
  }));
}

/** The DeploymentSubroutine stopped (the progressing scenario). */
export function stoppedConditions(message: string, observedGeneration = 1) {
  return [
    {
      type: 'DeploymentSubroutine',
      status: 'False',
      reason: 'Stopped',
      message,
      lastTransitionTime: '2026-01-01T00:00:00Z',
      observedGeneration,
    },
    {
      type: 'Ready',
      status: 'False',
      reason: 'Stopped',
      message: 'one or more subroutines stopped the chain',
      lastTransitionTime: '2026-01-01T00:00:00Z',
      observedGeneration,
    },
  ];
}

/**
 * Makes GETs of one PlatformMesh answer with a status, as the operator would write it (the fake
 * drops status on apply, like a CRD with a status subresource ignores it).
 */
export function serveStatus(
  fake: FakeCluster,
  namespace: string,
  name: string,
  status: () => object,
): void {
  const path = `/apis/core.platform-mesh.io/v1alpha1/namespaces/${namespace}/platformmeshes/${name}`;
  fake.intercept(request => {
    if (request.method !== 'GET' || request.path !== path) return undefined;
    const stored = fake.objects.get(
      `core.platform-mesh.io/platformmeshes|${namespace}|${name}`,
    );
    if (!stored) return undefined;
    return HttpResponse.json({
      ...stored,
      metadata: { ...stored.metadata, generation: 1 },
      status: status(),
    });
  });
}
