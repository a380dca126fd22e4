import { ObjectReads } from './objectReads';

describe('ObjectReads', () => {
  function clustersCounting() {
    const calls: string[] = [];
    const clusters: any = {
      getClient: (cluster: string) => ({
        tryGet: async (ref: any) => {
          calls.push(`${cluster}/${ref.namespace}/${ref.name}`);
          return ref.name === 'missing'
            ? undefined
            : { metadata: { name: ref.name } };
        },
      }),
    };
    return { clusters, calls };
  }

  it('reads each object once per run, whatever the field order of the ref', async () => {
    const { clusters, calls } = clustersCounting();
    const reads = new ObjectReads(clusters);
    const a = await reads.tryGet('infra', {
      apiVersion: 'v1',
      kind: 'Secret',
      namespace: 'ns',
      name: 's',
    });
    const b = await reads.tryGet('infra', {
      name: 's',
      namespace: 'ns',
      kind: 'Secret',
      apiVersion: 'v1',
    });
    expect(a).toBe(b);
    expect(calls).toEqual(['infra/ns/s']);
  });

  it('keeps clusters, namespaces and kinds apart, and remembers a missing object', async () => {
    const { clusters, calls } = clustersCounting();
    const reads = new ObjectReads(clusters);
    await reads.tryGet('infra', {
      apiVersion: 'v1',
      kind: 'Secret',
      namespace: 'ns',
      name: 's',
    });
    await reads.tryGet('operator', {
      apiVersion: 'v1',
      kind: 'Secret',
      namespace: 'ns',
      name: 's',
    });
    await reads.tryGet('infra', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      namespace: 'ns',
      name: 's',
    });
    expect(
      await reads.tryGet('infra', {
        apiVersion: 'v1',
        kind: 'Secret',
        namespace: 'ns',
        name: 'missing',
      }),
    ).toBeUndefined();
    expect(
      await reads.tryGet('infra', {
        apiVersion: 'v1',
        kind: 'Secret',
        namespace: 'ns',
        name: 'missing',
      }),
    ).toBeUndefined();
    expect(calls).toHaveLength(4);
  });
});
