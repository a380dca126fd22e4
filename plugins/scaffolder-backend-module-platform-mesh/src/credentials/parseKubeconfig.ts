import type { KubeconfigSource } from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import { parse } from 'yaml';

/** The result of {@link parseKubeconfig}: a source, or why not (never quoting the value). */
export type ParsedKubeconfig =
  | { ok: true; source: KubeconfigSource }
  | { ok: false; problem: string };

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function named(list: unknown, name: unknown): Record<string, any> | undefined {
  if (!Array.isArray(list)) return undefined;
  const entries = list.filter(isObject);
  const found =
    typeof name === 'string'
      ? entries.find(entry => entry.name === name)
      : undefined;
  return found ?? (entries.length === 1 ? entries[0] : undefined);
}

function parseDocument(text: string): unknown {
  try {
    const value = parse(text);
    if (isObject(value)) return value;
  } catch {
    // fall through: maybe base64
  }
  const compact = text.replace(/\s+/g, '');
  if (/^[A-Za-z0-9+/]+=*$/.test(compact)) {
    try {
      const value = parse(Buffer.from(compact, 'base64').toString('utf8'));
      if (isObject(value)) return value;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Reads the cluster and credential of a kubeconfig (YAML, or base64 of it) passed as a task
 * secret: the current context's cluster and user, or the only ones. Only embedded material is
 * accepted (a token or client certificate data); file paths, exec and auth-provider plugins are
 * refused because the consumer (the operator, Flux, Argo CD) runs elsewhere. Problems describe the
 * structure only and never quote a value.
 *
 * @param text - the kubeconfig
 */
export function parseKubeconfig(text: string): ParsedKubeconfig {
  const doc = parseDocument(text);
  if (!isObject(doc)) {
    return {
      ok: false,
      problem: 'is not a kubeconfig (YAML with clusters, users and contexts)',
    };
  }
  const contextEntry = named(doc.contexts, doc['current-context']);
  const context = isObject(contextEntry?.context)
    ? contextEntry!.context
    : undefined;
  const clusterEntry = named(doc.clusters, context?.cluster);
  const userEntry = named(doc.users, context?.user);
  const cluster = isObject(clusterEntry?.cluster)
    ? clusterEntry!.cluster
    : undefined;
  const user = isObject(userEntry?.user) ? userEntry!.user : undefined;
  if (!cluster) {
    return {
      ok: false,
      problem:
        'names no cluster: set current-context, or give exactly one cluster',
    };
  }
  if (!user) {
    return {
      ok: false,
      problem: 'names no user: set current-context, or give exactly one user',
    };
  }
  if (typeof cluster.server !== 'string' || !cluster.server) {
    return { ok: false, problem: "its cluster has no 'server'" };
  }
  if (cluster['certificate-authority'] !== undefined) {
    return {
      ok: false,
      problem:
        "its cluster uses 'certificate-authority' (a file path); embed the CA as 'certificate-authority-data'",
    };
  }
  for (const field of [
    'exec',
    'auth-provider',
    'tokenFile',
    'client-certificate',
    'client-key',
  ]) {
    if (user[field] !== undefined) {
      return {
        ok: false,
        problem: `its user uses '${field}', which cannot work from a Secret on another cluster; embed a token or client certificate data`,
      };
    }
  }
  const caData = cluster['certificate-authority-data'];
  const source: KubeconfigSource = {
    server: cluster.server,
    credential: { token: '' },
  };
  if (typeof caData === 'string' && caData) source.caData = caData;
  if (cluster['insecure-skip-tls-verify'] === true) {
    source.insecureSkipTlsVerify = true;
  }
  if (typeof user.token === 'string' && user.token) {
    source.credential = { token: user.token };
  } else if (
    typeof user['client-certificate-data'] === 'string' &&
    typeof user['client-key-data'] === 'string'
  ) {
    source.credential = {
      clientCertificateData: user['client-certificate-data'],
      clientKeyData: user['client-key-data'],
    };
  } else {
    return {
      ok: false,
      problem:
        "its user has no 'token' and no 'client-certificate-data' with 'client-key-data'",
    };
  }
  return { ok: true, source };
}
