import { mockServices } from '@backstage/backend-test-utils';
import {
  buildInstanceStatus,
  MAX_STATUS_TEXT_LENGTH,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import {
  helmRelease,
  platformMesh,
  SECRET_TOKEN,
} from '../__testUtils__/fixtures';
import { transformFor } from './transforms';

const HELM_RELEASES = 'helmreleases.helm.toolkit.fluxcd.io';

function malformedHelmRelease() {
  const hr: any = helmRelease('portal', 'False', 'UpgradeFailed');
  hr.status.conditions = [
    null,
    'Ready',
    { status: 'True' },
    {
      ...hr.status.conditions[0],
      reason: 42,
      message: 'm'.repeat(1024 * 1024),
    },
    { ...hr.status.conditions[1], status: 'Maybe', message: { text: 'x' } },
  ];
  hr.status.history = [
    { chartName: 7, chartVersion: ['1'], appVersion: '1.0' },
  ];
  hr.spec.kubeConfig.secretRef.name = 123;
  return hr;
}

describe('transforms: objects are normalised at the cache boundary', () => {
  it('drops null and untyped conditions, type-checks fields and bounds messages', () => {
    const out: any = transformFor(HELM_RELEASES)(malformedHelmRelease());
    expect(out.status.conditions).toHaveLength(2);
    const [ready, stalled] = out.status.conditions;
    expect(ready.reason).toBeUndefined();
    expect(ready.message).toHaveLength(MAX_STATUS_TEXT_LENGTH);
    expect(ready.message.endsWith('…')).toBe(true);
    expect(stalled.status).toBe('Unknown');
    expect(stalled.message).toBeUndefined();
    expect(out.status.history).toEqual([{ appVersion: '1.0' }]);
    expect(out.spec.kubeConfig.secretRef).toEqual({ key: 'kubeconfig' });
  });

  it('gives objects nothing downstream throws on: the status is built and well-typed', () => {
    const hr = transformFor(HELM_RELEASES)(malformedHelmRelease());
    const pm: any = platformMesh();
    pm.status.conditions.unshift(null, { type: 5 });
    const pmOut = transformFor('platformmeshes.core.platform-mesh.io')(pm);
    const cluster = (name: string) => ({
      cluster: name,
      reachable: true,
    });
    const status = buildInstanceStatus({
      ref: { target: 'dev', namespace: 'pm-healthy', name: 'platform-mesh' },
      now: '2026-11-25T07:00:00Z',
      deploymentTechnology: 'fluxcd',
      operatorIsInfra: false,
      operatorNamespace: 'platform-mesh-system',
      expectedSecrets: {
        operatorRuntimeKubeconfig: { name: 'k', key: 'kubeconfig' },
      },
      clusters: {
        operator: cluster('o'),
        runtime: cluster('r'),
        infra: cluster('i'),
      },
      runtime: { platformMesh: pmOut as any, configMaps: [] },
      operator: { secrets: [], platformMeshes: [] },
      infra: {
        secrets: [],
        platformMeshes: [],
        helmReleases: [hr as any],
        kustomizations: [],
        applications: [],
        ociRepositories: [],
        helmRepositories: [],
        gitRepositories: [],
      },
    });
    expect(status.conditions.filter(c => c.status === 'True')).toHaveLength(6);
    expect(status.releases[0]).toMatchObject({
      name: 'portal',
      reason: undefined,
      chart: undefined,
      appVersion: '1.0',
      targetsRemoteCluster: false,
    });
    expect(JSON.stringify(status).length).toBeLessThan(64 * 1024);
  });

  it('warns once per malformed object, not on every event, naming paths but no values', () => {
    const logger = mockServices.logger.mock();
    const transform = transformFor(HELM_RELEASES, logger);
    const hr = malformedHelmRelease();
    hr.status.conditions[3].message = `token ${SECRET_TOKEN} ${'m'.repeat(
      5000,
    )}`;
    for (let i = 0; i < 50; i++) transform(hr);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    const line = String((logger.warn as jest.Mock).mock.calls[0][0]);
    expect(line).toContain(
      `resource=${HELM_RELEASES} object=pm-healthy/portal`,
    );
    expect(line).toContain('status.conditions[0] dropped (null)');
    expect(line).not.toContain(SECRET_TOKEN);

    // another malformed object warns once on its own; a repaired one is forgotten
    const other = malformedHelmRelease();
    other.metadata.name = 'other';
    transform(other);
    transform(other);
    expect(logger.warn).toHaveBeenCalledTimes(2);
    transform(helmRelease('portal'));
    transform(hr);
    expect(logger.warn).toHaveBeenCalledTimes(3);
  });

  it('does not warn for well-formed objects', () => {
    const logger = mockServices.logger.mock();
    transformFor(HELM_RELEASES, logger)(helmRelease('portal'));
    transformFor(
      'platformmeshes.core.platform-mesh.io',
      logger,
    )(platformMesh());
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('keeps Argo CD conditions, which have no status', () => {
    const out: any = transformFor('applications.argoproj.io')({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'portal', namespace: 'pm' },
      spec: { destination: { name: 42, server: 'https://x' } },
      status: {
        conditions: [null, { type: 'ComparisonError', message: 'boom' }],
        health: { status: ['Healthy'] },
      },
    });
    expect(out.status.conditions).toEqual([
      { type: 'ComparisonError', message: 'boom' },
    ]);
    expect(out.status.health).toEqual({});
    expect(out.spec.destination).toEqual({ server: 'https://x' });
  });

  it('keeps only key names of a Secret whose data is malformed', () => {
    expect(
      transformFor('secrets')({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 's', namespace: 'n', labels: { a: 'b', c: 1 } },
        data: 'not-an-object',
        stringData: { kubeconfig: SECRET_TOKEN },
      }),
    ).toEqual({
      name: 's',
      namespace: 'n',
      keys: ['kubeconfig'],
      labels: { a: 'b' },
    });
  });

  it('throws (the informer skips it) for an object without identity', () => {
    expect(() =>
      transformFor(HELM_RELEASES)({ kind: 'HelmRelease' }),
    ).toThrow();
    expect(() => transformFor('secrets')(null)).toThrow();
  });
});
