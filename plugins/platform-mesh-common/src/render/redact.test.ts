import { describePlannedObject } from './describe';
import { REDACTED, redactObject } from './redact';

describe('redactObject', () => {
  it('replaces every data and stringData value of a Secret, keeping keys', () => {
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's', namespace: 'ns', labels: { a: 'b' } },
      type: 'Opaque',
      data: { token: 'ZmFrZS10b2tlbg==' },
      stringData: { kubeconfig: 'token: fake-token-x', other: 'fake' },
    };
    expect(redactObject(secret)).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's', namespace: 'ns', labels: { a: 'b' } },
      type: 'Opaque',
      data: { token: REDACTED },
      stringData: { kubeconfig: REDACTED, other: REDACTED },
    });
    expect(secret.stringData.kubeconfig).toBe('token: fake-token-x');
  });

  it('leaves other kinds alone and redacts Secrets inside Lists', () => {
    const cm = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c' },
      data: { a: 'b' },
    };
    expect(redactObject(cm)).toEqual(cm);
    expect(
      redactObject({
        apiVersion: 'v1',
        kind: 'List',
        metadata: { name: '' },
        items: [
          cm,
          {
            apiVersion: 'v1',
            kind: 'Secret',
            metadata: { name: 's' },
            data: { k: 'fake' },
          },
        ],
      }),
    ).toEqual({
      apiVersion: 'v1',
      kind: 'List',
      metadata: { name: '' },
      items: [
        cm,
        {
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: 's' },
          data: { k: REDACTED },
        },
      ],
    });
  });
});

describe('describePlannedObject', () => {
  it('formats namespaced and cluster-scoped objects', () => {
    expect(
      describePlannedObject({
        role: 'runtime',
        object: {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'p', namespace: 'ns' },
        },
      }),
    ).toBe('runtime/ConfigMap ns/p');
    expect(
      describePlannedObject({
        role: 'infra',
        object: {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: { name: 'ns' },
        },
      }),
    ).toBe('infra/Namespace ns');
  });
});
