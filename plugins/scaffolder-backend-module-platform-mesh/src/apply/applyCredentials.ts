import type { SetupKubeconfigs } from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type { PlatformMeshClustersService } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import {
  serviceAccountTokens,
  type ServiceAccountToken,
} from '../credentials/serviceAccountTokens';
import {
  PLACEHOLDER_TOKEN,
  serviceAccountKubeconfigs,
  type SetupInput,
} from '../input/readSetupInput';
import type { ApplyPlan } from './applyPlan';
import type { ApplyRun } from './applyRunState';

/**
 * A ServiceAccount token in the kubeconfig Secrets, as the outputs show it (never the token).
 * A type, not an interface: checkpoint values must be JSON objects.
 */
export type TokenOutcome = {
  cluster: string;
  serviceAccount: string;
  expiresAt?: string;
  origin: string;
};

/** An apply whose Secrets carry ServiceAccount tokens it reads or mints. */
type TokenApplyRun = ApplyRun & { baseKubeconfigs: SetupKubeconfigs };

/**
 * The kubeconfigs the Secrets carry before tokens are filled in: the ServiceAccount kubeconfigs,
 * the ones from the task secrets, or none (`credentials: none`).
 *
 * @param input - the read setup input
 * @param clusters - the clusters service
 * @internal
 */
export function baseKubeconfigsOf(
  input: SetupInput,
  clusters: PlatformMeshClustersService,
): SetupKubeconfigs | undefined {
  if (input.credentials === 'serviceAccount') {
    return serviceAccountKubeconfigs(input, clusters);
  }
  if (input.credentials === 'secrets') return input.secretKubeconfigs;
  return undefined;
}

/**
 * Whether the apply's Secrets carry ServiceAccount tokens, which it reads and later mints.
 *
 * @param run - the apply
 * @internal
 */
export function carriesTokens(run: ApplyRun): run is TokenApplyRun {
  return run.useServiceAccounts && Boolean(run.baseKubeconfigs);
}

/** Puts minted or reused tokens into the ServiceAccount kubeconfigs. */
function withTokens(
  base: SetupKubeconfigs,
  tokens: ServiceAccountToken[],
): SetupKubeconfigs {
  const result: SetupKubeconfigs = {};
  for (const [id, source] of Object.entries(base) as Array<
    [keyof SetupKubeconfigs, NonNullable<SetupKubeconfigs['operatorToRuntime']>]
  >) {
    const token = tokens.find(t => t.source === id)?.token || PLACEHOLDER_TOKEN;
    result[id] = { ...source, credential: { token } };
  }
  return result;
}

/**
 * The plan with these tokens in the ServiceAccount kubeconfigs.
 *
 * @param run - the apply
 * @param tokens - the tokens; a kubeconfig without one keeps the placeholder
 * @internal
 */
export function planWithTokens(
  run: TokenApplyRun,
  tokens: ServiceAccountToken[],
): ApplyPlan {
  return run.planFor(withTokens(run.baseKubeconfigs, tokens));
}

function tokensOf(
  run: TokenApplyRun,
  mint: boolean,
  only?: { serviceAccounts: ApplyPlan['serviceAccounts']; reread: boolean },
): Promise<ServiceAccountToken[]> {
  return serviceAccountTokens({
    clusters: run.clusters,
    resolved: run.resolved,
    serviceAccounts: only?.serviceAccounts ?? run.plan.serviceAccounts,
    expirationSeconds: run.options.tokenExpirationSeconds,
    // without a re-read every listed ServiceAccount gets a new token
    rotate: only ? !only.reread : run.options.rotateTokens,
    mint,
    logger: run.logger,
    signal: run.signal,
    // the preview reads before the first write, through the run's shared reads; a mint after
    // writes (the Namespaces, the ServiceAccounts) reads the clusters again
    read: mint
      ? undefined
      : (cluster, ref) => run.reads.tryGet(cluster, ref, run.signal),
  });
}

/**
 * The tokens the Secrets will carry when the current ones can stay; mints nothing.
 *
 * @param run - the apply
 * @internal
 */
export function previewTokens(
  run: TokenApplyRun,
): Promise<ServiceAccountToken[]> {
  return tokensOf(run, false);
}

/**
 * Keeps the current tokens that may stay and mints the others, logging which was which.
 *
 * @param run - the apply
 * @returns the tokens, and how the outputs show them
 * @internal
 */
export async function mintTokens(
  run: TokenApplyRun,
): Promise<{ tokens: ServiceAccountToken[]; outcomes: TokenOutcome[] }> {
  // The dry run's preview already read the current Secrets and ServiceAccounts: a token it found
  // reusable is the one the dry run checked, so it is kept without reading again, and the others
  // are minted without reading again (the preview found nothing to keep for them).
  const previewed = run.previewedTokens;
  let tokens: ServiceAccountToken[];
  if (previewed) {
    const kept = previewed.filter(t => t.origin === 'reused');
    const rest = run.plan.serviceAccounts.filter(
      sa => !kept.some(t => t.source === sa.source),
    );
    const fresh = rest.length
      ? await tokensOf(run, true, { serviceAccounts: rest, reread: false })
      : [];
    tokens = run.plan.serviceAccounts.flatMap(sa => {
      const token =
        kept.find(t => t.source === sa.source) ??
        fresh.find(t => t.source === sa.source);
      return token ? [token] : [];
    });
  } else {
    tokens = await tokensOf(run, true);
  }
  for (const t of tokens) {
    run.logger.info(
      `ServiceAccount ${t.serviceAccount.namespace}/${
        t.serviceAccount.name
      } on cluster "${t.serviceAccount.cluster}": ${
        t.origin === 'reused' ? 'current token kept' : 'token minted'
      }${t.expiresAt ? `, expires ${t.expiresAt}` : ''}`,
    );
  }
  const outcomes = tokens.map(t => ({
    cluster: t.serviceAccount.cluster,
    serviceAccount: `${t.serviceAccount.namespace}/${t.serviceAccount.name}`,
    ...(t.expiresAt ? { expiresAt: t.expiresAt } : {}),
    origin: t.origin,
  }));
  return { tokens, outcomes };
}
