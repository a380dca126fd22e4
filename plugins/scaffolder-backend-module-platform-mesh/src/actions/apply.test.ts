import {
  createMockDirectory,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { delay, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { parse } from 'yaml';
import { decodeTokenClaims } from '../credentials/serviceAccountTokens';
import {
  CORE_RESOURCES,
  RBAC_RESOURCES,
} from '@platform-mesh-backstage/plugin-platform-mesh-node-test-utils';
import {
  actionContext,
  createFakes,
  createService,
  permissions,
  TOKENS,
  URLS,
} from '../__testUtils__/fakeClusters';
import {
  readyConditions,
  serveStatus,
  stoppedConditions,
} from '../__testUtils__/statusHelpers';
import { createPlatformMeshApplyAction } from './apply';

const server = setupServer();
registerMswTestHooks(server);
const workspace = createMockDirectory();

type Fakes = ReturnType<typeof createFakes>;

function setup(
  options: {
    fakes?: Fakes;
    allow?: boolean;
    requestTimeoutSeconds?: number;
  } = {},
) {
  const fakes = options.fakes ?? createFakes();
  fakes.use(server);
  const clusters = createService({
    requestTimeoutSeconds: options.requestTimeoutSeconds,
  });
  const perms = permissions(options.allow === false ? 'DENY' : 'ALLOW');
  const action = createPlatformMeshApplyAction({
    clusters,
    permissions: perms,
  });
  const run = async (
    input: Record<string, any>,
    extra: Partial<Parameters<typeof actionContext>[0]> = {},
  ) => {
    const context = actionContext({
      input,
      workspacePath: workspace.path,
      ...extra,
    });
    let error: Error | undefined;
    try {
      await action.handler(context.ctx);
    } catch (e) {
      error = e as Error;
    }
    return { ...context, error };
  };
  return { fakes, run, perms, clusters };
}

const INPUT = {
  target: 'dev',
  name: 'pm-unit',
  namespace: 'pm-unit-ns',
  baseDomain: 'portal.example.com',
  port: 8443,
};

function names(fake: any, kind: string): string[] {
  return [...fake.objects.values()]
    .filter((o: any) => o.kind === kind)
    .map((o: any) =>
      o.metadata.namespace
        ? `${o.metadata.namespace}/${o.metadata.name}`
        : o.metadata.name,
    )
    .sort();
}

function secretKubeconfig(
  fake: any,
  namespace: string,
  name: string,
  key = 'kubeconfig',
) {
  const secret = fake.objects.get(`/secrets|${namespace}|${name}`);
  return parse(Buffer.from(secret.data[key], 'base64').toString('utf8'));
}

/** The namespaces of INPUT exist already (a re-install): every object can be dry-run at once. */
function seedNamespaces(fakes: ReturnType<typeof createFakes>) {
  const ns = (name: string) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name },
  });
  fakes.operator.seed(ns('platform-mesh-system'));
  for (const fake of [fakes.runtime, fakes.infra]) {
    fake.seed(ns('platform-mesh-system'));
    fake.seed(ns('pm-unit-ns'));
  }
}

/** Everything a run made visible: log lines, outputs and the error. */
function visible(result: { lines: string[]; outputs: object; error?: Error }) {
  return [
    ...result.lines,
    JSON.stringify(result.outputs),
    result.error ? `${result.error.name} ${result.error.message}` : '',
  ].join('\n');
}

