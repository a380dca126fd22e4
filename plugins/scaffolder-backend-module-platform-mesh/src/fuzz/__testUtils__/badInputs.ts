/**
 * A seeded generator of bad action inputs: each input starts from a valid one and breaks one or
 * more known fields, and says which field paths the InputError must name.
 */

/** A small seeded PRNG (mulberry32), so that a failure reproduces from its seed. */
function seededRandom(seed: number) {
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
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)];
  return { next, int, pick };
}

type Rng = ReturnType<typeof seededRandom>;

/** A token in a task secret: must never appear in an error. */
export const TASK_SECRET_TOKEN = 'fuzz-task-secret-token-7c1e5a9b3d';

/** Task secrets of every run: a kubeconfig that does not parse, holding a token. */
export const TASK_SECRETS = {
  brokenKubeconfig: `apiVersion: v1\nkind: Config\nusers:\n- name: u\n  user: { token: ${TASK_SECRET_TOKEN} }\nclusters: [`,
};

const HUGE = 'h'.repeat(1_000_000);

/** One way to break a field: the input fields it sets and the field paths the error must name. */
interface Breaker {
  sets: string[];
  make(rng: Rng): { values: Record<string, unknown>; names: string[] };
}

const one =
  (field: string, bad: unknown[], names: string[] = [field]): Breaker['make'] =>
  rng => ({ values: { [field]: rng.pick(bad) }, names });

const SHARED: Breaker[] = [
  {
    sets: ['target'],
    make: one('target', [42, ['it'], 'no-such-target', HUGE, {}]),
  },
  { sets: ['name'], make: one('name', ['Bad_Name', '-x', HUGE, 7, false]) },
  { sets: ['namespace'], make: one('namespace', ['Not_A_Ns', HUGE, 5, 'a.b']) },
  {
    sets: ['baseDomain'],
    make: one('baseDomain', [
      'https://portal.example.com',
      'a..b',
      HUGE,
      {},
      'x:1',
    ]),
  },
  { sets: ['port'], make: one('port', [0, 70000, 1.5, '443', Number.NaN, -1]) },
  { sets: ['protocol'], make: one('protocol', ['ftp', HUGE, 3, 'HTTPS']) },
  {
    sets: ['services'],
    make: rng =>
      rng.pick([
        {
          values: { services: ['portal', 'Not A Service'] },
          names: ['services[1]'],
        },
        { values: { services: 'portal' }, names: ['services'] },
        {
          values: { services: Array(100).fill('portal') },
          names: ['services'],
        },
        { values: { services: [HUGE] }, names: ['services[0]'] },
      ]),
  },
  {
    sets: ['serviceOverrides'],
    make: rng =>
      rng.pick([
        { values: { serviceOverrides: 'x' }, names: ['serviceOverrides'] },
        {
          values: { serviceOverrides: { portal: 'x' } },
          names: ['serviceOverrides'],
        },
        {
          values: { serviceOverrides: { portal: { values: { big: HUGE } } } },
          names: ['serviceOverrides'],
        },
      ]),
  },
  {
    sets: ['deploymentTechnology'],
    make: one('deploymentTechnology', ['helm', 7, 'FluxCD', HUGE]),
  },
  {
    sets: ['profile'],
    make: one('profile', [
      'infra: [',
      'p'.repeat(600 * 1024),
      5,
      '- a\n',
      'a: 1\n---\nb: 2\n',
    ]),
  },
  {
    sets: ['featureToggles'],
    make: rng =>
      rng.pick([
        { values: { featureToggles: ['x'] }, names: ['featureToggles[0]'] },
        {
          values: { featureToggles: ['feature-ok', `feature-${HUGE}`] },
          names: ['featureToggles[1]'],
        },
        {
          values: {
            featureToggles: Array.from(
              { length: 40 },
              (_, i) => `feature-x-${i}`,
            ),
          },
          names: ['featureToggles'],
        },
        { values: { featureToggles: 'feature-a' }, names: ['featureToggles'] },
        {
          values: { featureToggles: ['feature-enable-marketplace-org'] },
          names: ['featureToggles[0]'],
        },
      ]),
  },
  {
    sets: ['kcp'],
    make: rng =>
      rng.pick([
        { values: { kcp: 'x' }, names: ['kcp'] },
        {
          values: { kcp: { providerConnections: [{}] } },
          names: ['kcp.providerConnections[0]'],
        },
        { values: { kcp: { bogus: 1 } }, names: ['kcp.bogus'] },
        {
          values: { kcp: { providerConnections: [{ secret: HUGE }] } },
          names: ['kcp'],
        },
      ]),
  },
  {
    sets: ['values'],
    make: one('values', ['x', [1], { big: 'v'.repeat(300 * 1024) }]),
  },
  {
    sets: ['profileConfigMapName'],
    make: one('profileConfigMapName', ['Bad_Name', HUGE, 9]),
  },
  {
    sets: ['secretNames'],
    make: rng =>
      rng.pick([
        {
          values: { secretNames: { bogus: {} } },
          names: ['secretNames.bogus'],
        },
        {
          values: { secretNames: { operatorRuntimeKubeconfig: 'x' } },
          names: ['secretNames.operatorRuntimeKubeconfig'],
        },
        {
          values: {
            secretNames: { operatorRuntimeKubeconfig: { name: 'Bad_Name' } },
          },
          names: ['secretNames.operatorRuntimeKubeconfig.name'],
        },
        { values: { secretNames: [] }, names: ['secretNames'] },
      ]),
  },
  { sets: ['credentials'], make: one('credentials', ['token', 5, HUGE]) },
  {
    sets: ['runtimeServerUrl'],
    make: one('runtimeServerUrl', ['ftp://x', 'not a url', HUGE, 1]),
  },
  {
    sets: ['infraServerUrl'],
    make: one('infraServerUrl', ['ftp://x', 'https://', HUGE, true]),
  },
  { sets: ['entityName'], make: one('entityName', ['bad name!', HUGE, 3]) },
  { sets: ['owner'], make: one('owner', [5, HUGE, {}]) },
];

