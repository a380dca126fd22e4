import { KNOWN_SERVICES } from '../../profile/knownServices';
import type { ProviderConnection } from '../../types/platformMesh';
import type { KubeconfigSource, PlatformMeshSetup } from '../../types/setup';

/** A small seeded PRNG (mulberry32) so failures reproduce from the printed seed. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) =>
    min + Math.floor(next() * (max - min + 1));
  const bool = () => next() < 0.5;
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)];
  const label = (max = 20) => {
    const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
    const length = int(1, max);
    let text = pick('abcdefghijklmnopqrstuvwxyz'.split(''));
    for (let i = 1; i < length; i++) {
      text += i < length - 1 && next() < 0.15 ? '-' : pick(chars.split(''));
    }
    return text;
  };
  return { next, int, bool, pick, label };
}

type Rng = ReturnType<typeof random>;

/** fluxcd dependencies of the built-in services (see serviceDefaults). */
const DEPENDENCIES: Record<string, string[]> = {
  infra: ['kcp-operator', 'keycloak-operator', 'cnpg-operator'],
};

function kubeconfig(rng: Rng, tag: string): KubeconfigSource {
  const ip = `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
  const server = rng.bool()
    ? `https://${ip}:${rng.int(1, 65535)}`
    : `https://${rng.label()}.example`;
  const source: KubeconfigSource = {
    server,
    credential: rng.bool()
      ? { token: `fake-token-${tag}-${rng.label()}` }
      : {
          clientCertificateData: btoa(`fake-cert-${tag}-${rng.label()}`),
          clientKeyData: btoa(`fake-key-${tag}-${rng.label()}`),
        },
  };
  if (rng.bool()) source.caData = btoa(`fake-ca-${tag}-${rng.label()}`);
  else if (rng.bool()) source.insecureSkipTlsVerify = true;
  return source;
}

function connection(rng: Rng, index: number): ProviderConnection {
  const pc: ProviderConnection = {
    secret: `pc-${index}-${rng.label(10)}`,
    path: `root:${rng.label(8)}`,
  };
  switch (rng.int(0, 3)) {
    case 0:
      pc.adminAuth = true;
      if (rng.bool()) pc.endpointSliceName = 'core.platform-mesh.io';
      break;
    case 1:
      pc.endpointSliceName = `${rng.label(8)}.platform-mesh.io`;
      break;
    case 2:
      pc.apiExportName = `${rng.label(8)}.platform-mesh.io`;
      break;
    default:
      pc.apiExportNames = Array.from(
        { length: rng.int(1, 3) },
        () => `${rng.label(8)}.io`,
      );
  }
  if (rng.bool()) pc.namespace = rng.label();
  return pc;
}

/** A random valid setup: every field the validator accepts, in varied combinations. */
export function randomSetup(rng: Rng): PlatformMeshSetup {
  const technology = rng.pick(['fluxcd', 'argocd'] as const);
  const operator = `op-${rng.label(8)}`;
  const runtime = rng.bool() ? `rt-${rng.label(8)}` : operator;
  const infra = rng.pick([undefined, operator, `inf-${rng.label(8)}`, runtime]);
  const operatorIsInfra = infra === undefined || infra === operator;
  const namespace = rng.label();

  const services = KNOWN_SERVICES.filter(() => rng.next() < 0.4);
  const enabled = new Set<string>(services);
  for (const name of services)
    for (const dep of DEPENDENCIES[name] ?? []) enabled.add(dep);

  const setup: PlatformMeshSetup = {
    instance: { name: rng.label(), namespace },
    target: {
      name: rng.label(),
      operatorCluster: operator,
      runtimeCluster: runtime,
    },
    deploymentTechnology: technology,
    profile: { options: { services: [...enabled] } },
  };
  if (infra !== undefined) setup.target.infraCluster = infra;
  if (rng.bool()) setup.target.operatorNamespace = rng.label();

  const options = (setup.profile as { options: Record<string, unknown> })
    .options;
  if (rng.bool()) options.timeout = `${rng.int(1, 90)}m`;
  if (rng.bool()) options.ocm = { repo: rng.label(), component: rng.label() };
  if (rng.bool())
    options.infraComponents = { certManager: rng.bool(), traefik: rng.bool() };
  if (technology === 'argocd' && enabled.has('cnpg-operator')) {
    options.serviceOverrides = {
      'cnpg-operator': { repoURL: 'https://charts.example.com/cnpg' },
    };
  }

  if (rng.bool()) {
    setup.exposure = {
      baseDomain: Array.from({ length: rng.int(1, 3) }, () =>
        rng.label(10),
      ).join('.'),
      port: rng.int(1, 65535),
      protocol: rng.pick(['http', 'https'] as const),
    };
  }
  if (rng.bool()) {
    setup.kcp = {
      providerConnections: Array.from({ length: rng.int(0, 3) }, (_, i) =>
        connection(rng, i),
      ),
    };
    if (rng.bool()) {
      setup.kcp.extraProviderConnections = [connection(rng, 9)];
      setup.kcp.extraWorkspaces = [
        {
          path: `root:orgs:${rng.label()}`,
          type: { name: 'org', path: 'root' },
        },
      ];
    }
  }
  if (rng.bool())
    setup.featureToggles = [{ name: 'feature-enable-getting-started' }];
  if (rng.bool())
    setup.values = {
      services: { portal: { values: { environment: rng.label() } } },
    };
  if (rng.bool()) setup.profileConfigMapName = `${rng.label()}.profile`;
  if (rng.bool())
    setup.profileConfigMap = { namespace: rng.label(), cluster: runtime };
  if (rng.bool()) {
    setup.secrets = {
      operatorRuntimeKubeconfig: {
        name: `rt-${rng.label()}`,
        key: rng.pick(['kubeconfig', 'config', 'value.yaml']),
      },
      fluxRuntimeKubeconfig: { name: `flux-${rng.label()}`, key: 'kubeconfig' },
      argocdClusterSecret: {
        name: `cluster-${rng.label()}`,
        namespace: rng.pick(['argocd', 'gitops']),
      },
    };
  }

  setup.kubeconfigs = {};
  if (rng.bool())
    setup.kubeconfigs.operatorToRuntime = kubeconfig(rng, 'op-rt');
  if (!operatorIsInfra && rng.bool())
    setup.kubeconfigs.operatorToInfra = kubeconfig(rng, 'op-inf');
  if (technology === 'argocd' || rng.bool())
    setup.kubeconfigs.infraToRuntime = kubeconfig(rng, 'inf-rt');
  return setup;
}

/** Every credential string in a setup's kubeconfig sources. */
export function credentialsOf(setup: PlatformMeshSetup): string[] {
  const values: string[] = [];
  for (const source of Object.values(setup.kubeconfigs ?? {})) {
    if (!source) continue;
    if (source.caData) values.push(source.caData);
    const c = source.credential;
    if ('token' in c) values.push(c.token);
    else values.push(c.clientCertificateData, c.clientKeyData);
  }
  return values;
}
