import { ConfigReader } from '@backstage/config';
import type {
  PlatformMeshClusterDetails,
  PlatformMeshTarget,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { devTarget, SECRET_TOKEN } from '../__testUtils__/fixtures';
import { readReconcileConfig } from './readReconcileConfig';

const cluster = (name: string, url: string): PlatformMeshClusterDetails => ({
  name,
  url,
  authProvider: 'serviceAccount',
  serviceAccountToken: SECRET_TOKEN,
  skipTLSVerify: false,
  configPath: `platformMesh.clusters[${name}]`,
});

const clusters = [
  cluster('pm-runtime', 'https://127.0.0.1:16443'),
  cluster('pm-infra', 'https://127.0.0.1:16444'),
  cluster('pm-runtime-writer', 'https://127.0.0.1:16443/'),
  cluster('pm-infra-writer', 'https://127.0.0.1:16444'),
];
const targets: PlatformMeshTarget[] = [devTarget];

const read = (reconcile: unknown) =>
  readReconcileConfig(
    new ConfigReader({
      platformMesh: { targets: [{ name: 'dev', reconcile }] },
    } as any),
    targets,
    clusters,
  );

describe('readReconcileConfig', () => {
  it('reads the write cluster per role', () => {
    expect(
      read({
        clusters: { runtime: 'pm-runtime-writer', infra: 'pm-infra-writer' },
      }).get('dev'),
    ).toEqual({ runtime: 'pm-runtime-writer', infra: 'pm-infra-writer' });
  });

  it('is empty without the key', () => {
    expect(
      readReconcileConfig(
        new ConfigReader({ platformMesh: { targets: [{ name: 'dev' }] } }),
        targets,
        clusters,
      ).get('dev'),
    ).toBeUndefined();
  });

  it.each([
    [
      { clusters: { infra: 'nope' } },
      'reconcile.clusters.infra: unknown cluster "nope"',
    ],
    [
      { clusters: { infra: 'pm-infra' } },
      "is the target's infra cluster itself",
    ],
    [
      { clusters: { infra: 'pm-runtime-writer' } },
      'does not have the same url as the infra cluster "pm-infra"',
    ],
    [
      { clusters: { runtime: 7 } },
      'reconcile.clusters.runtime: must be a cluster name',
    ],
  ])(
    'refuses %j, naming the key and never a URL or token',
    (reconcile, message) => {
      let error: any;
      try {
        read(reconcile);
      } catch (e) {
        error = e;
      }
      expect(error?.name).toBe('PlatformMeshConfigError');
      expect(error.message).toContain(
        'platformMesh.targets[0].reconcile.clusters',
      );
      expect(error.message).toContain(message);
      expect(error.message).not.toContain('127.0.0.1');
      expect(error.message).not.toContain(SECRET_TOKEN);
    },
  );
});