describe('platform-mesh:apply', () => {
  it('creates everything on the right clusters, dry-running every object before the first write', async () => {
    const { fakes, run } = setup();
    const result = await run(INPUT);
    expect(result.error).toBeUndefined();

    // operator cluster: the operator namespace and the kubeconfig Secrets it mounts
    expect(names(fakes.operator, 'Secret')).toEqual([
      'platform-mesh-system/platform-mesh-infra-kubeconfig',
      'platform-mesh-system/platform-mesh-kubeconfig',
    ]);
    // runtime cluster: ConfigMap + PlatformMesh in the instance namespace, ServiceAccounts + RBAC
    expect(names(fakes.runtime, 'ConfigMap')).toEqual([
      'pm-unit-ns/pm-unit-profile',
    ]);
    expect(names(fakes.runtime, 'PlatformMesh')).toEqual([
      'pm-unit-ns/pm-unit',
    ]);
    expect(names(fakes.runtime, 'ServiceAccount')).toEqual([
      'platform-mesh-system/platform-mesh-gitops',
      'platform-mesh-system/platform-mesh-operator',
    ]);
    // their ClusterRoles and bindings are an administrator's step (examples/rbac)
    expect(names(fakes.runtime, 'ClusterRole')).toEqual([]);
    expect(names(fakes.runtime, 'ClusterRoleBinding')).toEqual([]);
    expect(names(fakes.runtime, 'Secret')).toEqual([]);
    // infra cluster: the Flux Secret in the instance namespace, the operator's ServiceAccount
    expect(names(fakes.infra, 'Secret')).toEqual([
      'pm-unit-ns/platform-mesh-runtime-secret',
    ]);
    expect(names(fakes.infra, 'ClusterRole')).toEqual([]);
    expect(names(fakes.infra, 'PlatformMesh')).toEqual([]);

    // kubeconfigs: the server URL the consumer uses and a token minted for the right account
    const operatorKubeconfig = secretKubeconfig(
      fakes.operator,
      'platform-mesh-system',
      'platform-mesh-kubeconfig',
    );
    expect(operatorKubeconfig.clusters[0].cluster.server).toBe(URLS.runtime);
    const operatorToken = operatorKubeconfig.users[0].user.token;
    expect(decodeTokenClaims(operatorToken)?.sub).toBe(
      'system:serviceaccount:platform-mesh-system:platform-mesh-operator',
    );
    const fluxToken = secretKubeconfig(
      fakes.infra,
      'pm-unit-ns',
      'platform-mesh-runtime-secret',
    ).users[0].user.token;
    expect(decodeTokenClaims(fluxToken)?.sub).toBe(
      'system:serviceaccount:platform-mesh-system:platform-mesh-gitops',
    );
    const infraKubeconfig = secretKubeconfig(
      fakes.operator,
      'platform-mesh-system',
      'platform-mesh-infra-kubeconfig',
    );
    expect(infraKubeconfig.clusters[0].cluster.server).toBe(URLS.infra);
    const claims = decodeTokenClaims(operatorToken)!;
    expect(claims.exp! - claims.iat!).toBe(365 * 24 * 3600);

    // rendered Namespaces carry a label of ours, so a re-run finds them unchanged
    expect(
      fakes.runtime.get({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'pm-unit-ns' },
      }).metadata.labels,
    ).toEqual({ 'app.kubernetes.io/managed-by': 'backstage-platform-mesh' });

    // every dry run before the first write; the PlatformMesh written last
    const journal = fakes.journal.filter(r =>
      ['PATCH', 'POST'].includes(r.method),
    );
    // (on this first install only the Namespaces go first: the objects in them are checked next)
    const firstWrite = journal.findIndex(
      r =>
        !r.dryRun &&
        !r.path.endsWith('selfsubjectaccessreviews') &&
        !/^\/api\/v1\/namespaces\/[^/]+$/.test(r.path),
    );
    const lastDryRun = journal.map(r => r.dryRun).lastIndexOf(true);
    const writes = journal.filter(r => !r.dryRun && r.method === 'PATCH');
    expect(writes.at(-1)!.path).toContain('/platformmeshes/pm-unit');
    expect(writes.at(-2)!.path).toContain('/configmaps/pm-unit-profile');
    expect(firstWrite).toBeGreaterThan(
      journal.findIndex(r => r.dryRun && r.path.includes('platformmeshes')),
    );
    expect(lastDryRun).toBeGreaterThan(0);

    expect(result.outputs).toMatchObject({
      instanceRef: { target: 'dev', namespace: 'pm-unit-ns', name: 'pm-unit' },
      annotation: 'dev/pm-unit-ns/pm-unit',
      entityRef: 'resource:default/dev-pm-unit-ns-pm-unit',
      entityUrl: '/catalog/default/resource/dev-pm-unit-ns-pm-unit',
      dryRun: false,
      requiredSecrets: [],
    });
    expect(result.outputs.summary.created).toBe(
      Object.values(result.outputs.appliedObjects).flat().length,
    );
    expect(result.outputs.appliedObjects.runtime).toContainEqual({
      role: 'runtime',
      object: 'PlatformMesh pm-unit-ns/pm-unit',
      action: 'created',
    });
    expect(result.outputs.tokens).toHaveLength(3);
    expect(result.checkpointKeys).toEqual([
      'platform-mesh.apply.dev/pm-unit-ns/pm-unit.namespaces',
      'platform-mesh.apply.dev/pm-unit-ns/pm-unit.prepare',
      'platform-mesh.apply.dev/pm-unit-ns/pm-unit.credentials',
      'platform-mesh.apply.dev/pm-unit-ns/pm-unit.profile',
      'platform-mesh.apply.dev/pm-unit-ns/pm-unit.instance',
    ]);
  });

  it('reports everything unchanged on a second run with the same input, minting no new token', async () => {
    const { fakes, run } = setup();
    await run(INPUT);
    const minted =
      fakes.runtime.mintedTokens.length + fakes.infra.mintedTokens.length;
    const second = await run(INPUT);
    expect(second.error).toBeUndefined();
    expect(second.outputs.summary).toEqual({
      created: 0,
      configured: 0,
      unchanged: Object.values(second.outputs.appliedObjects).flat().length,
    });
    expect(
      fakes.runtime.mintedTokens.length + fakes.infra.mintedTokens.length,
    ).toBe(minted);
    expect(second.outputs.tokens.map((t: any) => t.origin)).toEqual([
      'reused',
      'reused',
      'reused',
    ]);
  });

  it('touches the PlatformMesh when only the profile changes', async () => {
    const { fakes, run } = setup();
    await run({ ...INPUT, services: ['portal', 'openfga'] });
    const pmBefore = fakes.runtime.get({
      apiVersion: 'core.platform-mesh.io/v1alpha1',
      kind: 'PlatformMesh',
      metadata: { name: 'pm-unit', namespace: 'pm-unit-ns' },
    });
    const second = await run({
      ...INPUT,
      services: ['portal', 'openfga', 'iam-ui'],
    });
    expect(second.error).toBeUndefined();
    const changed = Object.values(second.outputs.appliedObjects)
      .flat()
      .filter((o: any) => o.action !== 'unchanged')
      .map((o: any) => o.object);
    expect(changed).toEqual([
      'ConfigMap pm-unit-ns/pm-unit-profile',
      'PlatformMesh pm-unit-ns/pm-unit',
    ]);
    const pmAfter = fakes.runtime.get(pmBefore);
    expect(pmAfter.spec).toEqual(pmBefore.spec);
    expect(
      pmAfter.metadata.annotations['platform-mesh.io/profile-sha256'],
    ).not.toBe(
      pmBefore.metadata.annotations['platform-mesh.io/profile-sha256'],
    );
  });

  it('fails with an InputError naming every bad field before any cluster call', async () => {
    const { fakes, run } = setup();
    const result = await run({
      target: 'nope',
      name: 'Bad_Name',
      baseDomain: 'https://portal.example.com/x',
      port: 99999,
      waitForReady: 'yes',
    });
    expect(result.error?.name).toBe('InputError');
    for (const field of ['target', 'waitForReady']) {
      expect(result.error?.message).toContain(`${field}:`);
    }
    expect(fakes.all.flatMap(f => f.requests)).toEqual([]);

    const second = await run({
      target: 'dev',
      name: 'Bad_Name',
      baseDomain: 'https://portal.example.com/x',
      port: 99999,
      protocol: 'ftp',
      services: ['portal', 'Not A Service'],
      kcp: { providerConnections: [{ path: 'root:x' }] },
    });
    expect(second.error?.name).toBe('InputError');
    for (const field of [
      'name',
      'baseDomain',
      'port',
      'protocol',
      'services[1]',
      'kcp.providerConnections[0].secret',
    ]) {
      expect(second.error?.message).toContain(`${field}:`);
    }
    expect(fakes.all.flatMap(f => f.requests)).toEqual([]);
  });

  it('refuses a user without the apply permission before any cluster call', async () => {
    const { fakes, run } = setup({ allow: false });
    const result = await run(INPUT);
    expect(result.error?.name).toBe('NotAllowedError');
    expect(fakes.all.flatMap(f => f.requests)).toEqual([]);
  });

  it('reports a denied access review on one cluster and a missing CRD on another at once, writing nothing', async () => {
    const fakes = createFakes();
    fakes.runtime.accessReview = attributes => ({
      allowed: !(
        attributes.resource === 'platformmeshes' && attributes.verb === 'patch'
      ),
    });
    // infra without the Flux CRDs
    (fakes.infra as any).resources = [...CORE_RESOURCES, ...RBAC_RESOURCES];
    const { run } = setup({ fakes });
    const result = await run(INPUT);
    expect(result.error?.name).toBe('PreflightError');
    expect(result.error?.message).toContain('nothing was written');
    expect(result.error?.message).toMatch(
      /runtime cluster "runtime": forbidden: may not patch platformmeshes.core.platform-mesh.io "pm-unit" in namespace pm-unit-ns/,
    );
    expect(result.error?.message).toMatch(
      /infra cluster "infra": crd-missing: the Flux HelmRelease CRD/,
    );
    expect(fakes.writes()).toEqual([]);
    expect(fakes.all.flatMap(f => f.requests).some(r => r.dryRun)).toBe(false);
  });

  it('reports a missing PlatformMesh CRD on the runtime cluster', async () => {
    const fakes = createFakes();
    (fakes.runtime as any).resources = [...CORE_RESOURCES, ...RBAC_RESOURCES];
    const { run } = setup({ fakes });
    const result = await run(INPUT);
    expect(result.error?.name).toBe('PreflightError');
    expect(result.error?.message).toMatch(
      /runtime cluster "runtime": crd-missing: the PlatformMesh CRD \(platformmeshes.core.platform-mesh.io\) is not installed .*platform-mesh-operator-crds/,
    );
    expect(fakes.writes()).toEqual([]);
  });

  it('writes nothing when the dry run is refused (403) on one cluster', async () => {
    const fakes = createFakes();
    fakes.infra.intercept(request =>
      request.method === 'PATCH' &&
      request.dryRun &&
      request.path.includes('/secrets/')
        ? HttpResponse.json(
            {
              kind: 'Status',
              status: 'Failure',
              reason: 'Forbidden',
              code: 403,
              message:
                'secrets "platform-mesh-runtime-secret" is forbidden: denied by admission policy',
            },
            { status: 403 },
          )
        : undefined,
    );
    seedNamespaces(fakes);
    const { run } = setup({ fakes });
    const result = await run(INPUT);
    expect(result.error?.message).toMatch(
      /Dry run failed for 1 object\(s\) on 1 cluster\(s\); nothing was written/,
    );
    expect(result.error?.message).toContain(
      'infra cluster "infra" Secret pm-unit-ns/platform-mesh-runtime-secret: forbidden',
    );
    expect(fakes.writes()).toEqual([]);
    expect(fakes.runtime.mintedTokens).toEqual([]);
  });

  it('reports field-manager conflicts as a ConflictError naming field and manager, and takes them over with force', async () => {
    const fakes = createFakes();
    const pm = {
      apiVersion: 'core.platform-mesh.io/v1alpha1',
      kind: 'PlatformMesh',
      metadata: { name: 'pm-unit', namespace: 'pm-unit-ns' },
      spec: {
        exposure: {
          baseDomain: 'old.example.com',
          port: 443,
          protocol: 'https',
        },
      },
    };
    seedNamespaces(fakes);
    fakes.runtime.seed(pm);
    fakes.runtime.setConflict(pm, [
      { field: '.spec.exposure.baseDomain', manager: 'kubectl-edit' },
    ]);
    const { run } = setup({ fakes });
    const result = await run(INPUT);
    expect(result.error?.name).toBe('ConflictError');
    expect(result.error?.message).toContain(
      '.spec.exposure.baseDomain (owned by kubectl-edit)',
    );
    expect(result.error?.message).toContain('force: true');
    expect(fakes.writes()).toEqual([]);

    const forced = await run({ ...INPUT, force: true });
    expect(forced.error).toBeUndefined();
    expect(fakes.runtime.get(pm).spec.exposure.baseDomain).toBe(
      'portal.example.com',
    );
  });

  it('reports a cluster that does not answer in time as a timeout, writing nothing', async () => {
    const fakes = createFakes();
    fakes.infra.intercept(async () => {
      await delay(3000);
      return HttpResponse.json({});
    });
    const { run } = setup({ fakes, requestTimeoutSeconds: 1 });
    const result = await run(INPUT);
    expect(result.error?.name).toBe('PreflightError');
    expect(result.error?.message).toMatch(/infra cluster "infra": timeout/);
    expect(fakes.writes()).toEqual([]);
  });

  it('never shows a token or kubeconfig in logs, outputs or errors', async () => {
    const { fakes, run } = setup();
    const runs = [
      await run(INPUT),
      await run({ ...INPUT, rotateTokens: true }),
    ];
    // a failing run after tokens were minted
    fakes.runtime.intercept(request =>
      request.method === 'PATCH' &&
      !request.dryRun &&
      request.path.includes('platformmeshes')
        ? HttpResponse.json(
            { kind: 'Status', code: 500, message: 'etcd unavailable' },
            { status: 500 },
          )
        : undefined,
    );
    runs.push(await run({ ...INPUT, rotateTokens: true }));
    runs.push(await run({ ...INPUT, rotateTokens: true }, { isDryRun: true }));
    expect(runs[2].error).toBeDefined();
    const minted = [...fakes.runtime.mintedTokens, ...fakes.infra.mintedTokens];
    expect(minted.length).toBeGreaterThanOrEqual(6);
    const secrets = [...minted, ...Object.values(TOKENS)];
    for (const r of runs) {
      const text = visible(r);
      // Secret values travel base64-encoded: decode every base64-looking run as well
      const decoded = (text.match(/[A-Za-z0-9+/]{40,}={0,2}/g) ?? [])
        .map(chunk => Buffer.from(chunk, 'base64').toString('utf8'))
        .join('\n');
      for (const secret of secrets) {
        expect(text).not.toContain(secret);
        expect(text).not.toContain(secret.split('.')[1] ?? secret);
        expect(decoded).not.toContain(secret);
      }
      expect(text).not.toMatch(/client-key-data|BEGIN (RSA )?PRIVATE KEY/);
    }
  });

  it('skips the finished steps when a failed task is retried', async () => {
    const { fakes, run } = setup();
    const checkpoints = new Map<string, unknown>();
    let failPlatformMesh = true;
    fakes.runtime.intercept(request =>
      failPlatformMesh &&
      request.method === 'PATCH' &&
      !request.dryRun &&
      request.path.includes('platformmeshes')
        ? HttpResponse.json(
            { kind: 'Status', code: 500, message: 'etcd unavailable' },
            { status: 500 },
          )
        : undefined,
    );
    const first = await run(INPUT, { checkpoints });
    expect(first.error?.message).toContain(
      'Apply step "PlatformMesh" stopped at runtime cluster "runtime" PlatformMesh pm-unit-ns/pm-unit',
    );
    expect([...checkpoints.keys()].map(k => k.split('.').at(-1))).toEqual([
      'namespaces',
      'prepare',
      'credentials',
      'profile',
    ]);

    failPlatformMesh = false;
    const before = fakes.writes().length;
    const minted = fakes.runtime.mintedTokens.length;
    const retry = await run(INPUT, { checkpoints });
    expect(retry.error).toBeUndefined();
    const retryWrites = fakes.writes().slice(before);
    expect(retryWrites).toEqual([
      `${URLS.runtime} PATCH /apis/core.platform-mesh.io/v1alpha1/namespaces/pm-unit-ns/platformmeshes/pm-unit`,
    ]);
    expect(fakes.runtime.mintedTokens.length).toBe(minted);
    // the outputs still list every object (from the stored checkpoints)
    const planned = Number(
      first.lines.join('\n').match(/\((\d+) objects;/)![1],
    );
    expect(Object.values(retry.outputs.appliedObjects).flat()).toHaveLength(
      planned,
    );
  });

  it('does everything but the writes in a dry run and logs a redacted diff', async () => {
    const { fakes, run } = setup();
    const result = await run(INPUT, { isDryRun: true });
    expect(result.error).toBeUndefined();
    expect(fakes.writes()).toEqual([]);
    expect(fakes.runtime.mintedTokens).toEqual([]);
    expect(result.outputs.dryRun).toBe(true);
    expect(result.outputs.summary.created).toBeGreaterThan(10);
    const text = result.lines.join('\n');
    expect(text).toContain('+ spec.exposure.baseDomain: portal.example.com');
    expect(text).toContain('+ data.kubeconfig: (redacted)');
    expect(text).toContain('nothing was written');
  });

  describe('waitForReady', () => {
    const WAIT = { ...INPUT, waitForReady: true, pollIntervalSeconds: 0.05 };

    it('returns when the PlatformMesh becomes Ready, logging step transitions once', async () => {
      const fakes = createFakes();
      let polls = 0;
      serveStatus(fakes.runtime, 'pm-unit-ns', 'pm-unit', () => {
        polls++;
        return {
          conditions:
            polls < 4
              ? stoppedConditions('RootShard is not ready')
              : readyConditions(),
        };
      });
      const { run } = setup({ fakes });
      const result = await run({ ...WAIT, timeoutSeconds: 10 });
      expect(result.error).toBeUndefined();
      expect(result.outputs.ready).toBe(true);
      const progress = result.lines.filter(l =>
        l.includes('PlatformMesh pm-unit-ns/pm-unit'),
      );
      expect(
        progress.filter(l => l.includes('RootShard is not ready')),
      ).toHaveLength(1);
      expect(progress.some(l => l.includes('is Ready'))).toBe(true);
    });

    it('times out with the message of the step it stopped at', async () => {
      const fakes = createFakes();
      serveStatus(fakes.runtime, 'pm-unit-ns', 'pm-unit', () => ({
        conditions: stoppedConditions(
          'cert-manager CRD issuers.cert-manager.io is not established',
        ),
      }));
      const { run } = setup({ fakes });
      const started = Date.now();
      const result = await run({ ...WAIT, timeoutSeconds: 1 });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(result.error?.name).toBe('WaitForReadyError');
      expect(result.error?.message).toMatch(
        /Timed out after 1s waiting for PlatformMesh pm-unit-ns\/pm-unit to become Ready; it stopped at DeploymentSubroutine False\/Stopped: cert-manager CRD issuers.cert-manager.io is not established/,
      );
    });

    it('fails fast on a condition with reason Error', async () => {
      const fakes = createFakes();
      serveStatus(fakes.runtime, 'pm-unit-ns', 'pm-unit', () => ({
        conditions: [
          {
            type: 'DeploymentSubroutine',
            status: 'False',
            reason: 'Error',
            message:
              'configMap pm-unit-ns/pm-unit-profile exists but does not contain key profile.yaml',
            observedGeneration: 1,
          },
        ],
      }));
      const { run } = setup({ fakes });
      const started = Date.now();
      const result = await run({ ...WAIT, timeoutSeconds: 30 });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(result.error?.message).toContain(
        'PlatformMesh pm-unit-ns/pm-unit failed: DeploymentSubroutine False/Error: configMap pm-unit-ns/pm-unit-profile exists but does not contain key profile.yaml',
      );
    });

    it('fails fast on a Stalled HelmRelease on the infra cluster', async () => {
      const fakes = createFakes();
      serveStatus(fakes.runtime, 'pm-unit-ns', 'pm-unit', () => ({
        conditions: stoppedConditions(
          'resource pm-unit-ns/portal of type HelmRelease is not ready yet',
        ),
      }));
      fakes.infra.seed({
        apiVersion: 'helm.toolkit.fluxcd.io/v2',
        kind: 'HelmRelease',
        metadata: {
          name: 'portal',
          namespace: 'pm-unit-ns',
          labels: { 'core.platform-mesh.io/operator-created': 'true' },
        },
        spec: {},
        status: {
          conditions: [
            {
              type: 'Ready',
              status: 'False',
              reason: 'UpgradeFailed',
              message:
                'Helm upgrade failed for release pm-unit-ns/portal: context deadline exceeded',
            },
            {
              type: 'Stalled',
              status: 'True',
              reason: 'RetriesExceeded',
              message: 'Failed to upgrade after 3 attempt(s)',
            },
          ],
        },
      });
      const { run } = setup({ fakes });
      const result = await run({ ...WAIT, timeoutSeconds: 30 });
      expect(result.error?.message).toBe(
        'HelmRelease pm-unit-ns/portal on the infra cluster failed (RetriesExceeded): Failed to upgrade after 3 attempt(s) — Helm upgrade failed for release pm-unit-ns/portal: context deadline exceeded',
      );
    });
  });

  describe('credentials', () => {
    const kubeconfig = (url: string, token: string) =>
      [
        'apiVersion: v1',
        'kind: Config',
        'clusters:',
        `- name: c\n  cluster:\n    server: ${url}`,
        'users:',
        `- name: u\n  user:\n    token: ${token}`,
        'contexts:',
        '- name: x\n  context: { cluster: c, user: u }',
        'current-context: x',
      ].join('\n');
    const SECRET_TOKEN = 'task-secret-token-7d1e2f3a4b5c6d7e';

    it('uses kubeconfigs from the task secrets, never minting tokens', async () => {
      const { fakes, run } = setup();
      const result = await run(
        {
          ...INPUT,
          credentials: 'secrets',
          kubeconfigSecrets: {
            operatorToRuntime: 'runtime',
            operatorToInfra: 'infra',
            infraToRuntime: 'runtime',
          },
        },
        {
          secrets: {
            runtime: kubeconfig('https://runtime.internal:6443', SECRET_TOKEN),
            infra: kubeconfig('https://infra.internal:6443', SECRET_TOKEN),
          },
        },
      );
      expect(result.error).toBeUndefined();
      expect(fakes.runtime.mintedTokens).toEqual([]);
      expect(names(fakes.runtime, 'ServiceAccount')).toEqual([]);
      const written = secretKubeconfig(
        fakes.infra,
        'pm-unit-ns',
        'platform-mesh-runtime-secret',
      );
      expect(written.clusters[0].cluster.server).toBe(
        'https://runtime.internal:6443',
      );
      expect(written.users[0].user.token).toBe(SECRET_TOKEN);
      expect(visible(result)).not.toContain(SECRET_TOKEN);
    });

    it('names a bad kubeconfig task secret without quoting it', async () => {
      const { fakes, run } = setup();
      const result = await run(
        { ...INPUT, credentials: 'secrets' },
        {
          secrets: {
            operatorToRuntimeKubeconfig: `apiVersion: v1\nclusters:\n- name: c\n  cluster: { server: https://x }\nusers:\n- name: u\n  user:\n    exec: { command: ${SECRET_TOKEN} }\n`,
          },
        },
      );
      expect(result.error?.name).toBe('InputError');
      expect(result.error?.message).toContain(
        'kubeconfigSecrets.operatorToRuntime: task secret "operatorToRuntimeKubeconfig" its user uses \'exec\'',
      );
      expect(result.error?.message).not.toContain(SECRET_TOKEN);
      expect(fakes.all.flatMap(f => f.requests)).toEqual([]);
    });

    it('writes no Secret with credentials: none and lists them as required', async () => {
      const { fakes, run } = setup();
      const result = await run({ ...INPUT, credentials: 'none' });
      expect(result.error).toBeUndefined();
      expect(fakes.all.flatMap(f => names(f, 'Secret'))).toEqual([]);
      expect(result.outputs.requiredSecrets.map((s: any) => s.name)).toEqual([
        'platform-mesh-kubeconfig',
        'platform-mesh-infra-kubeconfig',
        'platform-mesh-runtime-secret',
      ]);
    });

    it('puts the Flux Secret on the operator cluster and needs no infra ServiceAccount when Operator == Infra', async () => {
      const { fakes, run } = setup();
      const result = await run({ ...INPUT, target: 'colocated' });
      expect(result.error).toBeUndefined();
      expect(names(fakes.operator, 'Secret')).toEqual([
        'platform-mesh-system/platform-mesh-kubeconfig',
        'pm-unit-ns/platform-mesh-runtime-secret',
      ]);
      expect(names(fakes.infra, 'ServiceAccount')).toEqual([]);
      expect(fakes.infra.requests).toEqual([]);
    });

    it('writes the Argo CD cluster Secret and the destination server in argocd mode', async () => {
      const { fakes, run } = setup();
      const ARGO = {
        ...INPUT,
        target: 'argo',
        serviceOverrides: {
          'cnpg-operator': { repoURL: 'https://charts.example.com/cnpg' },
        },
      };
      const result = await run(ARGO);
      expect(result.error).toBeUndefined();
      expect(names(fakes.infra, 'Secret')).toEqual([
        'argocd/platform-mesh-cluster-secret',
      ]);
      const secret = fakes.infra.objects.get(
        '/secrets|argocd|platform-mesh-cluster-secret',
      );
      expect(secret.metadata.labels['argocd.argoproj.io/secret-type']).toBe(
        'cluster',
      );
      expect(Buffer.from(secret.data.server, 'base64').toString()).toBe(
        'https://runtime.internal:6443',
      );
      const profile = fakes.runtime.objects.get(
        '/configmaps|pm-unit-ns|pm-unit-profile',
      ).data['profile.yaml'];
      expect(parse(profile).components.destinationServer).toBe(
        'https://runtime.internal:6443',
      );
      // re-run: the token in the Argo CD cluster config is reused
      const second = await run(ARGO);
      expect(second.outputs.summary.configured).toBe(0);
    });

    it('rotates a token with less than a quarter of its lifetime left', async () => {
      const { fakes, run } = setup();
      await run(INPUT);
      const minted = fakes.runtime.mintedTokens.length;
      // a year minus ten months later
      fakes.runtime.now = () => Date.now();
      const later = Date.now() + 300 * 24 * 3600 * 1000;
      const realNow = Date.now;
      Date.now = () => later;
      try {
        const second = await run(INPUT);
        expect(second.error).toBeUndefined();
        expect(fakes.runtime.mintedTokens.length).toBe(minted + 2);
        expect(second.outputs.tokens.map((t: any) => t.origin)).toContain(
          'minted',
        );
      } finally {
        Date.now = realNow;
      }
    });
  });
});
