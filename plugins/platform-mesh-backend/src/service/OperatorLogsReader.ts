import { ServiceUnavailableError } from '@backstage/errors';
import {
  type KubernetesObject,
  type OperatorLogs,
  type OperatorPodLogs,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  DEFAULT_OPERATOR_CONTAINER,
  DEFAULT_OPERATOR_POD_SELECTOR,
  selectOperatorContainer,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import {
  isClusterRequestError,
  toClusterError,
  type ClusterClient,
  type PlatformMeshTarget,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';

export type { OperatorLogs } from '@platform-mesh-backstage/plugin-platform-mesh-common';

/**
 * Reads operator logs for a target, on request.
 */
export interface OperatorLogsReader {
  read(target: PlatformMeshTarget, tailLines: number): Promise<OperatorLogs>;
}

/**
 * Which pods and which container hold the operator's log (`platformMesh.operatorLogs`).
 */
export interface OperatorLogsOptions {
  /** Label selector of the operator pods; defaults to the upstream chart's `app=platform-mesh-operator`. */
  labelSelector?: string;
  /** Container to read; defaults to the chart's `platform-mesh-operator`, then the first non-sidecar. */
  container?: string;
}

const MAX_PODS = 3;
const MAX_BYTES_PER_POD = 128 * 1024;

type Pod = KubernetesObject & {
  spec?: { containers?: Array<{ name: string }> };
  status?: { phase?: string };
};

/**
 * Reads the last lines of the operator pods on the target's operator cluster, bounded in pods,
 * lines and bytes. From each pod it reads the operator's container (never a sidecar such as
 * `istio-proxy`). A pod whose log cannot be read carries its typed error next to the pods that
 * worked; only a failure to list the pods fails the whole read, as a `ServiceUnavailableError`
 * naming its typed cause. The answer says where the pods were looked for, so an empty answer
 * names the label selector and namespace that matched nothing.
 */
export class ClusterOperatorLogsReader implements OperatorLogsReader {
  private readonly labelSelector: string;
  private readonly container: string;

  constructor(
    private readonly clientFor: (cluster: string) => Promise<ClusterClient>,
    options: OperatorLogsOptions = {},
  ) {
    this.labelSelector = options.labelSelector ?? DEFAULT_OPERATOR_POD_SELECTOR;
    this.container = options.container ?? DEFAULT_OPERATOR_CONTAINER;
  }

  async read(
    target: PlatformMeshTarget,
    tailLines: number,
  ): Promise<OperatorLogs> {
    const source = {
      cluster: target.operatorCluster,
      namespace: target.operatorNamespace,
      labelSelector: this.labelSelector,
    };
    let client: ClusterClient;
    let pods: Pod[];
    try {
      client = await this.clientFor(target.operatorCluster);
      pods = (
        await client.list<Pod>(
          { group: '', kind: 'Pod' },
          { namespace: source.namespace, labelSelector: source.labelSelector },
        )
      ).items;
    } catch (error) {
      if (isClusterRequestError(error)) {
        const typed = error.clusterError;
        throw new ServiceUnavailableError(
          `Cannot list the operator pods (${source.labelSelector}) in namespace "${source.namespace}" of cluster "${source.cluster}": ${typed.type}: ${typed.message}`,
        );
      }
      throw error;
    }
    const chosen = [...pods].sort(runningFirstByName).slice(0, MAX_PODS);
    return {
      source,
      pods: await Promise.all(
        chosen.map(pod =>
          this.readPod(client, pod, source.namespace, tailLines),
        ),
      ),
    };
  }

  private async readPod(
    client: ClusterClient,
    pod: Pod,
    namespace: string,
    tailLines: number,
  ): Promise<OperatorPodLogs> {
    const name = pod.metadata.name;
    const container = selectOperatorContainer(pod, this.container);
    const base = { name, ...(container ? { container } : {}) };
    try {
      const text = await client.podLogs({
        namespace,
        pod: name,
        container,
        tailLines,
        limitBytes: MAX_BYTES_PER_POD,
      });
      const lines = text
        .split('\n')
        .filter((l, i, all) => l || i < all.length - 1);
      return {
        ...base,
        lines: lines.slice(-tailLines),
        truncated: Buffer.byteLength(text) >= MAX_BYTES_PER_POD,
      };
    } catch (error) {
      return {
        ...base,
        lines: [],
        truncated: false,
        error: toClusterError(error),
      };
    }
  }
}

function runningFirstByName(a: Pod, b: Pod): number {
  const ra = a.status?.phase === 'Running' ? 0 : 1;
  const rb = b.status?.phase === 'Running' ? 0 : 1;
  return ra - rb || a.metadata.name.localeCompare(b.metadata.name);
}
