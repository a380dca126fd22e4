import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  resolveSetup,
  type SetupKubeconfigs,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type { PlatformMeshClustersService } from '@platform-mesh-backstage/plugin-platform-mesh-node';
import type { SetupInput } from '../input/readSetupInput';
import { baseKubeconfigsOf } from './applyCredentials';
import { buildApplyPlan, type ApplyPlan } from './applyPlan';
import type { ApplyRun } from './applyRunState';
import { planInInstalledForm } from './installedFormPlan';
import { ObjectReads } from './objectReads';
import { objectRoles } from './objectRoles';
import type { ApplyOptions } from './readApplyInput';

export type { ApplyRun } from './applyRunState';

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
