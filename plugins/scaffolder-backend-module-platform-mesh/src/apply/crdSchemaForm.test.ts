/*
 * platform-mesh:apply on fake clusters whose PlatformMesh CRD is one generation or the other: the
 * preflight reads the installed schema (the CRD, or the OpenAPI v3 document when the CRD may not be
 * read) and the PlatformMesh is written in its form. The fake runtime refuses the form its CRD does
 * not declare exactly as a real API server does, so a run that writes the wrong form fails.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createMockDirectory,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { parse } from 'yaml';
import {
  actionContext,
  createFakes,
  createService,
  permissions,
  TOKENS,
  URLS,
} from '../__testUtils__/fakeClusters';
import { createPlatformMeshApplyAction } from '../actions/apply';

const server = setupServer();
registerMswTestHooks(server);
const workspace = createMockDirectory();

const SCHEMAS = join(
  __dirname,
  '../../../platform-mesh-common/src/render/__fixtures__/platformMeshSchemas',
);
type Generation = 'operator-v0.81.14' | 'crds-chart-0.11.0';
const crdOf = (generation: Generation) =>
  parse(
    readFileSync(
      join(SCHEMAS, `crd-platformmeshes.${generation}.yaml`),
      'utf8',
    ),
  );
const openApiOf = (generation: Generation) =>
  JSON.parse(
    readFileSync(join(SCHEMAS, `openapi-v3.${generation}.json`), 'utf8'),
  );
const OTHER: Record<Generation, string> = {
  'operator-v0.81.14': 'apiExportNames',
  'crds-chart-0.11.0': 'apiExportName',
};

const CRD_PATH =
  '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/platformmeshes.core.platform-mesh.io';
const OPENAPI_PATH = '/openapi/v3/apis/core.platform-mesh.io/v1alpha1';

const forbidden = (message: string) =>
  HttpResponse.json(
    {
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      reason: 'Forbidden',
      message,
      code: 403,
    },
    { status: 403 },
  );

/**
 * Fake clusters whose runtime serves a PlatformMesh CRD of one generation: readable as the CRD
 * (or forbidden), published in OpenAPI v3 (or not), and refusing the other form on apply the way
 * kube-apiserver does ("field not declared in schema", HTTP 500).
 */
function setup(
  generation: Generation,
  options: { crd?: 'readable' | 'forbidden'; openApi?: 'served' | 'slow' } = {},
) {
  const fakes = createFakes();
  fakes.use(server);
  const platformMeshBodies: any[] = [];
  server.use(
    http.patch(
      `${URLS.runtime}/apis/core.platform-mesh.io/v1alpha1/namespaces/:namespace/platformmeshes/:name`,
      async ({ request }) => {
        const body = JSON.parse(await request.clone().text());
        platformMeshBodies.push(body);
        for (const list of [
          'providerConnections',
          'extraProviderConnections',
        ]) {
          const index = (body.spec?.kcp?.[list] ?? []).findIndex(
            (pc: any) => OTHER[generation] in pc,
          );
          if (index >= 0) {
            return HttpResponse.json(
              {
                kind: 'Status',
                apiVersion: 'v1',
                metadata: {},
                status: 'Failure',
                message: `failed to create typed patch object (${body.metadata.namespace}/${body.metadata.name}; core.platform-mesh.io/v1alpha1, Kind=PlatformMesh): .spec.kcp.${list}[${index}].${OTHER[generation]}: field not declared in schema`,
                code: 500,
              },
              { status: 500 },
            );
          }
        }
        return undefined; // the fake stores it
      },
    ),
  );
  fakes.runtime.intercept(async request => {
    if (request.method !== 'GET') return undefined;
    if (request.path === CRD_PATH) {
      return options.crd === 'forbidden'
        ? forbidden(
            'customresourcedefinitions.apiextensions.k8s.io "platformmeshes.core.platform-mesh.io" is forbidden',
          )
        : HttpResponse.json(crdOf(generation));
    }
    if (request.path === '/openapi/v3') {
      if (options.openApi === 'slow') await delay(3_000);
      return HttpResponse.json({
        paths: {
          'apis/core.platform-mesh.io/v1alpha1': {
            serverRelativeURL: `${OPENAPI_PATH}?hash=ABC123`,
          },
        },
      });
    }
    if (
      request.path === OPENAPI_PATH &&
      request.query.get('hash') === 'ABC123'
    ) {
      return HttpResponse.json(openApiOf(generation));
    }
    return undefined;
  });
  const action = createPlatformMeshApplyAction({
    clusters: createService({ requestTimeoutSeconds: 1 }),
    permissions: permissions('ALLOW'),
  });
  const run = async (input: Record<string, unknown>, isDryRun = false) => {
    const context = actionContext({
      input,
      workspacePath: workspace.path,
      isDryRun,
    });
    let error: Error | undefined;
    try {
      await action.handler(context.ctx);
    } catch (e) {
      error = e as Error;
    }
    return { ...context, error };
  };
  return { fakes, run, platformMeshBodies };
}

