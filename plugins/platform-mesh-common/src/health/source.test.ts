import type { FluxSource } from '../types/flux';
import gitStalled from './__fixtures__/gitrepository-stalled.json';
import helmRepoOci from './__fixtures__/helmrepository-oci-static.json';
import ociPullFailed from './__fixtures__/ocirepository-pull-failed.json';
import ociReady from './__fixtures__/ocirepository-ready.json';
import { describeSource, sourceHealth } from './source';

const src = (fixture: unknown): FluxSource =>
  JSON.parse(JSON.stringify(fixture)) as FluxSource;

describe('sourceHealth', () => {
  it.each([
    ['a stored OCI artifact', ociReady, 'healthy'],
    ['a pull that fails and is retried', ociPullFailed, 'degraded'],
    ['a stalled GitRepository', gitStalled, 'failed'],
    ['a static OCI HelmRepository without conditions', helmRepoOci, 'healthy'],
  ])('%s', (_, fixture, expected) => {
    expect(sourceHealth(src(fixture))).toBe(expected);
  });

  it('treats a suspended OCI HelmRepository as suspended', () => {
    const repo = src(helmRepoOci);
    repo.spec!.suspend = true;
    expect(sourceHealth(repo)).toBe('suspended');
  });

  it('treats a default HelmRepository without conditions as progressing', () => {
    const repo = src(helmRepoOci);
    repo.spec = { url: 'https://charts.example.test', interval: '5m' };
    expect(sourceHealth(repo)).toBe('progressing');
  });
});

describe('describeSource', () => {
  it('describes a ready OCIRepository with its artifact revision', () => {
    expect(describeSource(src(ociReady))).toEqual({
      kind: 'OCIRepository',
      name: 'cert-manager',
      namespace: 'platform-mesh-system',
      health: 'healthy',
      reason: 'Succeeded',
      message:
        "stored artifact for digest 'v1.16.2@sha256:0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9'",
      url: 'oci://oci.example.test/platform-mesh/charts/cert-manager',
      revision:
        'v1.16.2@sha256:0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9',
    });
  });

  it('describes a failing pull from Ready', () => {
    expect(describeSource(src(ociPullFailed))).toEqual({
      kind: 'OCIRepository',
      name: 'portal',
      namespace: 'platform-mesh-system',
      health: 'degraded',
      reason: 'OCIArtifactPullFailed',
      message:
        'failed to determine artifact digest: GET https://oci.example.test/v2/platform-mesh/charts/portal/manifests/0.22.9: MANIFEST_UNKNOWN: manifest unknown',
      url: 'oci://oci.example.test/platform-mesh/charts/portal',
    });
  });

  it('describes a stalled GitRepository from Stalled', () => {
    expect(describeSource(src(gitStalled))).toEqual({
      kind: 'GitRepository',
      name: 'gateway-api',
      namespace: 'platform-mesh-system',
      health: 'failed',
      reason: 'URLInvalid',
      message: "git URL scheme 'git' is not supported",
      url: 'git::gateway-api',
    });
  });

  it('describes a static OCI HelmRepository', () => {
    expect(describeSource(src(helmRepoOci))).toEqual({
      kind: 'HelmRepository',
      name: 'keycloak-operator',
      namespace: 'platform-mesh-system',
      health: 'healthy',
      url: 'oci://oci.example.test/platform-mesh/charts',
    });
  });
});
