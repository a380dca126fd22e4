import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  type KubernetesObject,
  type Secret,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  describeSetupSecrets,
  type ResolvedPlatformMeshSetup,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type {
  ObjectRef,
  PlatformMeshClustersService,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import { parseKubeconfig } from './parseKubeconfig';
import type {
  KubeconfigSourceId,
  ServiceAccountRef,
} from './serviceAccountRbac';

/** Default lifetime of minted tokens: one year. */
export const DEFAULT_TOKEN_EXPIRATION_SECONDS = 365 * 24 * 60 * 60;

/**
 * A token in use is kept while more than this share of its lifetime is left; below, a re-run
 * mints a new one (rotation).
 */
const ROTATE_BELOW_REMAINING = 0.25;

/** The token a ServiceAccount kubeconfig gets. Holds a credential: never log or output it. */
export interface ServiceAccountToken {
  source: KubeconfigSourceId;
  serviceAccount: ServiceAccountRef;
  /** Empty when not minted (dry run without a reusable token). */
  token: string;
  /** When the token expires (ISO 8601), when known. */
  expiresAt?: string;
  /** `reused`: the token in the current Secret is still valid long enough. */
  origin: 'reused' | 'minted' | 'not-minted';
}

interface TokenClaims {
  sub?: string;
  exp?: number;
  iat?: number;
  'kubernetes.io'?: { serviceaccount?: { name?: string; uid?: string } };
}

/** Reads the claims of a JWT without verifying it (the API server does that). */
export function decodeTokenClaims(token: string): TokenClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const json = Buffer.from(
      parts[1].replace(/-/g, '+').replace(/_/g, '/'),
      'base64',
    ).toString('utf8');
    const claims = JSON.parse(json);
    return typeof claims === 'object' && claims !== null ? claims : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a token can stay in use: it belongs to this ServiceAccount (subject and, when known,
 * uid: a re-created ServiceAccount invalidates older tokens), and more than
 * {@link ROTATE_BELOW_REMAINING} of its lifetime (and of the requested one) is left.
 */
function isReusableToken(
  token: string,
  serviceAccount: { namespace: string; name: string; uid?: string },
  requestedSeconds: number,
  nowSeconds: number,
): boolean {
  const claims = decodeTokenClaims(token);
  if (!claims || typeof claims.exp !== 'number') return false;
  if (
    claims.sub !==
    `system:serviceaccount:${serviceAccount.namespace}:${serviceAccount.name}`
  ) {
    return false;
  }
  const uid = claims['kubernetes.io']?.serviceaccount?.uid;
  if (serviceAccount.uid && uid && uid !== serviceAccount.uid) return false;
  const lifetime =
    typeof claims.iat === 'number'
      ? Math.min(claims.exp - claims.iat, requestedSeconds)
      : requestedSeconds;
  return claims.exp - nowSeconds > lifetime * ROTATE_BELOW_REMAINING;
}

function decode(value: string | undefined): string | undefined {
  return value === undefined
    ? undefined
    : Buffer.from(value, 'base64').toString('utf8');
}

/** The bearer token in the Secret that carries a kubeconfig of the setup, if any. */
function tokenInSecret(secret: Secret, key: string, argocd: boolean) {
  const data = (secret.data ?? {}) as Record<string, string>;
  if (argocd) {
    try {
      const config = JSON.parse(decode(data.config) ?? '');
      return typeof config?.bearerToken === 'string'
        ? (config.bearerToken as string)
        : undefined;
    } catch {
      return undefined;
    }
  }
  const kubeconfig = decode(data[key]);
  if (!kubeconfig) return undefined;
  const parsed = parseKubeconfig(kubeconfig);
  return parsed.ok && 'token' in parsed.source.credential
    ? parsed.source.credential.token || undefined
    : undefined;
}

/**
 * The tokens for the setup's ServiceAccount kubeconfigs. A token in the Secret the kubeconfig is
 * written to is reused while it belongs to the same ServiceAccount and enough of its lifetime is
 * left, so a re-run with the same input changes nothing; otherwise (or with `rotate`) a new token
 * is minted with the TokenRequest API (`serviceaccounts/<name>/token`), bound to an expiry. With
 * `mint: false` (dry runs) nothing is minted: such tokens come back empty.
 *
 * Reading the current Secret or ServiceAccount may fail (no read access): then a token is minted.
 *
 * @param options - the clusters, the resolved setup, the ServiceAccounts and the token policy
 */
export async function serviceAccountTokens(options: {
  clusters: PlatformMeshClustersService;
  resolved: ResolvedPlatformMeshSetup;
  serviceAccounts: ServiceAccountRef[];
  expirationSeconds: number;
  rotate: boolean;
  mint: boolean;
  logger: LoggerService;
  signal?: AbortSignal;
  now?: () => number;
  /** Reads shared with the rest of the apply (each object is read once before the first write). */
  read?: (
    cluster: string,
    ref: ObjectRef,
  ) => Promise<KubernetesObject | undefined>;
}): Promise<ServiceAccountToken[]> {
  const { clusters, resolved, signal, logger } = options;
  const nowSeconds = Math.floor((options.now ?? Date.now)() / 1000);
  const secrets = describeSetupSecrets(resolved);

  return Promise.all(
    options.serviceAccounts.map(async sa => {
      const saClient = clusters.getClient(sa.cluster);
      const descriptor = secrets.find(s => s.source === sa.source);
      let existing: string | undefined;
      let uid: string | undefined;
      if (!options.rotate && descriptor) {
        try {
          const read =
            options.read ??
            ((cluster: string, ref: ObjectRef) =>
              clusters.getClient(cluster).tryGet(ref, { signal }));
          const [secret, account] = await Promise.all([
            read(descriptor.cluster, {
              apiVersion: 'v1',
              kind: 'Secret',
              namespace: descriptor.namespace,
              name: descriptor.name,
            }) as Promise<Secret | undefined>,
            read(sa.cluster, {
              apiVersion: 'v1',
              kind: 'ServiceAccount',
              namespace: sa.namespace,
              name: sa.name,
            }),
          ]);
          uid = account?.metadata.uid;
          existing =
            secret && account
              ? tokenInSecret(
                  secret,
                  descriptor.key,
                  descriptor.id === 'argocd-cluster',
                )
              : undefined;
        } catch (error) {
          logger.warn(
            `Cannot read the current ${descriptor.namespace}/${
              descriptor.name
            } on cluster "${descriptor.cluster}" to reuse its token (${
              (error as Error).name
            }); a new token is minted`,
          );
        }
      }
      if (
        existing &&
        isReusableToken(
          existing,
          { namespace: sa.namespace, name: sa.name, uid },
          options.expirationSeconds,
          nowSeconds,
        )
      ) {
        const exp = decodeTokenClaims(existing)?.exp;
        return {
          source: sa.source,
          serviceAccount: sa,
          token: existing,
          expiresAt: exp ? new Date(exp * 1000).toISOString() : undefined,
          origin: 'reused' as const,
        };
      }
      if (!options.mint) {
        return {
          source: sa.source,
          serviceAccount: sa,
          token: '',
          origin: 'not-minted' as const,
        };
      }
      const minted = await saClient.requestServiceAccountToken(
        sa.namespace,
        sa.name,
        { expirationSeconds: options.expirationSeconds, signal },
      );
      return {
        source: sa.source,
        serviceAccount: sa,
        token: minted.token,
        expiresAt: minted.expirationTimestamp,
        origin: 'minted' as const,
      };
    }),
  );
}
