import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { PlatformMesh, ProviderConnection } from '../types/platformMesh';
import { fluxcdSetup } from './__fixtures__/setups';
import { renderPlatformMesh } from './platformMesh';
import {
  convertProviderConnectionForms,
  providerConnectionFormsOfCrd,
  providerConnectionFormsOfOpenApi,
  providerConnectionFormsOfSchema,
  type InstalledProviderConnectionForms,
} from './providerConnectionForm';

const FIXTURES = join(__dirname, '__fixtures__', 'platformMeshSchemas');
const yamlFixture = (name: string) =>
  parse(readFileSync(join(FIXTURES, name), 'utf8'));
const jsonFixture = (name: string) =>
  JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

const OLD: InstalledProviderConnectionForms = {
  providerConnections: ['apiExportName'],
  extraProviderConnections: ['apiExportName'],
};
const NEW: InstalledProviderConnectionForms = {
  providerConnections: ['apiExportNames'],
  extraProviderConnections: ['apiExportNames'],
};

function withConnections(
  providerConnections: ProviderConnection[],
  extraProviderConnections?: ProviderConnection[],
): PlatformMesh {
  return {
    apiVersion: 'core.platform-mesh.io/v1alpha1',
    kind: 'PlatformMesh',
    metadata: { name: 'pm', namespace: 'platform-mesh-system' },
    spec: {
      kcp: {
        providerConnections,
        ...(extraProviderConnections ? { extraProviderConnections } : {}),
      },
    },
  };
}

describe('providerConnectionFormsOfCrd', () => {
  it('finds apiExportName in the operator v0.81.14 CRD', () => {
    expect(
      providerConnectionFormsOfCrd(
        yamlFixture('crd-platformmeshes.operator-v0.81.14.yaml'),
      ),
    ).toEqual(OLD);
  });

  it('finds apiExportNames in the CRD chart 0.11.0 CRD', () => {
    expect(
      providerConnectionFormsOfCrd(
        yamlFixture('crd-platformmeshes.crds-chart-0.11.0.yaml'),
      ),
    ).toEqual(NEW);
  });

  it('says nothing for another version, group or kind', () => {
    const crd = yamlFixture('crd-platformmeshes.operator-v0.81.14.yaml');
    expect(providerConnectionFormsOfCrd(crd, 'v1')).toBeUndefined();
    expect(
      providerConnectionFormsOfCrd({
        ...crd,
        spec: { ...crd.spec, group: 'deploy.platform-mesh.io' },
      }),
    ).toBeUndefined();
    expect(providerConnectionFormsOfCrd({ kind: 'Status' })).toBeUndefined();
  });
});

describe('providerConnectionFormsOfOpenApi', () => {
  it('finds apiExportName in the OpenAPI v3 document a server with the v0.81.14 CRD publishes', () => {
    expect(
      providerConnectionFormsOfOpenApi(
        jsonFixture('openapi-v3.operator-v0.81.14.json'),
      ),
    ).toEqual(OLD);
  });

  it('finds apiExportNames in the document of the chart 0.11.0 CRD', () => {
    expect(
      providerConnectionFormsOfOpenApi(
        jsonFixture('openapi-v3.crds-chart-0.11.0.json'),
      ),
    ).toEqual(NEW);
  });

  it('follows $ref and allOf wrappers into components', () => {
    const document = jsonFixture('openapi-v3.crds-chart-0.11.0.json');
    const schemas = document.components.schemas;
    const pm = schemas['io.platform-mesh.core.v1alpha1.PlatformMesh'];
    schemas['example.Spec'] = pm.properties.spec;
    pm.properties.spec = {
      allOf: [{ $ref: '#/components/schemas/example.Spec' }],
    };
    expect(providerConnectionFormsOfOpenApi(document)).toEqual(NEW);
  });

  it('says nothing when the document has no PlatformMesh of that version', () => {
    const document = jsonFixture('openapi-v3.operator-v0.81.14.json');
    expect(providerConnectionFormsOfOpenApi(document, 'v1')).toBeUndefined();
    expect(providerConnectionFormsOfOpenApi({ paths: {} })).toBeUndefined();
  });
});

describe('providerConnectionFormsOfSchema', () => {
  it('leaves out lists the schema does not describe or that keep unknown fields', () => {
    expect(providerConnectionFormsOfSchema({ type: 'object' })).toEqual({});
    expect(
      providerConnectionFormsOfSchema({
        properties: {
          spec: {
            properties: {
              kcp: {
                properties: {
                  providerConnections: {
                    items: {
                      type: 'object',
                      'x-kubernetes-preserve-unknown-fields': true,
                      properties: { secret: { type: 'string' } },
                    },
                  },
                  extraProviderConnections: {
                    items: { properties: { secret: { type: 'string' } } },
                  },
                },
              },
            },
          },
        },
      }),
    ).toEqual({ extraProviderConnections: [] });
  });
});

