import { cloneJson } from '../profile/deepMerge';
import type { PlatformMesh, ProviderConnection } from '../types/platformMesh';

/**
 * The field a kcp provider connection names its APIExports in: `apiExportName` (one name,
 * operator v0.81.14 and older) or `apiExportNames` (a list, CRD chart 0.11.0 / pm-operator 0.87.0
 * and newer). Each PlatformMesh CRD generation declares one of them and, with strict field
 * validation, refuses the other.
 *
 * @alpha
 */
export type ProviderConnectionForm = 'apiExportName' | 'apiExportNames';

/**
 * The two lists of provider connections in `spec.kcp`.
 *
 * @alpha
 */
export type ProviderConnectionList =
  | 'providerConnections'
  | 'extraProviderConnections';

/**
 * The provider connection forms an installed PlatformMesh schema declares, per list. A list the
 * schema says nothing about (no such list, or items that keep unknown fields) is absent: any form
 * goes there. An empty array means the schema declares neither form.
 *
 * @alpha
 */
export type InstalledProviderConnectionForms = Partial<
  Record<ProviderConnectionList, ProviderConnectionForm[]>
>;

/**
 * One provider connection that cannot take the installed form.
 *
 * @alpha
 */
export interface ProviderConnectionFormProblem {
  /** e.g. `spec.kcp.providerConnections[1].apiExportNames`. */
  path: string;
  /** Names both forms, the installed one, and what to do. */
  message: string;
}

/**
 * The outcome of {@link convertProviderConnectionForms}: the PlatformMesh in the installed form
 * and what was converted, or every connection that cannot be converted.
 *
 * @alpha
 */
export type ProviderConnectionConversion =
  | { ok: true; platformMesh: PlatformMesh; converted: string[] }
  | { ok: false; problems: ProviderConnectionFormProblem[] };

const LISTS: ProviderConnectionList[] = [
  'providerConnections',
  'extraProviderConnections',
];

const FORM_TEXT: Record<ProviderConnectionForm, string> = {
  apiExportName: 'apiExportName (one name; operator v0.81.14 and older)',
  apiExportNames:
    'apiExportNames (a list; CRD chart 0.11.0 / pm-operator 0.87.0 and newer)',
};

