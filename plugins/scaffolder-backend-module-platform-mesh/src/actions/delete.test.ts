import {
  createMockDirectory,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { setupServer } from 'msw/node';
import {
  actionContext,
  createService,
  permissions,
  TOKENS,
} from '../__testUtils__/fakeClusters';
import {
  decommissionFakes,
  recordingAuditor,
  SEEDED_TOKEN,
} from '../delete/__testUtils__/decommissionFakes';
import { createPlatformMeshDeleteAction } from './delete';

const server = setupServer();
registerMswTestHooks(server);

const NS = 'pm-team-a';
const workspace = createMockDirectory();

function run(
  input: Record<string, unknown>,
  options: { allow?: boolean; isDryRun?: boolean } = {},
) {
  const { auditor, events } = recordingAuditor();
  const action = createPlatformMeshDeleteAction({
    clusters: createService(),
    permissions: permissions(options.allow === false ? 'DENY' : 'ALLOW'),
    auditor,
  });
  const context = actionContext({
    input,
    workspacePath: workspace.path,
    isDryRun: options.isDryRun,
  });
  return { action, events, ...context, go: () => action.handler(context.ctx) };
}

const INPUT = {
  instanceRef: `dev/${NS}/pm`,
  confirm: 'pm',
  waitTimeoutSeconds: 2,
};

describe('platform-mesh:delete', () => {
  it('removes the instance from every cluster, says what per cluster, audits it, and never shows a credential', async () => {
    const fakes = decommissionFakes(NS);
    fakes.use(server);
    const { go, outputs, lines, events } = run(INPUT);
    await go();
    expect(outputs.removed).toEqual({
      runtime: [
        { kind: 'PlatformMesh', namespace: NS, name: 'pm' },
        { kind: 'Resource', namespace: NS, name: 'portal-chart' },
        { kind: 'ConfigMap', namespace: NS, name: 'pm-profile' },
        {
          kind: 'ServiceAccount',
          namespace: 'platform-mesh-system',
          name: 'platform-mesh-operator',
        },
        {
          kind: 'ServiceAccount',
          namespace: 'platform-mesh-system',
          name: 'platform-mesh-gitops',
        },
      ],
      infra: [
        { kind: 'HelmRelease', namespace: NS, name: 'portal' },
        { kind: 'OCIRepository', namespace: NS, name: 'portal' },
        { kind: 'Secret', namespace: NS, name: 'platform-mesh-runtime-secret' },
      ],
      operator: [
        {
          kind: 'Secret',
          namespace: 'platform-mesh-system',
          name: 'platform-mesh-kubeconfig',
        },
      ],
    });
    expect(outputs.kept).toEqual([]);
    expect(outputs.dryRun).toBe(false);
    expect(
      fakes.runtime.objects.size +
        fakes.infra.objects.size +
        fakes.operator.objects.size,
    ).toBe(0);
    expect(events).toEqual([
      {
        options: expect.objectContaining({
          eventId: 'decommission',
          severityLevel: 'high',
          meta: expect.objectContaining({
            instance: `dev/${NS}/pm`,
            initiator: 'user:default/platform-engineer',
            clusters: {
              operator: 'operator',
              runtime: 'runtime',
              infra: 'infra',
            },
          }),
        }),
        outcome: { status: 'succeeded', options: expect.anything() },
      },
    ]);
    const text = JSON.stringify({ outputs, lines, events });
    for (const secret of [SEEDED_TOKEN, ...Object.values(TOKENS)]) {
      expect(text).not.toContain(secret);
    }
  });

  it('is idempotent: a second run finds nothing and says so', async () => {
    const fakes = decommissionFakes(NS);
    fakes.use(server);
    await run(INPUT).go();
    const before = fakes.writes().length;
    const second = run(INPUT);
    await second.go();
    expect(fakes.writes()).toHaveLength(before);
    expect(second.outputs.removed).toEqual({});
    expect(second.lines.join('\n')).toContain('it is already decommissioned');
  });

  it("in the scaffolder's dry run lists what would be removed and removes nothing", async () => {
    const fakes = decommissionFakes(NS);
    fakes.use(server);
    const { go, outputs } = run(INPUT, { isDryRun: true });
    await go();
    expect(fakes.writes()).toEqual([]);
    expect(outputs.dryRun).toBe(true);
    expect(outputs.removed.runtime[0]).toEqual({
      kind: 'PlatformMesh',
      namespace: NS,
      name: 'pm',
    });
    expect(
      fakes.journal.filter(r => r.method === 'DELETE' && r.dryRun),
    ).toHaveLength(9);
  });

  it('keeps the kubeconfig Secret and the releases another instance in the namespace shares, and says why', async () => {
    const fakes = decommissionFakes(NS);
    fakes.seedInstance('pm-2');
    fakes.use(server);
    const { go, outputs } = run(INPUT);
    await go();
    expect(outputs.removed).toEqual({
      runtime: [
        { kind: 'PlatformMesh', namespace: NS, name: 'pm' },
        { kind: 'ConfigMap', namespace: NS, name: 'pm-profile' },
      ],
    });
    expect(outputs.kept).toContainEqual(
      expect.objectContaining({
        role: 'infra',
        kind: 'Secret',
        name: 'platform-mesh-runtime-secret',
        reason: expect.stringContaining(`shared with PlatformMesh ${NS}/pm-2`),
      }),
    );
    expect(fakes.infra.objects.size).toBe(3);
  });

  it('refuses without platform-mesh.delete before any cluster call, and audits nothing', async () => {
    const fakes = decommissionFakes(NS);
    fakes.use(server);
    const { go, events } = run(INPUT, { allow: false });
    await expect(go()).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining('platform-mesh.delete'),
    });
    expect(fakes.journal).toEqual([]);
    expect(events).toEqual([]);
  });

  it.each([
    [
      { instanceRef: 'dev/only-two' },
      /instanceRef: must be <target>\/<namespace>\/<name>/,
    ],
    [
      { instanceRef: `dev/${NS}/pm`, name: 'other' },
      /name: "other" does not match instanceRef/,
    ],
    [
      { instanceRef: `nowhere/${NS}/pm` },
      /target: "nowhere" is not a configured target/,
    ],
    [
      { instanceRef: `dev/${NS}/pm`, confirm: 'pn' },
      /confirm: must repeat the instance name "pm"/,
    ],
    [{ target: 'dev' }, /name: is required/],
    [
      { instanceRef: `dev/${NS}/Not_A_Name` },
      /name: must be an RFC 1123 subdomain/,
    ],
    [
      { instanceRef: `dev/${NS}/pm`, waitTimeoutSeconds: 0 },
      /waitTimeoutSeconds: must be an integer from 1 to 3600/,
    ],
    [
      { instanceRef: 'dev/kube-system/pm' },
      /namespace: "kube-system" is not allowed for target "dev"/,
    ],
  ])('refuses %j before any cluster call', async (input, message) => {
    const fakes = decommissionFakes(NS);
    fakes.use(server);
    await expect(run(input).go()).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(message),
    });
    expect(fakes.journal).toEqual([]);
  });

  it('names every input problem at once', async () => {
    await expect(
      run({ instanceRef: 'x', confirm: 3, removeFinalizer: 'yes' }).go(),
    ).rejects.toThrow(
      /Invalid input \(instanceRef, confirm, removeFinalizer\)/,
    );
  });

  it('fails, audited, without deleting anything when a cluster cannot be read', async () => {
    const fakes = decommissionFakes(NS);
    fakes.infra.intercept(() => new Response('boom', { status: 503 }));
    fakes.use(server);
    const { go, events } = run(INPUT);
    await expect(go()).rejects.toMatchObject({
      message: expect.stringMatching(
        /nothing was deleted: infra cluster "infra"/,
      ),
    });
    expect(fakes.writes()).toEqual([]);
    expect(events[0].outcome?.status).toBe('failed');
  });
});