describe('convertProviderConnectionForms', () => {
  it('turns one apiExportName into a list of one for the chart 0.11.0 CRD, leaving the rest alone', () => {
    const rendered = renderPlatformMesh(fluxcdSetup());
    const before = JSON.stringify(rendered);
    const result = convertProviderConnectionForms(rendered, NEW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.platformMesh.spec?.kcp?.providerConnections).toEqual([
      rendered.spec?.kcp?.providerConnections?.[0],
      {
        secret: 'orchestrate-kubeconfig',
        path: 'root:providers:orchestrate',
        apiExportNames: ['orchestrate.platform-mesh.io'],
      },
    ]);
    // already in the installed form
    expect(result.platformMesh.spec?.kcp?.extraProviderConnections).toEqual(
      rendered.spec?.kcp?.extraProviderConnections,
    );
    expect(result.converted).toEqual([
      'spec.kcp.providerConnections[1]: apiExportName → apiExportNames (a list of one)',
    ]);
    expect(JSON.stringify(rendered)).toBe(before);
    const { kcp: _kcp, ...otherSpec } = result.platformMesh.spec!;
    const { kcp: _renderedKcp, ...renderedOtherSpec } = rendered.spec!;
    expect(otherSpec).toEqual(renderedOtherSpec);
    expect(result.platformMesh.metadata).toEqual(rendered.metadata);
  });

  it('turns a list of one into one apiExportName for the v0.81.14 CRD, and drops an empty list', () => {
    const result = convertProviderConnectionForms(
      withConnections(
        [
          {
            secret: 'a',
            apiExportNames: ['a.platform-mesh.io'],
            adminAuth: false,
          },
        ],
        [{ secret: 'b', apiExportNames: [], endpointSliceName: 'b' }],
      ),
      OLD,
    );
    expect(result).toEqual({
      ok: true,
      platformMesh: withConnections(
        [
          {
            secret: 'a',
            apiExportName: 'a.platform-mesh.io',
            adminAuth: false,
          },
        ],
        [{ secret: 'b', endpointSliceName: 'b' }],
      ),
      converted: [
        'spec.kcp.providerConnections[0]: apiExportNames (a list of one) → apiExportName',
        'spec.kcp.extraProviderConnections[0]: empty apiExportNames left out',
      ],
    });
  });

  it('refuses a list of several names for the v0.81.14 CRD, naming both forms and the installed one', () => {
    const result = convertProviderConnectionForms(
      withConnections(
        [{ secret: 'ok', apiExportName: 'one.platform-mesh.io' }],
        [{ secret: 'x', apiExportNames: ['a.io', 'b.io'] }],
      ),
      OLD,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      {
        path: 'spec.kcp.extraProviderConnections[0].apiExportNames',
        message: expect.stringContaining('lists 2 APIExport names'),
      },
    ]);
    const { message } = result.problems[0];
    expect(message).toContain(
      'declares apiExportName (one name; operator v0.81.14 and older), not apiExportNames (a list; CRD chart 0.11.0 / pm-operator 0.87.0 and newer)',
    );
    expect(message).toContain('one connection per APIExport');
  });

  it('refuses either form when the installed schema declares neither', () => {
    const result = convertProviderConnectionForms(
      withConnections([{ secret: 'a', apiExportName: 'a.io' }]),
      { providerConnections: [] },
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: 'spec.kcp.providerConnections[0].apiExportName',
          message: expect.stringContaining(
            'declares neither apiExportName (one name; operator v0.81.14 and older) nor apiExportNames',
          ),
        },
      ],
    });
  });

  it('changes nothing when the schema says nothing or accepts both', () => {
    const pm = withConnections([
      { secret: 'a', apiExportName: 'a.io' },
      { secret: 'b', apiExportNames: ['b.io', 'c.io'] },
    ]);
    for (const installed of [
      {},
      { providerConnections: ['apiExportName', 'apiExportNames'] },
    ] as InstalledProviderConnectionForms[]) {
      expect(convertProviderConnectionForms(pm, installed)).toEqual({
        ok: true,
        platformMesh: pm,
        converted: [],
      });
    }
    const noSpec = renderPlatformMesh({
      ...fluxcdSetup(),
      kcp: undefined,
      exposure: undefined,
      ocm: undefined,
      featureToggles: undefined,
    });
    expect(convertProviderConnectionForms(noSpec, NEW)).toMatchObject({
      ok: true,
      converted: [],
    });
  });
});
