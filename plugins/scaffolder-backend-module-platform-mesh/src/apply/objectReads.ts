import type { KubernetesObject } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import type {
  ObjectRef,
  PlatformMeshClustersService,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';

/**
 * The reads of one apply before its first write, each sent once: the ownership check and the
 * token preview both look at the kubeconfig Secrets, and nothing is written between them, so the
 * second look reuses the first answer (or its error).
 *
 * @internal
 */
export class ObjectReads {
  private readonly reads = new Map<
    string,
    Promise<KubernetesObject | undefined>
  >();

  constructor(private readonly clusters: PlatformMeshClustersService) {}

  /** The object as the cluster had it at the first read of this run; `undefined` when missing. */
  tryGet<T extends KubernetesObject = KubernetesObject>(
    cluster: string,
    ref: ObjectRef,
    signal?: AbortSignal,
  ): Promise<T | undefined> {
    // every field of the ref, in a stable order
    const key = JSON.stringify([cluster, Object.entries(ref).sort()]);
    let read = this.reads.get(key);
    if (!read) {
      read = this.clusters.getClient(cluster).tryGet(ref, { signal });
      this.reads.set(key, read);
    }
    return read as Promise<T | undefined>;
  }
}
