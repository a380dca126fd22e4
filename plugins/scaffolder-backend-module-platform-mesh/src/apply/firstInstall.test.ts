/*
 * platform-mesh:apply on a first install, on fakes that refuse writes into a namespace that does
 * not exist (like a real API server): only the Namespaces are written before every other object
 * is dry-run; a later refusal says exactly that; and each object costs one dry run and one write.
 */
import {
  createMockDirectory,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  actionContext,
  createFakes,
  createService,
  permissions,
} from '../__testUtils__/fakeClusters';
import { createPlatformMeshApplyAction } from '../actions/apply';

const server = setupServer();
registerMswTestHooks(server);
const workspace = createMockDirectory();

const INPUT = {
  target: 'dev',
  name: 'pm-unit',
  namespace: 'pm-unit-ns',
  baseDomain: 'portal.example.com',
  port: 8443,
};

function setup() {
  const fakes = createFakes();
  for (const fake of fakes.all) fake.strictNamespaces = true;
  fakes.use(server);
  const action = createPlatformMeshApplyAction({
    clusters: createService(),
    permissions: permissions('ALLOW'),
  });
  const run = async () => {
    const context = actionContext({
      input: INPUT,
      workspacePath: workspace.path,
    });
    let error: Error | undefined;
    try {
      await action.handler(context.ctx);
    } catch (e) {
      error = e as Error;
    }
    return { ...context, error };
  };
  return { fakes, run };
}

const isNamespacePath = (path: string) =>
  /^\/api\/v1\/namespaces\/[^/]+$/.test(path);

/** The requests of one run, by what they are. */
function count(fakes: ReturnType<typeof createFakes>, from: number) {
  const requests = fakes.journal.slice(from);
  const discovery = requests.filter(
    r => r.method === 'GET' && /^\/(api|apis)(\/[^/]+){0,2}$/.test(r.path),
  );
  const reviews = requests.filter(r =>
    r.path.endsWith('/selfsubjectaccessreviews'),
  );
  const tokens = requests.filter(r => r.path.endsWith('/token'));
  const rest = requests.filter(
    r => !discovery.includes(r) && !reviews.includes(r) && !tokens.includes(r),
  );
  return {
    total: requests.length,
    discovery: discovery.length,
    accessReviews: reviews.length,
    tokenRequests: tokens.length,
    reads: rest.filter(r => r.method === 'GET').length,
    dryRuns: rest.filter(r => r.dryRun).length,
    writes: rest.filter(r => !r.dryRun && r.method !== 'GET').length,
  };
}

/**
 * Reads only a diff needs: of objects that neither the token code (Secrets, ServiceAccounts) nor
 * the ownership check (the instance's ConfigMap) reads.
 */
function engineReads(fakes: ReturnType<typeof createFakes>, from: number) {
  return fakes.journal
    .slice(from)
    .filter(
      r =>
        r.method === 'GET' &&
        (isNamespacePath(r.path) ||
          /\/(clusterroles|clusterrolebindings|platformmeshes)\//.test(r.path)),
    )
    .map(r => r.path);
}

describe('platform-mesh:apply on a first install', () => {
  it('dry-runs each object once and writes it once; the re-run likewise', async () => {
    const { fakes, run } = setup();
    const first = await run();
    expect(first.error).toBeUndefined();
    const objects = Object.values(first.outputs.appliedObjects).flat().length;
    const firstCount = count(fakes, 0);
    // One dry run per object (the objects in the new namespaces after the Namespaces were
    // written, never twice) and one write per object; the dry runs read nothing first.
    expect(firstCount.dryRuns).toBe(objects);
    expect(firstCount.writes).toBe(objects);
    expect(engineReads(fakes, 0)).toEqual([]);

    const from = fakes.journal.length;
    const second = await run();
    expect(second.error).toBeUndefined();
    expect(second.outputs.summary.unchanged).toBe(objects);
    const secondCount = count(fakes, from);
    expect(secondCount.dryRuns).toBe(objects);
    expect(secondCount.writes).toBe(objects);
    expect(engineReads(fakes, from)).toEqual([]);
    // eslint-disable-next-line no-console
    console.log(
      `apply requests (${objects} objects): first install ${JSON.stringify(
        firstCount,
      )}; re-run ${JSON.stringify(secondCount)}`,
    );
  });

  it('writes only the Namespaces before a later object is refused, and says so', async () => {
    const { fakes, run } = setup();
    // An admission policy on the runtime cluster that refuses the profile ConfigMap.
    fakes.runtime.intercept(request =>
      request.method === 'PATCH' && request.path.endsWith('/pm-unit-profile')
        ? HttpResponse.json(
            {
              kind: 'Status',
              status: 'Failure',
              reason: 'Invalid',
              code: 422,
              message:
                "configmaps \"pm-unit-profile\" is forbidden: ValidatingAdmissionPolicy 'deny-profile' with binding 'deny-profile' denied request",
            },
            { status: 422 },
          )
        : undefined,
    );
    const result = await run();
    expect(result.error?.name).toBe('DryRunFailedError');
    const writes = fakes.writes().map(w => w.split(' ').slice(1).join(' '));
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every(w => isNamespacePath(w.replace(/^PATCH /, '')))).toBe(
      true,
    );
    expect(fakes.all.flatMap(f => f.mintedTokens)).toEqual([]);
    const message = result.error!.message;
    expect(message).not.toContain('nothing was written');
    expect(message).toContain(
      'written before it: Namespace platform-mesh-system on operator cluster "operator" (created)',
    );
    expect(message).toContain(
      'Namespace pm-unit-ns on runtime cluster "runtime" (created)',
    );
    expect(message).toContain('nothing else was written');
    expect(message).toContain(
      'runtime cluster "runtime" ConfigMap pm-unit-ns/pm-unit-profile: invalid',
    );
    expect(result.lines.join('\n')).toContain(
      'Created namespace pm-unit-ns on runtime cluster "runtime"',
    );
  });
});
