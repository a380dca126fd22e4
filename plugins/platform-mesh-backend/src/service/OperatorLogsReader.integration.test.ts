/*
 * The operator pod lookup against a real kube-apiserver (packages/dev-clusters): the label
 * selector, the namespace and the operator container next to a sidecar. These API servers have no
 * kubelet (an unscheduled pod's log is empty), so the log contents and per-pod errors are tested
 * with msw in OperatorLogsReader.test.ts.
 */
import {
  clusterEntry,
  secretMaterial,
} from '@internal/dev-clusters/lib/testing';
import type { PlatformMeshTarget } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { clientsFor } from '@platform-mesh-backstage/plugin-platform-mesh-node-test-utils';
import { ClusterOperatorLogsReader } from './OperatorLogsReader';

jest.setTimeout(30_000);

const NS = 'pm-it-operator-logs';
const clients = clientsFor([
  clusterEntry('admin', 'operator', 'admin'),
  clusterEntry('reader', 'operator', 'reader'),
]);
const target = {
  name: 'it',
  operatorCluster: 'reader',
  operatorNamespace: NS,
} as PlatformMeshTarget;

const pod = (
  name: string,
  labels: Record<string, string>,
  containers: string[],
) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: NS, labels },
  spec: {
    automountServiceAccountToken: false,
    containers: containers.map(c => ({
      name: c,
      image: `example.invalid/${c}:1`,
    })),
  },
});

describe('ClusterOperatorLogsReader against a real API server', () => {
  beforeAll(async () => {
    const admin = clients.admin;
    await admin.apply({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: NS },
    });
    // without a controller-manager nobody creates the default ServiceAccount pods need
    await admin.apply({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'default', namespace: NS },
    });
    await admin.apply(
      pod('platform-mesh-operator-x', { app: 'platform-mesh-operator' }, [
        'istio-proxy',
        'platform-mesh-operator',
      ]),
    );
    await admin.apply(
      pod('renamed-operator-y', { app: 'pm-platform-mesh-operator' }, [
        'pm-platform-mesh-operator',
        'istio-proxy',
      ]),
    );
  });

  it('finds the operator pod by the chart label and picks its operator container next to the sidecar', async () => {
    const reader = new ClusterOperatorLogsReader(
      async name => clients[name as 'reader'],
    );
    const logs = await reader.read(target, 10);
    expect(logs.source).toEqual({
      cluster: 'reader',
      namespace: NS,
      labelSelector: 'app=platform-mesh-operator',
    });
    expect(logs.pods).toHaveLength(1);
    // A real API server refuses a log read of a two-container pod that names no container
    // ("a container name must be specified"); with a container it answers an unscheduled pod's
    // log with no lines.
    expect(logs.pods[0]).toEqual({
      name: 'platform-mesh-operator-x',
      container: 'platform-mesh-operator',
      lines: [],
      truncated: false,
    });
    const text = JSON.stringify(logs);
    for (const secret of secretMaterial()) expect(text).not.toContain(secret);
  });

  it('follows a configured label selector to a renamed release', async () => {
    const reader = new ClusterOperatorLogsReader(
      async name => clients[name as 'reader'],
      {
        labelSelector: 'app=pm-platform-mesh-operator',
      },
    );
    const logs = await reader.read(target, 10);
    expect(logs.pods.map(p => [p.name, p.container])).toEqual([
      ['renamed-operator-y', 'pm-platform-mesh-operator'],
    ]);
  });

  it('answers no pods, with where it looked, in a namespace without the operator', async () => {
    const reader = new ClusterOperatorLogsReader(
      async name => clients[name as 'reader'],
    );
    const logs = await reader.read(
      { ...target, operatorNamespace: `${NS}-none` },
      10,
    );
    expect(logs).toEqual({
      source: {
        cluster: 'reader',
        namespace: `${NS}-none`,
        labelSelector: 'app=platform-mesh-operator',
      },
      pods: [],
    });
  });
});
