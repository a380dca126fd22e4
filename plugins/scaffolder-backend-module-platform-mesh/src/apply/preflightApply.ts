import type { ApplyRun } from './applyRun';
import { PreflightError } from './errors';
import { adoptInstalledForms } from './installedFormPlan';
import { assertOwnership } from './ownership';
import { preflight, type PreflightInput } from './preflight';

/** The CRDs the apply needs: the PlatformMesh on the runtime cluster, Argo CD or Flux on infra. */
function requiredTypes({
  input: { target },
}: ApplyRun): PreflightInput['requiredTypes'] {
  return [
    {
      cluster: target.runtimeCluster,
      type: {
        group: 'core.platform-mesh.io',
        version: 'v1alpha1',
        kind: 'PlatformMesh',
      },
      what: 'the PlatformMesh CRD (platformmeshes.core.platform-mesh.io)',
      hint: 'install the platform-mesh-operator-crds chart on the runtime cluster',
    },
    target.deploymentTechnology === 'argocd'
      ? {
          cluster: target.infraCluster,
          type: { group: 'argoproj.io', kind: 'Application' },
          what: 'the Argo CD Application CRD (applications.argoproj.io)',
          hint: 'install Argo CD on the infra cluster',
        }
      : {
          cluster: target.infraCluster,
          type: { group: 'helm.toolkit.fluxcd.io', kind: 'HelmRelease' },
          what: 'the Flux HelmRelease CRD (helmreleases.helm.toolkit.fluxcd.io)',
          hint: 'install Flux (helm-controller, source-controller) on the infra cluster',
        },
  ];
}

/** The reads waitForReady wants; without them it still runs, with a warning. */
function optionalAccess({
  input: { target },
  options,
  resolved,
}: ApplyRun): PreflightInput['optionalAccess'] {
  if (!options.waitForReady) return [];
  return [
    {
      cluster: target.runtimeCluster,
      attributes: {
        verb: 'get',
        group: 'core.platform-mesh.io',
        resource: 'platformmeshes',
        namespace: resolved.instance.namespace,
        name: resolved.instance.name,
      },
      without: 'waitForReady cannot read the PlatformMesh and will time out',
    },
    {
      cluster: target.infraCluster,
      attributes:
        target.deploymentTechnology === 'argocd'
          ? {
              verb: 'list',
              group: 'argoproj.io',
              resource: 'applications',
              namespace: resolved.instance.namespace,
            }
          : {
              verb: 'list',
              group: 'helm.toolkit.fluxcd.io',
              resource: 'helmreleases',
              namespace: resolved.instance.namespace,
            },
      without:
        'waitForReady watches the PlatformMesh conditions only and cannot fail fast on a stalled release',
    },
  ];
}

/**
 * The preflight phase: every cluster of the plan is reachable, has the CRDs installed and allows
 * every write (SelfSubjectAccessReviews). Logs the warnings; reports all problems at once.
 *
 * @param run - the apply
 * @throws PreflightError listing every problem
 * @internal
 */
export async function preflightApply(run: ApplyRun): Promise<void> {
  const { clusters, plan, logger, signal } = run;
  const check = await preflight({
    clusters,
    items: plan.items,
    tokenRequests: plan.serviceAccounts,
    requiredTypes: requiredTypes(run),
    optionalAccess: optionalAccess(run),
    signal,
  });
  for (const warning of check.warnings) logger.warn(warning);
  if (!check.ok) throw new PreflightError(check.problems);
  adoptInstalledForms(run, check.providerConnectionForms);
  // Never take over another team's Secret or ConfigMap, force or not.
  await assertOwnership({
    clusters,
    items: plan.items,
    signal,
    reads: run.reads,
  });
  logger.info(
    `Preflight passed on ${
      new Set(plan.items.map(i => i.cluster)).size
    } cluster(s): reachable, CRDs installed, access allowed`,
  );
}
