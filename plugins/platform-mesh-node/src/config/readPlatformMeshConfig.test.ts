import { ConfigReader } from '@backstage/config';
import { readPlatformMeshConfig } from './readPlatformMeshConfig';
import { readClusterRegistry } from './readClusterRegistry';
import { readTargets } from './readTargets';
import { PlatformMeshConfigError } from './PlatformMeshConfigError';

const TOKEN = 'super-secret-token-value-0123456789';
const CA = Buffer.from(
  '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
).toString('base64');

const cluster = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  url: `https://127.0.0.1:${16400 + name.length}`,
  authProvider: 'serviceAccount',
  serviceAccountToken: TOKEN,
  caData: CA,
  ...extra,
});

function problemsOf(
  data: ConstructorParameters<typeof ConfigReader>[0],
): string[] {
  try {
    readPlatformMeshConfig(new ConfigReader(data));
  } catch (error) {
    expect(error).toBeInstanceOf(PlatformMeshConfigError);
    expect((error as Error).message).not.toContain(TOKEN);
    return (error as PlatformMeshConfigError).problems;
  }
  throw new Error('expected the config to be rejected');
}

describe('readPlatformMeshConfig', () => {
  it('reads clusters and targets and applies the defaults', () => {
    const config = readPlatformMeshConfig(
      new ConfigReader({
        platformMesh: {
          clusters: [
            cluster('operator'),
            cluster('runtime', { url: 'https://127.0.0.1:16443/' }),
          ],
          targets: [
            {
              name: 'dev',
              operatorCluster: 'operator',
              runtimeCluster: 'runtime',
              deploymentTechnology: 'fluxcd',
            },
          ],
        },
      }),
    );
    expect(config.clusterSource).toBe('platformMesh');
    expect(config.clusters.map(c => c.name)).toEqual(['operator', 'runtime']);
    expect(config.clusters[1]).toMatchObject({
      url: 'https://127.0.0.1:16443',
      authProvider: 'serviceAccount',
      skipTLSVerify: false,
      configPath: 'platformMesh.clusters[1]',
    });
    expect(config.targets).toEqual([
      {
        name: 'dev',
        operatorCluster: 'operator',
        runtimeCluster: 'runtime',
        infraCluster: 'operator',
        operatorIsInfra: true,
        deploymentTechnology: 'fluxcd',
        namespace: 'platform-mesh-system',
        operatorNamespace: 'platform-mesh-system',
        namespaces: ['platform-mesh-system'],
        runtimeServerUrl: 'https://127.0.0.1:16443',
        secrets: {
          operatorRuntimeKubeconfig: {
            name: 'platform-mesh-kubeconfig',
            key: 'kubeconfig',
          },
          operatorInfraKubeconfig: {
            name: 'platform-mesh-infra-kubeconfig',
            key: 'kubeconfig',
          },
          fluxRuntimeKubeconfig: {
            name: 'platform-mesh-runtime-secret',
            key: 'kubeconfig',
          },
        },
        configPath: 'platformMesh.targets[0]',
      },
    ]);
    expect(config.resyncSeconds).toBe(300);
    expect(config.requestTimeoutMs).toBe(10_000);
  });

  it('reads explicit target options', () => {
    const config = readPlatformMeshConfig(
      new ConfigReader({
        platformMesh: {
          clusters: [cluster('operator'), cluster('runtime'), cluster('infra')],
          targets: [
            {
              name: 'prod',
              operatorCluster: 'operator',
              runtimeCluster: 'runtime',
              infraCluster: 'infra',
              deploymentTechnology: 'argocd',
              namespace: 'pm',
              namespaces: ['pm', 'team-*'],
              operatorNamespace: 'pm-operator',
              runtimeServerUrl: 'https://runtime.internal:6443',
              secrets: { fluxRuntimeKubeconfig: { name: 'rt', key: 'config' } },
            },
          ],
          cache: { resyncSeconds: 60 },
          requestTimeoutSeconds: 2.5,
        },
      }),
    );
    expect(config.targets[0]).toMatchObject({
      infraCluster: 'infra',
      operatorIsInfra: false,
      deploymentTechnology: 'argocd',
      namespace: 'pm',
      namespaces: ['pm', 'team-*'],
      operatorNamespace: 'pm-operator',
      runtimeServerUrl: 'https://runtime.internal:6443',
      secrets: {
        fluxRuntimeKubeconfig: { name: 'rt', key: 'config' },
        operatorRuntimeKubeconfig: {
          name: 'platform-mesh-kubeconfig',
          key: 'kubeconfig',
        },
      },
    });
    expect(config.resyncSeconds).toBe(60);
    expect(config.requestTimeoutMs).toBe(2500);
  });

  it('falls back to the Kubernetes plugin clusters of type config', () => {
    const config = readPlatformMeshConfig(
      new ConfigReader({
        kubernetes: {
          clusterLocatorMethods: [
            { type: 'catalog' },
            {
              type: 'config',
              clusters: [
                {
                  name: 'k8s-a',
                  url: 'https://127.0.0.1:6443',
                  authProvider: 'serviceAccount',
                  serviceAccountToken: TOKEN,
                  skipTLSVerify: true,
                  caFile: undefined,
                },
                {
                  name: 'k8s-b',
                  url: 'https://127.0.0.1:6444',
                  authProvider: 'oidc',
                },
              ],
            },
          ],
        },
        platformMesh: {
          targets: [
            {
              name: 'dev',
              operatorCluster: 'k8s-a',
              runtimeCluster: 'k8s-b',
              deploymentTechnology: 'fluxcd',
            },
          ],
        },
      }),
    );
    expect(config.clusterSource).toBe('kubernetes');
    expect(config.clusters).toEqual([
      expect.objectContaining({
        name: 'k8s-a',
        skipTLSVerify: true,
        serviceAccountToken: TOKEN,
        configPath: 'kubernetes.clusterLocatorMethods[1].clusters[0]',
      }),
      expect.objectContaining({ name: 'k8s-b', authProvider: 'oidc' }),
    ]);
    expect(config.targets[0].runtimeServerUrl).toBe('https://127.0.0.1:6444');
  });

  it('prefers platformMesh.clusters over the Kubernetes plugin clusters', () => {
    const config = readPlatformMeshConfig(
      new ConfigReader({
        kubernetes: {
          clusterLocatorMethods: [
            { type: 'config', clusters: [cluster('from-kubernetes')] },
          ],
        },
        platformMesh: { clusters: [cluster('own')] },
      }),
    );
    expect(config.clusters.map(c => c.name)).toEqual(['own']);
  });

  it('accepts an empty configuration', () => {
    const config = readPlatformMeshConfig(new ConfigReader({}));
    expect(config).toMatchObject({
      clusters: [],
      targets: [],
      clusterSource: 'none',
    });
  });

  it('reads the diagnostics grace period: default 120, zero allowed, negative refused', () => {
    const read = (diagnostics: object) =>
      readPlatformMeshConfig(
        new ConfigReader({ platformMesh: { diagnostics } }),
      ).diagnosticsGracePeriodSeconds;
    expect(read({})).toBe(120);
    expect(read({ gracePeriodSeconds: 0 })).toBe(0);
    expect(read({ gracePeriodSeconds: 30 })).toBe(30);
    expect(() => read({ gracePeriodSeconds: -1 })).toThrow(
      'platformMesh.diagnostics.gracePeriodSeconds: must be zero or a positive number',
    );
  });

  it('reports every cluster problem', () => {
    const problems = problemsOf({
      platformMesh: {
        clusters: [
          { url: 'https://127.0.0.1:1', serviceAccountToken: TOKEN },
          { name: 'no-url', serviceAccountToken: TOKEN },
          { name: 'bad-url', url: 'not a url', serviceAccountToken: TOKEN },
          { name: 'ftp', url: 'ftp://127.0.0.1', serviceAccountToken: TOKEN },
          {
            name: 'creds',
            url: `https://user:${TOKEN}@127.0.0.1`,
            serviceAccountToken: TOKEN,
          },
          {
            name: 'no-token',
            url: 'https://127.0.0.1:2',
            authProvider: 'serviceAccount',
          },
          cluster('bad-ca', { caData: 'not base64 pem!' }),
          cluster('both-ca', { caFile: '/nonexistent/ca.pem' }),
          cluster('no-ca-file', {
            caData: undefined,
            caFile: '/nonexistent/ca.pem',
          }),
          cluster('flag', { skipTLSVerify: 'maybe' }),
          cluster('dup'),
          cluster('dup'),
        ],
      },
    });
    expect(problems).toEqual([
      'platformMesh.clusters[0].name: is required',
      'platformMesh.clusters[1].url: is required',
      'platformMesh.clusters[2].url: is not a valid URL',
      'platformMesh.clusters[3].url: must be an http:// or https:// URL',
      'platformMesh.clusters[4].url: must not contain credentials (user:password@)',
      'platformMesh.clusters[5].serviceAccountToken: is required for authProvider "serviceAccount"',
      'platformMesh.clusters[6].caData: must be a base64-encoded PEM certificate bundle',
      'platformMesh.clusters[7]: set only one of caData and caFile',
      'platformMesh.clusters[7].caFile: file does not exist',
      'platformMesh.clusters[8].caFile: file does not exist',
      'platformMesh.clusters[9].skipTLSVerify: must be a boolean',
      'platformMesh.clusters[11].name: duplicate cluster name "dup" (also platformMesh.clusters[10])',
    ]);
  });

  it('reports every target problem together with cluster problems', () => {
    const problems = problemsOf({
      platformMesh: {
        clusters: [
          cluster('operator'),
          cluster('runtime'),
          cluster('broken', { url: 'nope' }),
        ],
        targets: [
          {
            operatorCluster: 'operator',
            runtimeCluster: 'runtime',
            deploymentTechnology: 'fluxcd',
          },
          {
            name: 'dev',
            operatorCluster: 'operator',
            runtimeCluster: 'x',
            deploymentTechnology: 'fluxcd',
          },
          {
            name: 'Bad_Name',
            operatorCluster: 'nope',
            runtimeCluster: 'runtime',
            infraCluster: 'gone',
            deploymentTechnology: 'helm',
          },
          {
            name: 'no-tech',
            operatorCluster: 'operator',
            runtimeCluster: 'runtime',
            namespace: 'Not Valid',
          },
          {
            name: 'argo',
            operatorCluster: 'operator',
            runtimeCluster: 'runtime',
            deploymentTechnology: 'argocd',
          },
          {
            name: 'secrets',
            operatorCluster: 'operator',
            runtimeCluster: 'broken',
            deploymentTechnology: 'fluxcd',
            operatorNamespace: '-x-',
            runtimeServerUrl: 'https://a:b@127.0.0.1',
            secrets: {
              operatorRuntimeKubeconfig: { name: 'UPPER', key: 'bad key' },
            },
          },
          {
            name: 'dev',
            operatorCluster: 'operator',
            runtimeCluster: 'runtime',
            deploymentTechnology: 'fluxcd',
          },
        ],
        cache: { resyncSeconds: 0 },
        requestTimeoutSeconds: -1,
      },
    });
    expect(problems).toEqual([
      'platformMesh.clusters[2].url: is not a valid URL',
      'platformMesh.targets[0].name: is required',
      'platformMesh.targets[1].runtimeCluster: unknown cluster "x"',
      `platformMesh.targets[2].name: "Bad_Name" must be a DNS label (lower-case letters, digits and '-')`,
      'platformMesh.targets[2].operatorCluster: unknown cluster "nope"',
      'platformMesh.targets[2].infraCluster: unknown cluster "gone"',
      'platformMesh.targets[2].deploymentTechnology: "helm" must be fluxcd or argocd',
      'platformMesh.targets[3].deploymentTechnology: is required (fluxcd or argocd)',
      'platformMesh.targets[3].namespace: "Not Valid" must be a DNS label',
      'platformMesh.targets[4].runtimeServerUrl: is required for argocd targets (the runtime API URL as Argo CD on the infra cluster reaches it)',
      'platformMesh.targets[5].operatorNamespace: "-x-" must be a DNS label',
      'platformMesh.targets[5].runtimeServerUrl: must not contain credentials (user:password@)',
      'platformMesh.targets[5].secrets.operatorRuntimeKubeconfig.name: "UPPER" is not a valid Secret name',
      'platformMesh.targets[5].secrets.operatorRuntimeKubeconfig.key: "bad key" is not a valid data key',
      'platformMesh.targets[6].name: duplicate target name "dev" (also platformMesh.targets[1])',
      'platformMesh.cache.resyncSeconds: must be a positive number',
      'platformMesh.requestTimeoutSeconds: must be a positive number',
    ]);
  });

  it('throws one error whose message names every problem', () => {
    expect(() =>
      readPlatformMeshConfig(
        new ConfigReader({
          platformMesh: {
            clusters: [{ name: 'a', url: 'https://127.0.0.1:1' }],
            targets: [
              {
                name: 't',
                operatorCluster: 'a',
                runtimeCluster: 'x',
                deploymentTechnology: 'fluxcd',
              },
            ],
          },
        }),
      ),
    ).toThrow(
      'Invalid platformMesh configuration (2 problems):\n' +
        '  - platformMesh.clusters[0].serviceAccountToken: is required for authProvider "serviceAccount"\n' +
        '  - platformMesh.targets[0].runtimeCluster: unknown cluster "x"',
    );
  });

  it('reports broken Kubernetes plugin entries by their own path', () => {
    const problems = problemsOf({
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              {
                name: 'a',
                url: 'https://127.0.0.1:1',
                authProvider: 'serviceAccount',
              },
            ],
          },
        ],
      },
    });
    expect(problems).toEqual([
      'kubernetes.clusterLocatorMethods[0].clusters[0].serviceAccountToken: is required for authProvider "serviceAccount"',
    ]);
  });

  it('reports values of the wrong type without echoing them', () => {
    const problems = problemsOf({
      platformMesh: {
        clusters: [
          { name: 'a', url: 'https://127.0.0.1:1', serviceAccountToken: 12345 },
        ],
      },
    });
    expect(problems).toContain(
      'platformMesh.clusters[0].serviceAccountToken: must be a string',
    );
    expect(problems.join('\n')).not.toContain('12345');
  });

  it('checks every entry of a target namespace allow-list', () => {
    const target = (namespaces: string | string[]) => ({
      platformMesh: {
        clusters: [cluster('operator'), cluster('runtime')],
        targets: [
          {
            name: 'dev',
            operatorCluster: 'operator',
            runtimeCluster: 'runtime',
            deploymentTechnology: 'fluxcd',
            namespaces,
          },
        ],
      },
    });
    expect(problemsOf(target(['ok', 'Bad', '*-x', 'a/b']))).toEqual([
      `platformMesh.targets[0].namespaces[1]: "Bad" must be a namespace name or a pattern of lower-case letters, digits, '-' and '*'`,
      `platformMesh.targets[0].namespaces[3]: "a/b" must be a namespace name or a pattern of lower-case letters, digits, '-' and '*'`,
    ]);
    expect(problemsOf(target([]))).toEqual([
      'platformMesh.targets[0].namespaces: must list at least one namespace or pattern (leave it out to allow only "platform-mesh-system")',
    ]);
    expect(problemsOf(target('pm-*'))).toEqual([
      'platformMesh.targets[0].namespaces: must be a list of strings',
    ]);
  });
});

