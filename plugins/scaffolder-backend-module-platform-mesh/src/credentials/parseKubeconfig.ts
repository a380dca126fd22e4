import { KubeConfig } from '@kubernetes/client-node';
import type { KubeconfigSource } from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import { parse } from 'yaml';

/** The result of {@link parseKubeconfig}: a source, or why not (never quoting the value). */
type ParsedKubeconfig =
  | { ok: true; source: KubeconfigSource }
  | { ok: false; problem: string };

type Cluster = NonNullable<ReturnType<KubeConfig['getCluster']>>;
type User = NonNullable<ReturnType<KubeConfig['getUser']>>;

const NOT_A_KUBECONFIG =
  'is not a kubeconfig (YAML with clusters, users and contexts)';

const refused = (field: string): ParsedKubeconfig => ({
  ok: false,
  problem: `its user uses '${field}', which cannot work from a Secret on another cluster; embed a token or client certificate data`,
});

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The document as a mapping: the YAML, or the YAML the base64 text decodes to. */
function parseDocument(
  text: string,
): { text: string; doc: Record<string, any> } | undefined {
  try {
    const doc = parse(text);
    if (isObject(doc)) return { text, doc };
  } catch {
    // fall through: maybe base64
  }
  const compact = text.replace(/\s+/g, '');
  if (/^[A-Za-z0-9+/]+=*$/.test(compact)) {
    const decoded = Buffer.from(compact, 'base64').toString('utf8');
    try {
      const doc = parse(decoded);
      if (isObject(doc)) return { text: decoded, doc };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The only entry of a list, else none. */
const only = <T>(list: T[] | undefined): T | undefined =>
  list?.length === 1 ? list[0] : undefined;

/**
 * Loads the text with `KubeConfig.loadFromString`. Its errors may quote the content (a YAML
 * error shows the line), so none is passed on: a missing server is named, anything else is the
 * same fixed problem.
 */
function load(text: string): KubeConfig | string {
  const config = new KubeConfig();
  try {
    config.loadFromString(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    return /^clusters\[\d+\]\.cluster\.server is missing$/.test(message)
      ? "its cluster has no 'server'"
      : NOT_A_KUBECONFIG;
  }
  return config;
}

/**
 * Reads the cluster and credential of a kubeconfig (YAML, or base64 of it) passed as a task
 * secret with `@kubernetes/client-node`'s `KubeConfig`: the current context's cluster and user,
 * or the only ones. Only embedded material is accepted (a token or client certificate data); file
 * paths, exec and auth-provider plugins are refused because the consumer (the operator, Flux,
 * Argo CD) runs elsewhere. A user's `token-file` or `tokenFile` is refused before the text is
 * loaded (`KubeConfig` would read the file on this host). Problems describe the structure only and
 * never quote a value.
 *
 * @param text - the kubeconfig
 */
export function parseKubeconfig(text: string): ParsedKubeconfig {
  const parsed = parseDocument(text);
  if (!parsed) return { ok: false, problem: NOT_A_KUBECONFIG };
  const rawUsers: unknown[] = Array.isArray(parsed.doc.users)
    ? parsed.doc.users
    : [];
  for (const field of ['tokenFile', 'token-file']) {
    if (rawUsers.some(u => isObject(u) && isObject(u.user) && field in u.user))
      return refused(field);
  }
  const config = load(parsed.text);
  if (typeof config === 'string') return { ok: false, problem: config };

  const context =
    config.getContextObject(config.getCurrentContext()) ??
    only(config.getContexts());
  const cluster: Cluster | undefined =
    (context ? config.getCluster(context.cluster) : null) ??
    only(config.getClusters());
  const user: User | undefined =
    (context?.user ? config.getUser(context.user) : null) ??
    only(config.getUsers());
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
  if (cluster.caFile !== undefined && cluster.caFile !== null) {
    return {
      ok: false,
      problem:
        "its cluster uses 'certificate-authority' (a file path); embed the CA as 'certificate-authority-data'",
    };
  }
  const plugins: Array<[keyof User, string]> = [
    ['exec', 'exec'],
    ['authProvider', 'auth-provider'],
    ['certFile', 'client-certificate'],
    ['keyFile', 'client-key'],
  ];
  for (const [key, field] of plugins) {
    if (user[key] !== undefined && user[key] !== null) return refused(field);
  }
  const source: KubeconfigSource = {
    server: cluster.server,
    credential: { token: '' },
  };
  if (typeof cluster.caData === 'string' && cluster.caData) {
    source.caData = cluster.caData;
  }
  if (cluster.skipTLSVerify) source.insecureSkipTlsVerify = true;
  if (typeof user.token === 'string' && user.token) {
    source.credential = { token: user.token };
  } else if (
    typeof user.certData === 'string' &&
    typeof user.keyData === 'string'
  ) {
    source.credential = {
      clientCertificateData: user.certData,
      clientKeyData: user.keyData,
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
