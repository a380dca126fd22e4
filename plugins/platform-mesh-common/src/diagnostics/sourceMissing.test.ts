import { loadSnapshot } from '../snapshot/__fixtures__/loadSnapshot';
import { sourceMissingRule } from './sourceMissing';

describe('source-missing', () => {
  it('finds nothing when every source exists', () => {
    expect(
      sourceMissingRule.evaluate(
        loadSnapshot('snapshot-fluxcd-remote-healthy'),
      ),
    ).toEqual([]);
  });

  it("reports a HelmRelease's missing OCIRepository", () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.infra.ociRepositories = snapshot.infra.ociRepositories.filter(
      s => s.metadata.name !== 'cert-manager',
    );
    expect(sourceMissingRule.evaluate(snapshot)).toEqual([
      {
        id: 'source-missing',
        severity: 'error',
        cluster: 'infra',
        summary: 'OCIRepository cert-manager is missing',
        detail:
          'HelmRelease cert-manager (spec.chartRef) in namespace platform-mesh-system on the infra cluster "infra" uses OCIRepository platform-mesh-system/cert-manager, which does not exist there, so Flux cannot fetch what to deploy.',
        hint: "The operator's ResourceSubroutine creates the OCIRepository cert-manager once the OCM Resource cert-manager or cert-manager-chart (resources.delivery.ocm.software) in namespace platform-mesh-system on the runtime cluster resolves: check that Resource and the OCM Repository and Component named in the PlatformMesh's spec.ocm (kubectl -n platform-mesh-system get resources.delivery.ocm.software,repositories.delivery.ocm.software,components.delivery.ocm.software), or create the OCIRepository cert-manager in namespace platform-mesh-system on the infra cluster yourself.",
      },
    ]);
  });

  it("reports a Kustomization's missing GitRepository and a chart template's missing HelmRepository", () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.infra.gitRepositories = [];
    snapshot.infra.helmReleases[1].spec = {
      ...snapshot.infra.helmReleases[1].spec,
      chartRef: undefined,
      chart: {
        spec: {
          chart: 'portal',
          version: '0.22.1',
          sourceRef: {
            kind: 'HelmRepository',
            name: 'platform-mesh',
            namespace: 'flux-system',
          },
        },
      },
    };
    expect(
      sourceMissingRule.evaluate(snapshot).map(d => [d.summary, d.detail]),
    ).toEqual([
      [
        'HelmRepository platform-mesh is missing',
        'HelmRelease portal (spec.chart.spec.sourceRef) in namespace platform-mesh-system on the infra cluster "infra" uses HelmRepository flux-system/platform-mesh, which does not exist there, so Flux cannot fetch what to deploy.',
      ],
      [
        'GitRepository gateway-api is missing',
        'Kustomization gateway-api (spec.sourceRef) in namespace platform-mesh-system on the infra cluster "infra" uses GitRepository platform-mesh-system/gateway-api, which does not exist there, so Flux cannot fetch what to deploy.',
      ],
    ]);
  });

  it('groups the objects that use the same missing source', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.infra.helmReleases[1].spec!.chartRef = {
      kind: 'OCIRepository',
      name: 'shared',
    };
    snapshot.infra.helmReleases[0].spec!.chartRef = {
      kind: 'OCIRepository',
      name: 'shared',
    };
    expect(sourceMissingRule.evaluate(snapshot).map(d => d.detail)).toEqual([
      'HelmRelease cert-manager (spec.chartRef) and HelmRelease portal (spec.chartRef) in namespace platform-mesh-system on the infra cluster "infra" use OCIRepository platform-mesh-system/shared, which does not exist there, so Flux cannot fetch what to deploy.',
    ]);
  });

  it('gives the operator the grace period to create the source of a new release', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.infra.ociRepositories = [];
    snapshot.infra.helmReleases[0].metadata.creationTimestamp =
      '2026-11-20T09:59:30Z';
    expect(sourceMissingRule.evaluate(snapshot).map(d => d.summary)).toEqual([
      'OCIRepository portal is missing',
    ]);
    expect(
      sourceMissingRule
        .evaluate(snapshot, { gracePeriodSeconds: 0 })
        .map(d => d.summary),
    ).toEqual([
      'OCIRepository cert-manager is missing',
      'OCIRepository portal is missing',
    ]);
  });

  it('does not check kinds the snapshot does not hold (HelmChart, Bucket)', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.infra.helmReleases[0].spec!.chartRef = {
      kind: 'HelmChart',
      name: 'cert-manager',
    };
    snapshot.infra.kustomizations[0].spec!.sourceRef = {
      kind: 'Bucket',
      name: 'manifests',
    };
    expect(sourceMissingRule.evaluate(snapshot)).toEqual([]);
  });

  it('reports nothing when a source kind could not be listed', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.infra.ociRepositories = [];
    snapshot.clusters.infra.resourceErrors = [
      {
        type: 'forbidden',
        message: 'forbidden',
        resource: 'ocirepositories.source.toolkit.fluxcd.io',
        statusCode: 403,
      },
    ];
    expect(sourceMissingRule.evaluate(snapshot)).toEqual([]);
  });

  it('reports a source whose CRD is not installed as missing', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.infra.gitRepositories = [];
    snapshot.clusters.infra.resourceErrors = [
      {
        type: 'crd-missing',
        message: 'no matches for kind',
        resource: 'gitrepositories.source.toolkit.fluxcd.io',
        statusCode: 404,
      },
    ];
    expect(sourceMissingRule.evaluate(snapshot).map(d => d.summary)).toEqual([
      'GitRepository gateway-api is missing',
    ]);
  });

  it('reports nothing when the infra cluster is unreachable', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.infra.ociRepositories = [];
    snapshot.clusters.infra = {
      cluster: 'infra',
      reachable: false,
      error: { type: 'unreachable', message: 'connect ECONNREFUSED' },
    };
    expect(sourceMissingRule.evaluate(snapshot)).toEqual([]);
  });
});
