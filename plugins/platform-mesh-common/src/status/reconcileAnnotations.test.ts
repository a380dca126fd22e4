import { reconcileAnnotations, RECONCILE_KINDS } from './reconcileAnnotations';

const AT = '2026-12-01T10:00:00.123Z';

describe('reconcileAnnotations', () => {
  it.each([
    'Kustomization',
    'OCIRepository',
    'HelmRepository',
    'GitRepository',
  ] as const)('%s: only reconcile.fluxcd.io/requestedAt', kind => {
    expect(
      reconcileAnnotations(kind, AT, { force: true, reset: true }),
    ).toEqual({ 'reconcile.fluxcd.io/requestedAt': AT });
  });

  it('HelmRelease: forceAt and resetAt carry the SAME value as requestedAt', () => {
    expect(reconcileAnnotations('HelmRelease', AT)).toEqual({
      'reconcile.fluxcd.io/requestedAt': AT,
    });
    expect(
      reconcileAnnotations('HelmRelease', AT, { force: true, reset: true }),
    ).toEqual({
      'reconcile.fluxcd.io/requestedAt': AT,
      'reconcile.fluxcd.io/forceAt': AT,
      'reconcile.fluxcd.io/resetAt': AT,
    });
    expect(reconcileAnnotations('HelmRelease', AT, { reset: true })).toEqual({
      'reconcile.fluxcd.io/requestedAt': AT,
      'reconcile.fluxcd.io/resetAt': AT,
    });
  });

  it('Application: a normal refresh, hard when forced', () => {
    expect(reconcileAnnotations('Application', AT)).toEqual({
      'argocd.argoproj.io/refresh': 'normal',
    });
    expect(reconcileAnnotations('Application', AT, { force: true })).toEqual({
      'argocd.argoproj.io/refresh': 'hard',
    });
  });

  it('PlatformMesh: a touch annotation with the request time', () => {
    expect(reconcileAnnotations('PlatformMesh', AT)).toEqual({
      'platform-mesh.io/reconcile-requested-at': AT,
    });
  });

  it('knows where each kind lives', () => {
    expect(RECONCILE_KINDS.PlatformMesh.role).toBe('runtime');
    expect(
      Object.entries(RECONCILE_KINDS)
        .filter(([k]) => k !== 'PlatformMesh')
        .every(([, v]) => v.role === 'infra'),
    ).toBe(true);
  });
});
