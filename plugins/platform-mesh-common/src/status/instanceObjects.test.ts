import { loadSnapshot } from '../snapshot/__fixtures__/loadSnapshot';
import { buildInstanceStatus } from './buildInstanceStatus';
import { findInstanceObject, instanceObjectRefs } from './instanceObjects';

describe('instanceObjectRefs', () => {
  const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
  snapshot.runtime.ocmResources = [
    {
      apiVersion: 'delivery.ocm.software/v1alpha1',
      kind: 'Resource',
      metadata: { name: 'portal-chart', namespace: snapshot.ref.namespace },
    },
  ];
  const status = buildInstanceStatus(snapshot);
  const profile = {
    name: 'platform-mesh-profile',
    namespace: snapshot.ref.namespace,
  };
  const refs = instanceObjectRefs(status, profile);

  it('names the PlatformMesh, its profile, releases, sources and OCM Resources with their roles', () => {
    const ns = snapshot.ref.namespace;
    expect(refs[0]).toEqual({
      role: 'runtime',
      kind: 'PlatformMesh',
      namespace: ns,
      name: snapshot.ref.name,
    });
    expect(refs).toContainEqual({
      role: 'runtime',
      kind: 'ConfigMap',
      ...profile,
    });
    expect(refs).toContainEqual({
      role: 'runtime',
      kind: 'Resource',
      namespace: ns,
      name: 'portal-chart',
    });
    for (const r of status.releases)
      expect(refs).toContainEqual({
        role: 'infra',
        kind: r.kind,
        namespace: r.namespace,
        name: r.name,
      });
    for (const s of status.sources)
      expect(refs).toContainEqual({
        role: 'infra',
        kind: s.kind,
        namespace: s.namespace,
        name: s.name,
      });
    expect(status.releases.length).toBeGreaterThan(0);
    expect(refs.some(r => r.kind === 'Secret')).toBe(false);
  });

  it('finds an object only with its role, kind, namespace and name', () => {
    const release = status.releases[0];
    const wanted = {
      role: 'infra' as const,
      kind: release.kind,
      namespace: release.namespace,
      name: release.name,
    };
    expect(findInstanceObject(refs, wanted)).toEqual(wanted);
    expect(
      findInstanceObject(refs, { ...wanted, role: 'runtime' }),
    ).toBeUndefined();
    expect(
      findInstanceObject(refs, { ...wanted, name: 'other' }),
    ).toBeUndefined();
    expect(
      findInstanceObject(refs, { ...wanted, kind: 'Secret' }),
    ).toBeUndefined();
  });
});