/** A kubeconfig task secret that does not parse (its token must not leak into the error). */
const BROKEN_KUBECONFIG = (extra: Record<string, unknown>): Breaker => ({
  // The target names the kubeconfigs that are read, so it stays valid.
  sets: ['target', 'credentials', 'kubeconfigSecrets', ...Object.keys(extra)],
  make: () => ({
    values: {
      credentials: 'secrets',
      kubeconfigSecrets: { operatorToRuntime: 'brokenKubeconfig' },
      ...extra,
    },
    names: ['kubeconfigSecrets.operatorToRuntime'],
  }),
});

const APPLY_ONLY: Breaker[] = [
  BROKEN_KUBECONFIG({}),
  {
    sets: ['timeoutSeconds'],
    make: one('timeoutSeconds', [1.5, 0, 'x', 1e9, Number.POSITIVE_INFINITY]),
  },
  {
    sets: ['tokenExpirationSeconds'],
    make: one('tokenExpirationSeconds', [10, 3600.5, '1h']),
  },
  {
    sets: ['pollIntervalSeconds'],
    make: one('pollIntervalSeconds', [0, 1000, Number.NaN, 'x']),
  },
  { sets: ['rotateTokens'], make: one('rotateTokens', ['yes', 1]) },
  { sets: ['force'], make: one('force', ['true', 0]) },
  { sets: ['waitForReady'], make: one('waitForReady', ['no', {}]) },
];

const RENDER_ONLY: Breaker[] = [
  BROKEN_KUBECONFIG({ includeSecrets: true }),
  { sets: ['targetPath'], make: one('targetPath', ['../outside', 5, HUGE]) },
  { sets: ['includeSecrets'], make: one('includeSecrets', ['yes', 1]) },
];

/** A generated bad input and the field paths its error must name. */
interface BadInput {
  input: Record<string, unknown>;
  /** Every field path that was broken. */
  broken: string[];
}

/**
 * The bad input of one seed for an action: a valid input with one to four fields broken (by
 * disjoint breakers), over `base` (a valid input for the action).
 *
 * @param seed - the seed
 * @param action - which action's fields to break
 * @param base - a valid input
 */
export function badInput(
  seed: number,
  action: 'render' | 'apply',
  base: Record<string, unknown>,
): BadInput {
  const rng = seededRandom(seed);
  const pool = [...SHARED, ...(action === 'apply' ? APPLY_ONLY : RENDER_ONLY)];
  const count = rng.int(1, 4);
  const chosen: Breaker[] = [];
  const taken = new Set<string>();
  for (let tries = 0; chosen.length < count && tries < 50; tries++) {
    const breaker = rng.pick(pool);
    if (breaker.sets.some(field => taken.has(field))) continue;
    breaker.sets.forEach(field => taken.add(field));
    chosen.push(breaker);
  }
  const input: Record<string, unknown> = { ...base };
  const broken: string[] = [];
  for (const breaker of chosen) {
    const { values, names } = breaker.make(rng);
    Object.assign(input, values);
    broken.push(...names);
  }
  return { input, broken };
}
