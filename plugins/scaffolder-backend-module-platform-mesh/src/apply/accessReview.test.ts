import { reviewAccesses } from './accessReview';

function fakeClient(options: {
  rules?: Record<string, any[]>;
  incomplete?: boolean;
  rulesFail?: boolean;
  allowed?: (a: any) => boolean;
}) {
  const calls: string[] = [];
  const client: any = {
    create: async (object: any) => {
      calls.push(`rules ${object.spec.namespace}`);
      if (options.rulesFail) throw new Error('not served');
      return {
        status: {
          resourceRules: options.rules?.[object.spec.namespace] ?? [],
          incomplete: options.incomplete ?? false,
        },
      };
    },
    selfSubjectAccessReview: async (attributes: any) => {
      calls.push(`review ${attributes.verb} ${attributes.resource}`);
      return { allowed: options.allowed?.(attributes) ?? false };
    },
  };
  return { client, calls };
}

const patchSecret = {
  verb: 'patch',
  group: '',
  resource: 'secrets',
  namespace: 'a',
  name: 's',
};
const createSecret = {
  verb: 'create',
  group: '',
  resource: 'secrets',
  namespace: 'a',
};
const patchConfigMap = {
  verb: 'patch',
  group: '',
  resource: 'configmaps',
  namespace: 'b',
  name: 'c',
};
const createNamespace = { verb: 'create', group: '', resource: 'namespaces' };

describe('reviewAccesses', () => {
  it('answers namespaced accesses from one rules review per namespace, cluster-wide ones by access review', async () => {
    const { client, calls } = fakeClient({
      rules: {
        a: [
          {
            verbs: ['create', 'patch'],
            apiGroups: [''],
            resources: ['secrets'],
          },
        ],
        b: [],
      },
      allowed: a => a.resource === 'namespaces',
    });
    const answers = await reviewAccesses(client, [
      patchSecret,
      createSecret,
      patchConfigMap,
      createNamespace,
    ]);
    expect(answers).toEqual([
      { allowed: true },
      { allowed: true },
      { allowed: false },
      { allowed: true },
    ]);
    expect(calls.sort()).toEqual([
      'review create namespaces',
      'rules a',
      'rules b',
    ]);
  });

  it('asks an access review for a denial when the rules are incomplete', async () => {
    const { client, calls } = fakeClient({
      incomplete: true,
      allowed: () => true,
    });
    expect(await reviewAccesses(client, [patchConfigMap])).toEqual([
      { allowed: true },
    ]);
    expect(calls).toEqual(['rules b', 'review patch configmaps']);
  });

  it('falls back to one access review per access when rules reviews are not served', async () => {
    const { client, calls } = fakeClient({
      rulesFail: true,
      allowed: a => a.verb === 'patch',
    });
    expect(await reviewAccesses(client, [patchSecret, createSecret])).toEqual([
      { allowed: true },
      { allowed: false },
    ]);
    expect(calls.filter(c => c.startsWith('review'))).toHaveLength(2);
  });

  it('returns the error of a failed access review as data', async () => {
    const { client } = fakeClient({ rulesFail: true });
    client.selfSubjectAccessReview = async () => {
      throw new Error('timeout');
    };
    const [answer] = await reviewAccesses(client, [createNamespace]);
    expect('error' in answer && (answer.error as Error).message).toBe(
      'timeout',
    );
  });
});