describe('readClusterRegistry and readTargets', () => {
  it('read each part on its own', () => {
    const config = new ConfigReader({
      platformMesh: {
        clusters: [cluster('a'), cluster('b')],
        targets: [
          {
            name: 't',
            operatorCluster: 'a',
            runtimeCluster: 'b',
            deploymentTechnology: 'fluxcd',
          },
        ],
      },
    });
    const registry = readClusterRegistry(config);
    expect(registry.source).toBe('platformMesh');
    expect(registry.list().map(c => c.name)).toEqual(['a', 'b']);
    expect(registry.get('b')?.name).toBe('b');
    expect(registry.get('c')).toBeUndefined();
    expect(readTargets(config, registry).map(t => t.name)).toEqual(['t']);
  });

  it('throw PlatformMeshConfigError', () => {
    const config = new ConfigReader({
      platformMesh: {
        clusters: [cluster('a', { url: 'x' })],
        targets: [
          {
            name: 't',
            operatorCluster: 'a',
            runtimeCluster: 'b',
            deploymentTechnology: 'fluxcd',
          },
        ],
      },
    });
    expect(() => readClusterRegistry(config)).toThrow(
      'platformMesh.clusters[0].url: is not a valid URL',
    );
    const empty = readClusterRegistry(new ConfigReader({}));
    expect(() => readTargets(config, empty)).toThrow(
      /platformMesh.targets\[0\].operatorCluster: unknown cluster "a"[\s\S]*runtimeCluster: unknown cluster "b"/,
    );
  });
});
