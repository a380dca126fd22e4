import { mockServices } from '@backstage/backend-test-utils';
import type { ClusterError } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { FakeClusters } from '../__testUtils__/StaticTransport';
import {
  devTarget,
  healthyClusters,
  SECRET_TOKEN,
} from '../__testUtils__/fixtures';
import { InformerPool } from './InformerPool';
import { StatusCache } from './StatusCache';

const ref = { target: 'dev', namespace: 'pm-healthy', name: 'platform-mesh' };
const HELM_RELEASES = 'helmreleases.helm.toolkit.fluxcd.io';

async function settle() {
  for (let i = 0; i < 5; i++) await new Promise(r => setImmediate(r));
}

async function cacheWith(
  fail: (clusters: FakeClusters) => void,
): Promise<StatusCache> {
  const clusters = new FakeClusters();
  for (const [cluster, objects] of Object.entries(healthyClusters())) {
    clusters.set(cluster, objects);
  }
  fail(clusters);
  const logger = mockServices.logger.mock();
  const cache = new StatusCache({
    targets: [devTarget],
    pool: new InformerPool({
      transportFactory: clusters.transportFactory,
      logger,
      backoffMs: () => 60_000,
    }),
    logger,
    now: () => new Date('2026-11-25T07:00:00Z'),
  });
  cache.start();
  await settle();
  return cache;
}

const infraFails =
  (error: ClusterError, resource?: string) => (clusters: FakeClusters) =>
    clusters.fail('pm-infra', error, resource);

describe('StatusCache: never healthy on data it could not read', () => {
  let cache: StatusCache | undefined;
  afterEach(async () => cache?.stop());

  it.each([
    [
      'unreachable',
      infraFails({
        type: 'unreachable',
        message: 'connect ECONNREFUSED 127.0.0.1:16444',
      }),
      'Cannot read the infra cluster "pm-infra": unreachable',
    ],
    [
      'forbidden',
      infraFails(
        {
          type: 'forbidden',
          statusCode: 403,
          message: `${HELM_RELEASES} is forbidden`,
        },
        HELM_RELEASES,
      ),
      'Cannot read HelmReleases on the infra cluster "pm-infra": forbidden',
    ],
    [
      'without the HelmRelease CRD',
      infraFails(
        {
          type: 'crd-missing',
          statusCode: 404,
          message: 'the server could not find the requested resource',
        },
        HELM_RELEASES,
      ),
      `Flux (its helm-controller) is not installed on the infra cluster "pm-infra": ${HELM_RELEASES} is not served`,
    ],
  ])(
    'answers unknown, in the status and the instance list, with infra %s',
    async (_, fail, summary) => {
      cache = await cacheWith(fail);
      const status = cache.getStatus(devTarget, ref);
      expect(status.conditions.find(c => c.step === 'Ready')?.status).toBe(
        'True',
      );
      expect(status.releases).toEqual([]);
      expect(status.instance.overall).toBe('unknown');
      expect(status.diagnostics).toContainEqual(
        expect.objectContaining({
          id: 'read-failed',
          cluster: 'infra',
          summary,
        }),
      );
      expect(cache.listInstances(devTarget).instances).toEqual([
        expect.objectContaining({ ...ref, overall: 'unknown' }),
      ]);
      expect(JSON.stringify(status)).not.toContain(SECRET_TOKEN);
    },
  );

  it('stays healthy when only the optional Kustomization CRD is missing, and shows no error for it', async () => {
    cache = await cacheWith(
      infraFails(
        { type: 'crd-missing', message: 'not served' },
        'kustomizations.kustomize.toolkit.fluxcd.io',
      ),
    );
    const status = cache.getStatus(devTarget, ref);
    expect(status.instance.overall).toBe('healthy');
    expect(status.clusters.infra.error).toBeUndefined();
  });

  it('answers unknown when the operator Secrets are forbidden', async () => {
    cache = await cacheWith(clusters =>
      clusters.fail(
        'pm-operator',
        { type: 'forbidden', statusCode: 403, message: 'secrets is forbidden' },
        'secrets',
      ),
    );
    const status = cache.getStatus(devTarget, ref);
    expect(status.instance.overall).toBe('unknown');
    expect(status.diagnostics.map(d => d.summary)).toContain(
      'Cannot read Secrets on the operator cluster "pm-operator": forbidden',
    );
  });
});
