import { ServiceUnavailableError } from '@backstage/errors';
import type {
  ClusterClient,
  PlatformMeshTarget,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';

/**
 * Recent log lines of the operator pods.
 */
export interface OperatorLogs {
  pods: Array<{ name: string; lines: string[]; truncated: boolean }>;
}

/**
 * Reads operator logs for a target, on request.
 */
export interface OperatorLogsReader {
  read(target: PlatformMeshTarget, tailLines: number): Promise<OperatorLogs>;
}

/** Label of the operator pods (the how-to's `kubectl logs -l app=platform-mesh-operator`). */
export const OPERATOR_POD_SELECTOR = 'app=platform-mesh-operator';
const MAX_PODS = 3;
const MAX_BYTES_PER_POD = 128 * 1024;

/**
 * Reads the last lines of the operator pods on the target's operator cluster, bounded in pods,
 * lines and bytes. A cluster failure becomes a `ServiceUnavailableError` naming its typed cause.
 */
export class ClusterOperatorLogsReader implements OperatorLogsReader {
  constructor(
    private readonly clientFor: (cluster: string) => Promise<ClusterClient>,
  ) {}

  async read(
    target: PlatformMeshTarget,
    tailLines: number,
  ): Promise<OperatorLogs> {
    try {
      const client = await this.clientFor(target.operatorCluster);
      const pods = await client.list(
        { group: '', kind: 'Pod' },
        {
          namespace: target.operatorNamespace,
          labelSelector: OPERATOR_POD_SELECTOR,
        },
      );
      const names = pods.items
        .map(p => p.metadata.name)
        .sort()
        .slice(0, MAX_PODS);
      const result: OperatorLogs = { pods: [] };
      for (const name of names) {
        const text = await client.podLogs({
          namespace: target.operatorNamespace,
          pod: name,
          tailLines,
          limitBytes: MAX_BYTES_PER_POD,
        });
        const lines = text
          .split('\n')
          .filter((l, i, all) => l || i < all.length - 1);
        result.pods.push({
          name,
          lines: lines.slice(-tailLines),
          truncated: Buffer.byteLength(text) >= MAX_BYTES_PER_POD,
        });
      }
      return result;
    } catch (error: any) {
      const typed = error?.clusterError;
      if (typed) {
        throw new ServiceUnavailableError(
          `Cannot read operator logs from cluster "${target.operatorCluster}": ${typed.type}: ${typed.message}`,
        );
      }
      throw error;
    }
  }
}
