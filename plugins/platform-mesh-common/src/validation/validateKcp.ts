import {
  checkArray,
  checkBoolean,
  checkDnsLabel,
  checkDnsSubdomain,
  checkObject,
  checkString,
  type Problems,
} from './checks';
import { quoteForMessage } from './echo';
import { joinPath } from './path';

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

/**
 * Validates one provider connection: `secret` required; not both `apiExportName` and
 * `apiExportNames`; non-empty `apiExportNames` items; in scoped mode (`adminAuth` not true) exactly
 * one of `endpointSliceName` or `apiExportName(s)`.
 *
 * @param value - the connection
 * @param path - its field path
 * @param problems - where problems are added
 * @internal
 */
export function validateProviderConnection(
  value: unknown,
  path: string,
  problems: Problems,
): void {
  const pc = checkObject(value, path, problems, {
    required: true,
    keys: PROVIDER_CONNECTION_KEYS,
  });
  if (!pc) return;
  checkDnsSubdomain(pc.secret, joinPath(path, 'secret'), problems, true);
  checkDnsLabel(pc.namespace, joinPath(path, 'namespace'), problems);
  const slice = checkString(
    pc.endpointSliceName,
    joinPath(path, 'endpointSliceName'),
    problems,
  );
  const exportName = checkString(
    pc.apiExportName,
    joinPath(path, 'apiExportName'),
    problems,
  );
  checkString(pc.path, joinPath(path, 'path'), problems);
  checkString(pc.rawPath, joinPath(path, 'rawPath'), problems);
  checkBoolean(pc.external, joinPath(path, 'external'), problems);
  const adminAuth = checkBoolean(
    pc.adminAuth,
    joinPath(path, 'adminAuth'),
    problems,
  );

  const namesPath = joinPath(path, 'apiExportNames');
  const names = checkArray(pc.apiExportNames, namesPath, problems);
  names?.forEach((item, index) => {
    if (typeof item !== 'string' || item.trim() === '') {
      problems.push({
        path: joinPath(namesPath, index),
        message: 'must be a non-empty string',
      });
    }
  });
  if (pc.apiExportName !== undefined && pc.apiExportNames !== undefined) {
    problems.push({
      path: namesPath,
      message:
        'set either apiExportName (operator v0.81 and older) or apiExportNames (pm-operator 0.87 and newer), not both',
    });
  }

  if (adminAuth !== true) {
    const exportsSet = Boolean(exportName) || (names?.length ?? 0) > 0;
    const count = (slice ? 1 : 0) + (exportsSet ? 1 : 0);
    if (count !== 1) {
      problems.push({
        path,
        message:
          count === 0
            ? 'scoped mode (adminAuth not true) needs exactly one of endpointSliceName or apiExportName(s); set one, or set adminAuth: true'
            : 'scoped mode (adminAuth not true) needs exactly one of endpointSliceName or apiExportName(s), not both',
      });
    }
  }
}

/**
 * Validates `kcp`: provider connections (both forms), extra default API bindings and extra
 * workspaces (whose path must contain ':').
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

  const bindingsPath = joinPath(path, 'extraDefaultAPIBindings');
  checkArray(kcp.extraDefaultAPIBindings, bindingsPath, problems)?.forEach(
    (item, index) => {
      const itemPath = joinPath(bindingsPath, index);
      const binding = checkObject(item, itemPath, problems, {
        required: true,
        keys: ['workspaceTypePath', 'export', 'path'],
      });
      if (!binding) return;
      for (const key of ['workspaceTypePath', 'export', 'path']) {
        checkString(binding[key], joinPath(itemPath, key), problems, true);
      }
    },
  );

  const workspacesPath = joinPath(path, 'extraWorkspaces');
  checkArray(kcp.extraWorkspaces, workspacesPath, problems)?.forEach(
    (item, index) => {
      const itemPath = joinPath(workspacesPath, index);
      const ws = checkObject(item, itemPath, problems, {
        required: true,
        keys: ['path', 'type'],
      });
      if (!ws) return;
      const wsPath = checkString(
        ws.path,
        joinPath(itemPath, 'path'),
        problems,
        true,
      );
      if (wsPath !== undefined && !wsPath.includes(':')) {
        problems.push({
          path: joinPath(itemPath, 'path'),
          message: `${quoteForMessage(
            wsPath,
          )} must be a kcp workspace path containing ':', e.g. root:orgs:my-workspace`,
        });
      }
      const type = checkObject(ws.type, joinPath(itemPath, 'type'), problems, {
        required: true,
        keys: ['name', 'path'],
      });
      if (type) {
        checkString(
          type.name,
          joinPath(joinPath(itemPath, 'type'), 'name'),
          problems,
          true,
        );
        checkString(
          type.path,
          joinPath(joinPath(itemPath, 'type'), 'path'),
          problems,
          true,
        );
      }
    },
  );
}