const PLATFORM_MESH_GROUP = 'core.platform-mesh.io';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Follows `$ref` (to `#/components/schemas/...`) and single-entry `allOf` wrappers. */
function deref(node: unknown, document: unknown, depth = 0): Json | undefined {
  if (!isObject(node) || depth > 8) return undefined;
  const ref = node.$ref;
  if (typeof ref === 'string') {
    const name = ref.match(/^#\/components\/schemas\/(.+)$/)?.[1];
    const schemas = isObject(document)
      ? (document.components as Json | undefined)?.schemas
      : undefined;
    return name && isObject(schemas)
      ? deref(schemas[name], document, depth + 1)
      : undefined;
  }
  if (
    !isObject(node.properties) &&
    Array.isArray(node.allOf) &&
    node.allOf.length === 1
  ) {
    return deref(node.allOf[0], document, depth + 1);
  }
  return node;
}

function property(
  node: Json | undefined,
  name: string,
  document: unknown,
): Json | undefined {
  return isObject(node?.properties)
    ? deref((node!.properties as Json)[name], document)
    : undefined;
}

/**
 * The provider connection forms a PlatformMesh object schema (the `openAPIV3Schema` of a CRD
 * version, or the PlatformMesh schema of the group's OpenAPI v3 document) declares, per list.
 *
 * @param schema - the schema of the whole PlatformMesh object
 * @param document - the OpenAPI document `$ref`s point into (OpenAPI v3 only)
 */
export function providerConnectionFormsOfSchema(
  schema: unknown,
  document?: unknown,
): InstalledProviderConnectionForms {
  const kcp = property(
    property(deref(schema, document), 'spec', document),
    'kcp',
    document,
  );
  const forms: InstalledProviderConnectionForms = {};
  for (const list of LISTS) {
    const items = deref(property(kcp, list, document)?.items, document);
    if (!items || !isObject(items.properties)) continue;
    if (items['x-kubernetes-preserve-unknown-fields'] === true) continue;
    const declared: ProviderConnectionForm[] = [];
    if (property(items, 'apiExportName', document)?.type === 'string') {
      declared.push('apiExportName');
    }
    if (property(items, 'apiExportNames', document)?.type === 'array') {
      declared.push('apiExportNames');
    }
    forms[list] = declared;
  }
  return forms;
}

/**
 * The provider connection forms a `platformmeshes.core.platform-mesh.io` CustomResourceDefinition
 * declares for one version.
 *
 * @param crd - the CRD as read from `apiextensions.k8s.io/v1`
 * @param version - the PlatformMesh version the render writes
 * @returns undefined when the CRD is not the PlatformMesh's or has no schema for the version
 * @alpha
 */
export function providerConnectionFormsOfCrd(
  crd: unknown,
  version = 'v1alpha1',
): InstalledProviderConnectionForms | undefined {
  if (!isObject(crd) || !isObject(crd.spec)) return undefined;
  const spec = crd.spec;
  if (spec.group !== PLATFORM_MESH_GROUP) return undefined;
  if (!isObject(spec.names) || spec.names.kind !== 'PlatformMesh') {
    return undefined;
  }
  const entry = (Array.isArray(spec.versions) ? spec.versions : []).find(
    v => isObject(v) && v.name === version,
  ) as Json | undefined;
  const schema = isObject(entry?.schema)
    ? (entry!.schema as Json).openAPIV3Schema
    : undefined;
  return isObject(schema) ? providerConnectionFormsOfSchema(schema) : undefined;
}

/**
 * The provider connection forms the OpenAPI v3 document of `core.platform-mesh.io/<version>`
 * (`GET /openapi/v3/apis/core.platform-mesh.io/v1alpha1`) declares for the PlatformMesh kind.
 *
 * @param document - the group version's OpenAPI v3 document
 * @param version - the PlatformMesh version the render writes
 * @returns undefined when the document has no PlatformMesh schema for that version
 * @alpha
 */
export function providerConnectionFormsOfOpenApi(
  document: unknown,
  version = 'v1alpha1',
): InstalledProviderConnectionForms | undefined {
  const schemas = isObject(document)
    ? (document.components as Json | undefined)?.schemas
    : undefined;
  if (!isObject(schemas)) return undefined;
  const schema = Object.values(schemas).find(
    s =>
      isObject(s) &&
      Array.isArray(s['x-kubernetes-group-version-kind']) &&
      s['x-kubernetes-group-version-kind'].some(
        (gvk: unknown) =>
          isObject(gvk) &&
          gvk.group === PLATFORM_MESH_GROUP &&
          gvk.version === version &&
          gvk.kind === 'PlatformMesh',
      ),
  );
  return schema ? providerConnectionFormsOfSchema(schema, document) : undefined;
}

/** The form a connection uses, if it names APIExports at all. */
function formUsed(pc: ProviderConnection): ProviderConnectionForm | undefined {
  if (pc.apiExportNames !== undefined) return 'apiExportNames';
  return pc.apiExportName !== undefined ? 'apiExportName' : undefined;
}

function installedText(declared: ProviderConnectionForm[]): string {
  return declared.length === 0
    ? `neither ${FORM_TEXT.apiExportName} nor ${FORM_TEXT.apiExportNames}`
    : `${FORM_TEXT[declared[0]]}, not ${
        FORM_TEXT[
          declared[0] === 'apiExportName' ? 'apiExportNames' : 'apiExportName'
        ]
      }`;
}

/**
 * Writes a PlatformMesh's provider connections in the form the installed schema declares, where
 * that loses nothing: one `apiExportName` becomes a list of one, a list of one (or none) becomes
 * one name (or none). A list of several names cannot become one name: that, and a form the schema
 * declares neither of, is a problem naming both forms and the installed one. Lists and
 * connections the schema accepts as they are stay unchanged. The input is not modified.
 *
 * @param platformMesh - the rendered PlatformMesh
 * @param installed - what the installed schema declares
 * @alpha
 */
export function convertProviderConnectionForms(
  platformMesh: PlatformMesh,
  installed: InstalledProviderConnectionForms,
): ProviderConnectionConversion {
  const result = cloneJson(platformMesh);
  const converted: string[] = [];
  const problems: ProviderConnectionFormProblem[] = [];
  const kcp = result.spec?.kcp;
  for (const list of LISTS) {
    const declared = installed[list];
    const connections = kcp?.[list];
    if (!declared || !Array.isArray(connections)) continue;
    connections.forEach((pc: ProviderConnection, index) => {
      const at = `spec.kcp.${list}[${index}]`;
      const uses = formUsed(pc);
      if (!uses || declared.includes(uses)) return;
      const refuse = (detail: string) =>
        problems.push({
          path: `${at}.${uses}`,
          message: `${detail}, but the PlatformMesh CRD declares ${installedText(
            declared,
          )}: ${
            declared.length === 0
              ? 'install the platform-mesh-operator-crds chart that matches the operator'
              : 'use one connection per APIExport, or install the CRDs (and operator) that take apiExportNames'
          }`,
        });
      if (
        !declared.includes(
          uses === 'apiExportName' ? 'apiExportNames' : 'apiExportName',
        )
      ) {
        refuse(`uses ${FORM_TEXT[uses]}`);
        return;
      }
      if (uses === 'apiExportName') {
        const { apiExportName, ...rest } = pc;
        connections[index] = { ...rest, apiExportNames: [apiExportName!] };
        converted.push(`${at}: apiExportName → apiExportNames (a list of one)`);
        return;
      }
      const names = pc.apiExportNames!;
      if (names.length > 1) {
        refuse(`lists ${names.length} APIExport names in ${FORM_TEXT[uses]}`);
        return;
      }
      const { apiExportNames: _dropped, ...rest } = pc;
      connections[index] =
        names.length === 1 ? { ...rest, apiExportName: names[0] } : rest;
      converted.push(
        names.length === 1
          ? `${at}: apiExportNames (a list of one) → apiExportName`
          : `${at}: empty apiExportNames left out`,
      );
    });
  }
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, platformMesh: result, converted };
}
