import type { Kustomization } from '../types/flux';
import buildFailed from './__fixtures__/kustomization-build-failed.json';
import ready from './__fixtures__/kustomization-ready.json';
import { describeKustomization, kustomizationHealth } from './kustomization';

const ks = (fixture: unknown): Kustomization =>
  JSON.parse(JSON.stringify(fixture)) as Kustomization;

describe('kustomizationHealth', () => {
  it('is healthy when applied', () => {
    expect(kustomizationHealth(ks(ready))).toBe('healthy');
  });

  it('is degraded while a failing build is retried', () => {
    expect(kustomizationHealth(ks(buildFailed))).toBe('degraded');
  });

  it('is suspended with spec.suspend', () => {
    const suspended = ks(ready);
    suspended.spec!.suspend = true;
    expect(kustomizationHealth(suspended)).toBe('suspended');
  });
});

describe('describeKustomization', () => {
  it('describes an applied Kustomization', () => {
    expect(describeKustomization(ks(ready))).toEqual({
      kind: 'Kustomization',
      name: 'gateway-api',
      namespace: 'platform-mesh-system',
      health: 'healthy',
      reason: 'ReconciliationSucceeded',
      message:
        'Applied revision: v1.2.1@sha1:4a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d',
      version: 'v1.2.1@sha1:4a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d',
      suspended: false,
      lastTransitionTime: '2026-11-20T09:03:00Z',
      targetsRemoteCluster: true,
    });
  });

  it('describes a failing Kustomization without kubeConfig', () => {
    expect(describeKustomization(ks(buildFailed))).toEqual({
      kind: 'Kustomization',
      name: 'gateway-api',
      namespace: 'platform-mesh-system',
      health: 'degraded',
      reason: 'ArtifactFailed',
      message: 'kustomization path not found: ./config/crd/experimental-typo',
      version: 'v1.2.1@sha1:4a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d',
      suspended: false,
      lastTransitionTime: '2026-11-20T09:30:00Z',
      targetsRemoteCluster: false,
    });
  });
});
