import { OPERATOR_CREATED_LABEL, PLATFORM_MESH_GVK } from '../constants';
import type { Application } from '../types/argo';
import type {
  FluxCrossNamespaceSourceReference,
  FluxSource,
  HelmRelease,
  Kustomization,
} from '../types/flux';
import type { KubernetesObject } from '../types/kubernetes';
import type { PlatformMesh } from '../types/platformMesh';
import type { InstanceRef } from '../types/status';
import type { InstanceSnapshot } from './InstanceSnapshot';

/**
 * True for objects the operator rendered from its templates (label
 * `core.platform-mesh.io/operator-created: "true"`).
 *
 * @param obj - the object
 */
export function isOperatorCreated(obj: KubernetesObject): boolean {
  return obj.metadata.labels?.[OPERATOR_CREATED_LABEL] === 'true';
}

/**
 * True when `pm` is the `core.platform-mesh.io` PlatformMesh with the ref's namespace and name
 * (never the deployer's `deploy.platform-mesh.io` kind of the same name).
 *
 * @param pm - the object
 * @param ref - the instance
 */
export function isInstancePlatformMesh(
  pm: KubernetesObject,
  ref: InstanceRef,
): boolean {
  return (
    pm.apiVersion.split('/')[0] === PLATFORM_MESH_GVK.group &&
    pm.kind === PLATFORM_MESH_GVK.kind &&
    pm.metadata.name === ref.name &&
    pm.metadata.namespace === ref.namespace
  );
}

/**
 * The instance's PlatformMesh on the runtime cluster, if the snapshot holds it.
 *
 * @param snapshot - the instance snapshot
 */
export function instancePlatformMesh(
  snapshot: InstanceSnapshot,
): PlatformMesh | undefined {
  const pm = snapshot.runtime.platformMesh;
  return pm && isInstancePlatformMesh(pm, snapshot.ref) ? pm : undefined;
}

function ofInstance<T extends KubernetesObject>(
  snapshot: InstanceSnapshot,
  items: T[],
): T[] {
  return items.filter(
    o =>
      isOperatorCreated(o) && o.metadata.namespace === snapshot.ref.namespace,
  );
}

/**
 * The HelmReleases the operator created for the instance (labelled, in the instance namespace).
 *
 * @param snapshot - the instance snapshot
 */
export function instanceHelmReleases(
  snapshot: InstanceSnapshot,
): HelmRelease[] {
  return ofInstance(snapshot, snapshot.infra.helmReleases);
}

/**
 * The Kustomizations the operator created for the instance.
 *
 * @param snapshot - the instance snapshot
 */
export function instanceKustomizations(
  snapshot: InstanceSnapshot,
): Kustomization[] {
  return ofInstance(snapshot, snapshot.infra.kustomizations);
}

/**
 * The Argo CD Applications the operator created for the instance.
 *
 * @param snapshot - the instance snapshot
 */
export function instanceApplications(
  snapshot: InstanceSnapshot,
): Application[] {
  return ofInstance(snapshot, snapshot.infra.applications);
}

/**
 * A source reference with its namespace resolved (defaulting to the referring object's).
 *
 * @alpha
 */
export interface ResolvedSourceRef {
  kind: string;
  name: string;
  namespace: string;
}

/**
 * The source a HelmRelease (`spec.chartRef` or `spec.chart.spec.sourceRef`) or Kustomization
 * (`spec.sourceRef`) uses, with its namespace resolved.
 *
 * @param obj - the HelmRelease or Kustomization
 * @alpha
 */
export function sourceRefOf(
  obj: HelmRelease | Kustomization,
): ResolvedSourceRef | undefined {
  let ref: FluxCrossNamespaceSourceReference | undefined;
  if (obj.kind === 'HelmRelease') {
    ref = obj.spec?.chartRef ?? obj.spec?.chart?.spec.sourceRef;
  } else {
    ref = obj.spec?.sourceRef;
  }
  if (!ref?.name || !ref.kind) return undefined;
  return {
    kind: ref.kind,
    name: ref.name,
    namespace: ref.namespace || obj.metadata.namespace || '',
  };
}

/**
 * Every Flux source in the snapshot.
 *
 * @param snapshot - the instance snapshot
 */
function allSources(snapshot: InstanceSnapshot): FluxSource[] {
  return [
    ...snapshot.infra.ociRepositories,
    ...snapshot.infra.helmRepositories,
    ...snapshot.infra.gitRepositories,
  ];
}

/**
 * Finds a Flux source by kind, namespace and name.
 *
 * @param snapshot - the instance snapshot
 * @param ref - the resolved reference
 */
export function findSource(
  snapshot: InstanceSnapshot,
  ref: ResolvedSourceRef,
): FluxSource | undefined {
  return allSources(snapshot).find(
    s =>
      s.kind === ref.kind &&
      s.metadata.name === ref.name &&
      s.metadata.namespace === ref.namespace,
  );
}

/**
 * The instance's Flux sources: those in the instance namespace (the operator's OCIRepositories
 * carry no label) and those its releases reference elsewhere.
 *
 * @param snapshot - the instance snapshot
 */
export function instanceSources(snapshot: InstanceSnapshot): FluxSource[] {
  const referenced = [
    ...instanceHelmReleases(snapshot),
    ...instanceKustomizations(snapshot),
  ]
    .map(sourceRefOf)
    .filter((r): r is ResolvedSourceRef => !!r);
  return allSources(snapshot).filter(
    s =>
      s.metadata.namespace === snapshot.ref.namespace ||
      referenced.some(
        r =>
          r.kind === s.kind &&
          r.name === s.metadata.name &&
          r.namespace === s.metadata.namespace,
      ),
  );
}
