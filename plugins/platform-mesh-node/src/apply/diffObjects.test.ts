import { diffObjects, formatDiff } from './diffObjects';
import { describeObject } from './describeObject';

describe('diffObjects', () => {
  const server = {
    managedFields: [{ manager: 'x' }],
    resourceVersion: '5',
    uid: 'u',
    creationTimestamp: 't',
    generation: 2,
  };

  it('ignores server-populated metadata and status', () => {
    expect(
      diffObjects(
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'a', ...server },
          data: { k: 'v' },
          status: { x: 1 },
        },
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'a' },
          data: { k: 'v' },
        },
      ),
    ).toEqual([]);
  });

  it('lists added, removed and changed leaves', () => {
    const entries = diffObjects(
      {
        apiVersion: 'x/v1',
        kind: 'K',
        metadata: { name: 'a', labels: { old: '1' } },
        spec: { a: 1, list: [1], gone: true },
      },
      {
        apiVersion: 'x/v1',
        kind: 'K',
        metadata: { name: 'a', labels: { new: '1' } },
        spec: { a: 2, list: [1, 2], nested: { b: 'c' } },
      },
    );
    expect(entries).toEqual([
      { path: 'metadata.labels.new', change: 'added', after: '1' },
      { path: 'metadata.labels.old', change: 'removed', before: '1' },
      { path: 'spec.a', change: 'changed', before: 1, after: 2 },
      { path: 'spec.gone', change: 'removed', before: true },
      { path: 'spec.list', change: 'changed', before: [1], after: [1, 2] },
      { path: 'spec.nested.b', change: 'added', after: 'c' },
    ]);
    expect(formatDiff(entries)).toBe(
      [
        '+ metadata.labels.new: 1',
        '- metadata.labels.old: 1',
        '~ spec.a: 1 → 2',
        '- spec.gone: true',
        '~ spec.list: [1] → [1,2]',
        '+ spec.nested.b: c',
      ].join('\n'),
    );
  });

  it('redacts Secret data, showing only which keys change', () => {
    const before = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's', namespace: 'n' },
      data: {
        same: Buffer.from('keep').toString('base64'),
        changed: Buffer.from('old-secret').toString('base64'),
      },
    };
    const after = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's', namespace: 'n' },
      stringData: {
        same: 'keep',
        changed: 'new-secret',
        added: 'brand-new-secret',
      },
    };
    const entries = diffObjects(before, after);
    expect(entries).toEqual([
      { path: 'data.added', change: 'added', after: '(redacted)' },
      {
        path: 'data.changed',
        change: 'changed',
        before: '(redacted)',
        after: '(redacted)',
      },
    ]);
    const text =
      JSON.stringify(entries) +
      formatDiff(entries) +
      JSON.stringify(diffObjects(undefined, after));
    for (const secret of [
      'old-secret',
      'new-secret',
      'brand-new-secret',
      'keep',
    ]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(Buffer.from(secret).toString('base64'));
    }
    expect(diffObjects(undefined, after).map(e => e.path)).toEqual([
      'apiVersion',
      'data.added',
      'data.changed',
      'data.same',
      'kind',
      'metadata.name',
      'metadata.namespace',
    ]);
  });

  it('quotes keys with dots', () => {
    expect(
      diffObjects(
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'a' },
          data: { 'profile.yaml': 'a' },
        },
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'a' },
          data: { 'profile.yaml': 'b' },
        },
      )[0].path,
    ).toBe('data["profile.yaml"]');
  });
});

describe('describeObject', () => {
  it('names objects without their content', () => {
    expect(
      describeObject({
        kind: 'Secret',
        metadata: { name: 's', namespace: 'n' },
      }),
    ).toBe('Secret n/s');
    expect(describeObject({ kind: 'Namespace', metadata: { name: 'n' } })).toBe(
      'Namespace n',
    );
  });
});
