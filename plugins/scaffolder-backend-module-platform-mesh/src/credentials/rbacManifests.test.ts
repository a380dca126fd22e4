import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_SECRETS,
  OPERATOR_WEBHOOK_SECRETS,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import { parseAllDocuments } from 'yaml';
import {
  GITOPS_SERVICE_ACCOUNT,
  OPERATOR_SERVICE_ACCOUNT,
  operatorIdentityRbac,
} from './serviceAccountRbac';

/** The objects of one file of examples/rbac at the repository root. */
function manifest(file: string): any[] {
  const text = readFileSync(
    join(__dirname, '..', '..', '..', '..', 'examples', 'rbac', file),
    'utf8',
  );
  return parseAllDocuments(text).map(d => d.toJS());
}

const strip = (o: any) => {
  const { metadata, ...rest } = o;
  return { ...rest, name: metadata.name };
};

describe('examples/rbac', () => {
  it('operator-identities.yaml holds exactly the roles and bindings of the code', () => {
    expect(manifest('operator-identities.yaml').map(strip)).toEqual(
      operatorIdentityRbac('platform-mesh-system').map(strip),
    );
  });

  it('no applier manifest writes RBAC or holds bind, escalate or impersonate', () => {
    const rules = [
      ...manifest('applier.yaml'),
      ...manifest('applier-tokens.yaml'),
    ]
      .filter(o => o.kind === 'ClusterRole' || o.kind === 'Role')
      .flatMap(o => o.rules);
    for (const rule of rules) {
      expect(rule.apiGroups).not.toContain('rbac.authorization.k8s.io');
      expect(rule.apiGroups).not.toContain('*');
      expect(rule.resources).not.toContain('*');
      for (const verb of ['*', 'bind', 'escalate', 'impersonate']) {
        expect(rule.verbs).not.toContain(verb);
      }
    }
    // `delete` only on what platform-mesh:delete removes (never namespaces, pods or RBAC)
    const deletable = [
      ...new Set(
        rules.filter(r => r.verbs.includes('delete')).flatMap(r => r.resources),
      ),
    ].sort();
    expect(deletable).toEqual(
      [
        'applications',
        'configmaps',
        'gitrepositories',
        'helmreleases',
        'helmrepositories',
        'kustomizations',
        'ocirepositories',
        'platformmeshes',
        'resources',
        'secrets',
        'serviceaccounts',
      ].sort(),
    );
    for (const rule of rules.filter(
      r =>
        r.verbs.includes('delete') &&
        ['secrets', 'serviceaccounts'].some(k => r.resources.includes(k)),
    )) {
      expect(rule.resourceNames?.length).toBeGreaterThan(0);
    }
  });

  it('names the default kubeconfig Secrets and the ServiceAccounts the apply creates', () => {
    const named = (file: string, resource: string) =>
      manifest(file)
        .filter(o => o.kind === 'ClusterRole')
        .flatMap(o => o.rules)
        .filter(r => r.resources.includes(resource) && r.resourceNames)
        .flatMap(r => r.resourceNames)
        .sort();
    expect(named('applier.yaml', 'secrets')).toEqual(
      [
        ...Object.values(DEFAULT_SECRETS).map(s => s.name),
        // delete only: the operator's webhook Secrets of a decommissioned instance
        ...Object.values(OPERATOR_WEBHOOK_SECRETS),
      ].sort(),
    );
    expect(named('applier-tokens.yaml', 'serviceaccounts/token')).toEqual(
      [OPERATOR_SERVICE_ACCOUNT, GITOPS_SERVICE_ACCOUNT].sort(),
    );
  });
});
