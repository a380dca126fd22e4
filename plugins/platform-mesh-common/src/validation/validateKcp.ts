import { z } from 'zod/v4';
import { isPlainObject } from '../profile/deepMerge';
import { checkArray, checkObject, type Problems } from './checks';
import { quoteForMessage } from './echo';
import { joinPath } from './path';
import { dnsLabel, dnsSubdomain } from './schema/names';
import { flag, ifNoProblemYet, list, mapping, text } from './schema/shapes';
import { parseInto } from './schema/toProblems';

const PROVIDER_CONNECTION_KEYS = [
  'secret',
  'endpointSliceName',
  'apiExportName',
  'apiExportNames',
  'path',
  'rawPath',
  'external',
  'namespace',
  'adminAuth',
] as const;

const exportNames = list(
  z
    .string({ error: 'must be a non-empty string' })
    .refine(name => name.trim() !== '', {
      error: 'must be a non-empty string',
      ...ifNoProblemYet,
    }),
);

function passes(schema: z.ZodType, value: unknown): boolean {
  return value !== undefined && schema.safeParse(value).success;
}

/**
 * One provider connection: `secret` required; not both `apiExportName` and `apiExportNames`;
 * non-empty `apiExportNames` items; in scoped mode (`adminAuth` not true) exactly one of
 * `endpointSliceName` or `apiExportName(s)`. The two rules run when other fields failed too.
 */
const providerConnection = mapping(
  {
    secret: dnsSubdomain,
    namespace: dnsLabel.optional(),
    endpointSliceName: text().optional(),
    apiExportName: text().optional(),
    path: text().optional(),
    rawPath: text().optional(),
    external: flag.optional(),
    adminAuth: flag.optional(),
    apiExportNames: exportNames.optional(),
  },
  true,
  PROVIDER_CONNECTION_KEYS,
).superRefine(
  (pc, ctx) => {
    if (pc.apiExportName !== undefined && pc.apiExportNames !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['apiExportNames'],
        message:
          'set either apiExportName (operator v0.81 and older) or apiExportNames (pm-operator 0.87 and newer), not both',
      });
    }
    if (passes(flag, pc.adminAuth) && pc.adminAuth === true) return;
    const exportsSet =
      passes(text(), pc.apiExportName) ||
      (passes(list(z.unknown()), pc.apiExportNames) &&
        (pc.apiExportNames as unknown[]).length > 0);
    const count =
      (passes(text(), pc.endpointSliceName) ? 1 : 0) + (exportsSet ? 1 : 0);
    if (count !== 1) {
      ctx.addIssue({
        code: 'custom',
        message:
          count === 0
            ? 'scoped mode (adminAuth not true) needs exactly one of endpointSliceName or apiExportName(s); set one, or set adminAuth: true'
            : 'scoped mode (adminAuth not true) needs exactly one of endpointSliceName or apiExportName(s), not both',
      });
    }
  },
  { when: payload => isPlainObject(payload.value) },
);

/**
 * Validates one provider connection (see `providerConnection`).
 *
 * @param value - the connection
 * @param path - its field path
 * @param problems - where problems are added
 * @internal
 */
function validateProviderConnection(
  value: unknown,
  path: string,
  problems: Problems,
): void {
  parseInto(providerConnection, value, path, problems);
}

const apiBinding = mapping({
  workspaceTypePath: text(),
  export: text(),
  path: text(),
});

const workspace = mapping({
  path: text().refine(path => path.includes(':'), {
    error: issue =>
      `${quoteForMessage(
        issue.input,
      )} must be a kcp workspace path containing ':', e.g. root:orgs:my-workspace`,
    ...ifNoProblemYet,
  }),
  type: mapping({ name: text(), path: text() }),
});

const apiBindings = list(apiBinding);
const workspaces = list(workspace);

/**
 * Validates `kcp`: provider connections (both forms, no two writing the same Secret), extra
 * default API bindings and extra workspaces (whose path must contain ':').
 *
 * @param value - the kcp block
 * @param path - its field path
 * @param problems - where problems are added
 * @internal
 */
export function validateKcp(
  value: unknown,
  path: string,
  problems: Problems,
): void {
  const kcp = checkObject(value, path, problems, {
    keys: [
      'providerConnections',
      'extraProviderConnections',
      'extraDefaultAPIBindings',
      'extraWorkspaces',
    ],
  });
  if (!kcp) return;
  for (const listKey of ['providerConnections', 'extraProviderConnections']) {
    const listPath = joinPath(path, listKey);
    const seen = new Map<string, number>();
    // A duplicate is reported right after the problems of the connection that repeats the Secret.
    checkArray(kcp[listKey], listPath, problems)?.forEach((pc, index) => {
      const itemPath = joinPath(listPath, index);
      validateProviderConnection(pc, itemPath, problems);
      const record = pc as Record<string, unknown> | undefined;
      if (record && typeof record.secret === 'string') {
        const id = `${record.namespace ?? ''}/${record.secret}`;
        const first = seen.get(id);
        if (first !== undefined) {
          problems.push({
            path: joinPath(itemPath, 'secret'),
            message: `the same Secret is already written by ${joinPath(
              listPath,
              first,
            )}`,
          });
        } else {
          seen.set(id, index);
        }
      }
    });
  }
  if (kcp.extraDefaultAPIBindings !== undefined) {
    parseInto(
      apiBindings,
      kcp.extraDefaultAPIBindings,
      joinPath(path, 'extraDefaultAPIBindings'),
      problems,
    );
  }
  if (kcp.extraWorkspaces !== undefined) {
    parseInto(
      workspaces,
      kcp.extraWorkspaces,
      joinPath(path, 'extraWorkspaces'),
      problems,
    );
  }
}
