import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  resolveSetup,
  type ResolvedPlatformMeshSetup,
  type SetupKubeconfigs,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import type { PlatformMeshClustersService } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import type { SetupInput } from '../input/readSetupInput';
import { baseKubeconfigsOf } from './applyCredentials';
import { buildApplyPlan, type ApplyPlan } from './applyPlan';
import { objectRoles, type ObjectRoles } from './objectRoles';
import type { ApplyOptions } from './readApplyInput';

/** What the phases of one apply share. */
export interface ApplyRun extends ObjectRoles {
  clusters: PlatformMeshClustersService;
  options: ApplyOptions;
  input: SetupInput;
  resolved: ResolvedPlatformMeshSetup;
  /** The instance annotation; names the checkpoints. */
  annotation: string;
  /** `credentials: serviceAccount`: the Secrets carry ServiceAccount tokens. */
  useServiceAccounts: boolean;
  /** The kubeconfigs the Secrets carry, before tokens are filled in; none when none are written. */
  baseKubeconfigs?: SetupKubeconfigs;
  /** The current plan: the dry run replaces it once the tokens to preview are known. */
  plan: ApplyPlan;
  /** The plan with these kubeconfigs in the Secrets (the setup alone when there are none). */
  planFor(kubeconfigs?: SetupKubeconfigs): ApplyPlan;
  logger: LoggerService;
  signal?: AbortSignal;
}

/**
 * Starts an apply: builds its first plan (placeholder tokens for ServiceAccount credentials) and
 * logs what it is about to do.
 *
 * @param options - the clusters service, the read input, the logger and whether it is a dry run
 * @internal
 */
export function startApplyRun(options: {
  clusters: PlatformMeshClustersService;
  options: ApplyOptions;
  input: SetupInput;
  logger: LoggerService;
  signal?: AbortSignal;
  isDryRun?: boolean;
}): ApplyRun {
  const { clusters, input, logger, signal } = options;
  const { setup, target } = input;
  const resolved = resolveSetup(setup);
  const useServiceAccounts = input.credentials === 'serviceAccount';
  const baseKubeconfigs = baseKubeconfigsOf(input, clusters);
  const planFor = (kubeconfigs?: SetupKubeconfigs): ApplyPlan =>
    buildApplyPlan(
      kubeconfigs && Object.keys(kubeconfigs).length > 0
        ? { ...setup, kubeconfigs }
        : setup,
      useServiceAccounts,
    );
  const plan = planFor(baseKubeconfigs);
  const state = {
    clusters,
    options: options.options,
    input,
    resolved,
    annotation: plan.render.annotation,
    useServiceAccounts,
    baseKubeconfigs,
    plan,
    planFor,
    logger,
    signal,
  };
  const run: ApplyRun = Object.assign(state, objectRoles(state));

  logger.info(
    `${options.isDryRun ? 'Dry run: checking' : 'Applying'} Platform Mesh ${
      run.annotation
    } (${plan.items.length} objects; operator cluster "${
      target.operatorCluster
    }", runtime "${target.runtimeCluster}", infra "${
      target.infraCluster
    }"; credentials: ${input.credentials})`,
  );
  return run;
}