const INPUT = {
  target: 'dev',
  name: 'pm-forms',
  namespace: 'pm-forms-ns',
  baseDomain: 'portal.example.com',
  port: 8443,
};
const ONE_NAME = {
  secret: 'orchestrate-kubeconfig',
  path: 'root:providers:orchestrate',
  apiExportName: 'orchestrate.platform-mesh.io',
};
const SEVERAL_NAMES = {
  secret: 'marketplace-kubeconfig',
  path: 'root:providers:marketplace',
  apiExportNames: ['marketplace.platform-mesh.io', 'ui.platform-mesh.io'],
};

const storedConnections = (fakes: ReturnType<typeof createFakes>) =>
  fakes.runtime.get({
    apiVersion: 'core.platform-mesh.io/v1alpha1',
    kind: 'PlatformMesh',
    metadata: { namespace: INPUT.namespace, name: INPUT.name },
  })?.spec?.kcp?.providerConnections;

describe('platform-mesh:apply and the installed PlatformMesh CRD generation', () => {
  it('writes apiExportNames (a list of one) when the runtime has the chart 0.11.0 CRD, and passes the dry run', async () => {
    const { fakes, run, platformMeshBodies } = setup('crds-chart-0.11.0');
    const result = await run({
      ...INPUT,
      kcp: { providerConnections: [ONE_NAME] },
    });
    expect(result.error).toBeUndefined();
    const expected = [
      {
        secret: ONE_NAME.secret,
        path: ONE_NAME.path,
        apiExportNames: [ONE_NAME.apiExportName],
      },
    ];
    expect(storedConnections(fakes)).toEqual(expected);
    // the dry run and the write both sent the installed form
    expect(platformMeshBodies.length).toBeGreaterThanOrEqual(2);
    for (const body of platformMeshBodies) {
      expect(body.spec.kcp.providerConnections).toEqual(expected);
    }
    expect(result.lines).toContainEqual(
      expect.stringContaining(
        'declares providerConnections: apiExportNames; extraProviderConnections: apiExportNames; converted spec.kcp.providerConnections[0]: apiExportName → apiExportNames (a list of one)',
      ),
    );
  });

  it('reads the OpenAPI v3 document when the CRD may not be read, and converts a list of one to apiExportName', async () => {
    const { fakes, run } = setup('operator-v0.81.14', { crd: 'forbidden' });
    const result = await run({
      ...INPUT,
      kcp: {
        providerConnections: [
          {
            secret: ONE_NAME.secret,
            path: ONE_NAME.path,
            apiExportNames: [ONE_NAME.apiExportName],
          },
        ],
      },
    });
    expect(result.error).toBeUndefined();
    expect(storedConnections(fakes)).toEqual([ONE_NAME]);
    expect(
      fakes.runtime.requests.filter(r => r.path.startsWith('/openapi/v3')),
    ).toHaveLength(2);
  });

  it('fails before any request that writes (dry runs included) when several names cannot become one apiExportName', async () => {
    const { fakes, run, platformMeshBodies } = setup('operator-v0.81.14');
    const result = await run({
      ...INPUT,
      kcp: {
        providerConnections: [ONE_NAME],
        extraProviderConnections: [SEVERAL_NAMES],
      },
    });
    expect(result.error?.name).toBe('InputError');
    expect(result.error?.message).toContain(
      'spec.kcp.extraProviderConnections[0].apiExportNames: lists 2 APIExport names in apiExportNames (a list; CRD chart 0.11.0 / pm-operator 0.87.0 and newer), but the PlatformMesh CRD declares apiExportName (one name; operator v0.81.14 and older), not apiExportNames',
    );
    expect(result.error?.message).toContain('nothing was written');
    expect(fakes.writes()).toEqual([]);
    expect(
      fakes.journal.filter(
        r =>
          ['PATCH', 'PUT', 'DELETE'].includes(r.method) ||
          (r.method === 'POST' &&
            !r.path.endsWith('/selfsubjectaccessreviews')),
      ),
    ).toEqual([]);
    expect(platformMeshBodies).toEqual([]);
  });

  it('warns when the schema cannot be read and keeps the rendered form; the dry run then refuses it, nothing written', async () => {
    const { fakes, run } = setup('crds-chart-0.11.0', {
      crd: 'forbidden',
      openApi: 'slow',
    });
    // a re-install: the namespaces exist, so the dry run checks every object before any write
    for (const [fake, names] of [
      [fakes.operator, ['platform-mesh-system']],
      [fakes.runtime, ['platform-mesh-system', INPUT.namespace]],
      [fakes.infra, ['platform-mesh-system', INPUT.namespace]],
    ] as const) {
      for (const name of names) {
        fake.seed({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
      }
    }
    const result = await run({
      ...INPUT,
      kcp: { providerConnections: [ONE_NAME] },
    });
    expect(result.lines).toContainEqual(
      expect.stringContaining(
        'warn: cluster "runtime": could not read the installed PlatformMesh schema (CRD platformmeshes.core.platform-mesh.io: forbidden; OpenAPI v3: timeout), so the provider connections keep the rendered form',
      ),
    );
    expect(result.error?.name).toBe('DryRunFailedError');
    expect(result.error?.message).toContain(
      '.spec.kcp.providerConnections[0].apiExportName: field not declared in schema',
    );
    expect(fakes.writes()).toEqual([]);
    const visible = [...result.lines, result.error?.message ?? ''].join('\n');
    for (const token of Object.values(TOKENS)) {
      expect(visible).not.toContain(token);
    }
    expect(visible).not.toContain(URLS.runtime);
  });
});
