import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  resolveSetup,
  type InstalledProviderConnectionForms,
  type ResolvedPlatformMeshSetup,
  type SetupKubeconfigs,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import type {
  DryRunResult,
  PlatformMeshClustersService,
} from '@platform-mesh-backstage/plugin-platform-mesh-node';
import type { ServiceAccountToken } from '../credentials/serviceAccountTokens';
import type { SetupInput } from '../input/readSetupInput';
import { baseKubeconfigsOf } from './applyCredentials';
import { buildApplyPlan, type ApplyPlan } from './applyPlan';
import { planInInstalledForm } from './installedFormPlan';
import { ObjectReads } from './objectReads';
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
  /**
   * The dry run of the plan, once done: the writes reuse it (one dry run per object) and check the
   * objects it deferred (their namespace did not exist yet) right after the Namespaces.
   */
  verified?: DryRunResult;
  /**
   * The tokens the dry run previewed (ServiceAccount credentials): the writes keep the reusable
   * ones and mint the rest without reading the Secrets and ServiceAccounts again.
   */
  previewedTokens?: ServiceAccountToken[];
  /** Reads before the first write, each sent once (ownership check, token preview). */
  reads: ObjectReads;
  /** The provider connection forms the runtime cluster's PlatformMesh CRD declares (preflight). */
  providerConnectionForms?: InstalledProviderConnectionForms;
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
  const build = (kubeconfigs?: SetupKubeconfigs): ApplyPlan =>
    buildApplyPlan(
      kubeconfigs && Object.keys(kubeconfigs).length > 0
        ? { ...setup, kubeconfigs }
        : setup,
      useServiceAccounts,
      false,
      input.annotations,
    );
  // Once the preflight has read the installed CRD, every plan takes its provider connection form.
  const started: { run?: ApplyRun } = {};
  const planFor = (kubeconfigs?: SetupKubeconfigs): ApplyPlan =>
    planInInstalledForm(
      build(kubeconfigs),
      started.run?.providerConnectionForms,
    ).plan;
  const plan = build(baseKubeconfigs);
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
    reads: new ObjectReads(clusters),
    logger,
    signal,
  };
  const run: ApplyRun = Object.assign(state, objectRoles(state));
  started.run = run;

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
