import type { PlatformMeshTarget } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import {
  devTarget,
  helmRelease,
  kubeconfigSecret,
  ociRepository,
  platformMesh,
  profileConfigMap,
} from './fixtures';

/** Moves a fixture object (and its chartRef) to another namespace. */
function moved<T extends { metadata: any; spec?: any }>(o: T, ns: string): T {
  const copy: any = structuredClone(o);
  copy.metadata.namespace = ns;
  if (copy.spec?.chartRef) copy.spec.chartRef.namespace = ns;
  return copy;
}

/** The namespace of the i-th synthetic instance. */
export const instanceNamespace = (i: number) => `pm-inst-${i}`;

/** A target whose namespaces hold the synthetic instances. */
export const manyTarget: PlatformMeshTarget = {
  ...devTarget,
  namespaces: ['pm-inst-*'],
};

/**
 * Objects of `count` healthy instances (one per namespace, `releases` HelmReleases each with
 * their OCIRepositories and the Flux kubeconfig Secret), per cluster, for tests and measurements
 * that need many instances without an API server.
 */
export function manyInstances(
  count: number,
  releases = 2,
): Record<string, any[]> {
  const runtime: any[] = [];
  const infra: any[] = [];
  for (let i = 0; i < count; i++) {
    const ns = instanceNamespace(i);
    runtime.push(moved(platformMesh(), ns), moved(profileConfigMap, ns));
    for (let r = 0; r < releases; r++) {
      const name = `release-${r}`;
      infra.push(moved(helmRelease(name), ns), moved(ociRepository(name), ns));
    }
    infra.push(kubeconfigSecret('platform-mesh-runtime-secret', ns));
  }
  return {
    'pm-runtime': runtime,
    'pm-operator': [
      kubeconfigSecret('platform-mesh-kubeconfig', 'platform-mesh-system'),
      kubeconfigSecret(
        'platform-mesh-infra-kubeconfig',
        'platform-mesh-system',
      ),
    ],
    'pm-infra': infra,
  };
}
