import { cloneJson } from '../profile/deepMerge';
import { describePlannedObject } from '../render/describe';
import { renderPlan } from '../render/plan';
import { redactObject } from '../render/redact';
import { credentialsOf, random, randomSetup } from './__fixtures__/randomSetup';
import { isDnsLabel, isDnsSubdomain } from './rules';
import { validateProfileYaml } from './validateProfileYaml';
import { validateSetup } from './validateSetup';

const RUNS = 100;
const seeds = Array.from({ length: RUNS }, (_, i) => 1000 + i * 7919);

describe('properties of valid setups', () => {
  it.each(seeds)(
    'seed %i: validates, renders valid manifests, re-renders identically',
    seed => {
      const setup = randomSetup(random(seed));
      const validation = validateSetup(setup);
      expect(validation).toEqual({ ok: true, value: setup });

      const plan = renderPlan(setup);
      expect(renderPlan(cloneJson(setup))).toEqual(plan);

      // The rendered profile is valid, and feeding it back as YAML renders the same text.
      expect(validateProfileYaml(plan.profileYaml)).toEqual([]);
      const again = renderPlan({
        ...cloneJson(setup),
        profile: { yaml: plan.profileYaml },
      });
      expect(again.profileYaml).toBe(plan.profileYaml);
      expect(again.objects.map(o => o.object)).toEqual(
        plan.objects.map(o => o.object),
      );

      // Names and order.
      const kinds = plan.objects.map(o => o.object.kind);
      expect(kinds[kinds.length - 1]).toBe('PlatformMesh');
      expect(kinds[kinds.length - 2]).toBe('ConfigMap');
      expect(kinds.lastIndexOf('Namespace')).toBeLessThan(
        kinds.indexOf('Secret') === -1 ? Infinity : kinds.indexOf('Secret'),
      );
      expect(plan.objects.map(o => o.order)).toEqual(
        plan.objects.map((_, i) => i + 1),
      );
      const ids = plan.objects.map(
        o => `${o.cluster}/${describePlannedObject(o)}`,
      );
      expect(new Set(ids).size).toBe(ids.length);
      for (const { object, sensitive, role, cluster } of plan.objects) {
        expect(isDnsSubdomain(object.metadata.name)).toBe(true);
        expect(isDnsLabel(object.metadata.namespace ?? 'cluster-scoped')).toBe(
          true,
        );
        expect(sensitive).toBe(object.kind === 'Secret');
        const expectedCluster = {
          operator: setup.target.operatorCluster,
          runtime: setup.target.runtimeCluster,
          infra: setup.target.infraCluster ?? setup.target.operatorCluster,
        }[role];
        expect(cluster).toBe(expectedCluster);
      }

      // No credential in log lines, redacted objects, Helm values or required Secrets.
      const safe = [
        ...plan.objects.map(
          o => `${describePlannedObject(o)} ${o.description}`,
        ),
        JSON.stringify(plan.objects.map(o => redactObject(o.object))),
        plan.helmValuesYaml,
        JSON.stringify(plan.requiredSecrets),
      ].join('\n');
      for (const credential of credentialsOf(setup)) {
        expect(safe).not.toContain(credential);
      }
    },
  );
});

type Mutation = [string, (s: Record<string, any>) => void];

const mutations: Mutation[] = [
  [
    'instance.name',
    s => {
      s.instance.name = `${s.instance.name}_X`;
    },
  ],
  [
    'instance.namespace',
    s => {
      s.instance.namespace = '';
    },
  ],
  [
    'target.runtimeCluster',
    s => {
      s.target.runtimeCluster = 'a b';
    },
  ],
  [
    'deploymentTechnology',
    s => {
      s.deploymentTechnology = 'kustomize';
    },
  ],
  [
    'exposure.port',
    s => {
      s.exposure = { baseDomain: 'a.b', port: -1, protocol: 'https' };
    },
  ],
  [
    'exposure.protocol',
    s => {
      s.exposure = { baseDomain: 'a.b', port: 1, protocol: 'HTTPS' };
    },
  ],
  [
    'exposure.baseDomain',
    s => {
      s.exposure = { baseDomain: 'http://a.b', port: 1, protocol: 'https' };
    },
  ],
  [
    'profile.options.services[0]',
    s => {
      s.profile.options.services = ['no-such-service'];
    },
  ],
  [
    'profile.options.timeout',
    s => {
      s.profile.options.timeout = 'later';
    },
  ],
  [
    'kcp.providerConnections[0].secret',
    s => {
      s.kcp = { providerConnections: [{ adminAuth: true }] };
    },
  ],
  [
    'kcp.providerConnections[0]',
    s => {
      s.kcp = { providerConnections: [{ secret: 'a' }] };
    },
  ],
  [
    'profileConfigMap.cluster',
    s => {
      s.profileConfigMap = { cluster: `${s.target.runtimeCluster}-other` };
    },
  ],
  [
    'secrets.operatorRuntimeKubeconfig.key',
    s => {
      s.secrets = { operatorRuntimeKubeconfig: { name: 'a', key: 'a:b' } };
    },
  ],
  [
    'kubeconfigs.infraToRuntime.server',
    s => {
      s.kubeconfigs.infraToRuntime = {
        server: 'x',
        credential: { token: 'fake-token-x' },
      };
    },
  ],
];

describe('properties of invalid setups', () => {
  it.each(seeds.slice(0, 60))(
    'seed %i: a broken field is rejected by name',
    seed => {
      const rng = random(seed);
      const setup = randomSetup(rng) as unknown as Record<string, any>;
      const [path, mutate] = rng.pick(mutations);
      mutate(setup);
      const result = validateSetup(setup);
      expect(result.ok).toBe(false);
      expect(result.ok ? [] : result.problems.map(p => p.path)).toContain(path);
      expect(() => renderPlan(setup as never)).toThrow(path);
    },
  );
});
