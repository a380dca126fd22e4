import { ruleAllows, rulesAllow } from './accessRules';

describe('ruleAllows (RBAC PolicyRule matching)', () => {
  const secrets = {
    verb: 'patch',
    group: '',
    resource: 'secrets',
    namespace: 'ns',
    name: 's',
  };

  it('matches verb, group and resource exactly or by wildcard', () => {
    expect(
      ruleAllows(
        { verbs: ['patch'], apiGroups: [''], resources: ['secrets'] },
        secrets,
      ),
    ).toBe(true);
    expect(
      ruleAllows({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }, secrets),
    ).toBe(true);
    expect(
      ruleAllows(
        { verbs: ['get'], apiGroups: [''], resources: ['secrets'] },
        secrets,
      ),
    ).toBe(false);
    expect(
      ruleAllows(
        { verbs: ['patch'], apiGroups: ['apps'], resources: ['secrets'] },
        secrets,
      ),
    ).toBe(false);
    expect(
      ruleAllows(
        { verbs: ['patch'], apiGroups: [''], resources: ['configmaps'] },
        secrets,
      ),
    ).toBe(false);
  });

  it('matches subresources as resource/subresource or */subresource, never by the bare resource', () => {
    const token = {
      verb: 'create',
      group: '',
      resource: 'serviceaccounts',
      subresource: 'token',
      namespace: 'ns',
      name: 'sa',
    };
    expect(
      ruleAllows(
        {
          verbs: ['create'],
          apiGroups: [''],
          resources: ['serviceaccounts/token'],
        },
        token,
      ),
    ).toBe(true);
    expect(
      ruleAllows(
        { verbs: ['create'], apiGroups: [''], resources: ['*/token'] },
        token,
      ),
    ).toBe(true);
    expect(
      ruleAllows(
        { verbs: ['create'], apiGroups: [''], resources: ['serviceaccounts'] },
        token,
      ),
    ).toBe(false);
  });

  it('restricts by resourceNames, and a request without a name never matches a named rule', () => {
    const named = {
      verbs: ['patch', 'create'],
      apiGroups: [''],
      resources: ['secrets'],
      resourceNames: ['s'],
    };
    expect(ruleAllows(named, secrets)).toBe(true);
    expect(ruleAllows(named, { ...secrets, name: 'other' })).toBe(false);
    expect(
      ruleAllows(named, { ...secrets, verb: 'create', name: undefined }),
    ).toBe(false);
  });

  it('allows when any rule allows', () => {
    expect(
      rulesAllow(
        [
          { verbs: ['get'], apiGroups: [''], resources: ['secrets'] },
          { verbs: ['patch'], apiGroups: [''], resources: ['secrets'] },
        ],
        secrets,
      ),
    ).toBe(true);
    expect(rulesAllow([], secrets)).toBe(false);
  });
});
