import { stringify } from 'yaml';
import type { KubeconfigSource } from '../types/setup';

/**
 * Names used inside a built kubeconfig.
 */
interface KubeconfigNames {
  /** Cluster and context name. */
  clusterName: string;
  /** User entry name. */
  user: string;
}

/**
 * Builds a kubeconfig (one cluster, one user, one context, current-context set) from a source.
 * The result contains credentials: never log it.
 *
 * @param source - the server URL its consumer uses, TLS settings and the credential
 * @param names - cluster/context and user names
 */
export function buildKubeconfig(
  source: KubeconfigSource,
  names: KubeconfigNames,
): string {
  const cluster: Record<string, unknown> = { server: source.server };
  if (source.caData) {
    cluster['certificate-authority-data'] = source.caData;
  }
  if (source.insecureSkipTlsVerify) {
    cluster['insecure-skip-tls-verify'] = true;
  }
  const credential = source.credential;
  const user: Record<string, string> =
    'token' in credential
      ? { token: credential.token }
      : {
          'client-certificate-data': credential.clientCertificateData,
          'client-key-data': credential.clientKeyData,
        };
  return stringify(
    {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: names.clusterName, cluster }],
      users: [{ name: names.user, user }],
      contexts: [
        {
          name: names.clusterName,
          context: { cluster: names.clusterName, user: names.user },
        },
      ],
      'current-context': names.clusterName,
    },
    { lineWidth: 0 },
  );
}

/**
 * Builds the `config` JSON of an Argo CD cluster Secret (`bearerToken` or client certificate,
 * `tlsClientConfig`). Contains credentials: never log it.
 *
 * @param source - the server URL Argo CD uses, TLS settings and the credential
 */
export function buildArgocdClusterConfig(source: KubeconfigSource): string {
  const tlsClientConfig: Record<string, unknown> = {
    insecure: Boolean(source.insecureSkipTlsVerify),
  };
  if (source.caData) tlsClientConfig.caData = source.caData;
  const credential = source.credential;
  const config: Record<string, unknown> = {};
  if ('token' in credential) {
    config.bearerToken = credential.token;
  } else {
    tlsClientConfig.certData = credential.clientCertificateData;
    tlsClientConfig.keyData = credential.clientKeyData;
  }
  config.tlsClientConfig = tlsClientConfig;
  return JSON.stringify(config);
}
