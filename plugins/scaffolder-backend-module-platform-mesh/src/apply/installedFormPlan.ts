import { InputError } from '@backstage/errors';
import {
  type KubernetesObject,
  type PlatformMesh,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  convertProviderConnectionForms,
  type InstalledProviderConnectionForms,
} from '@platform-mesh-backstage/plugin-platform-mesh-common/alpha';
import type { ApplyPlan } from './applyPlan';
import type { ApplyRun } from './applyRunState';

const isPlatformMesh = (object: KubernetesObject): object is PlatformMesh =>
  object.apiVersion === 'core.platform-mesh.io/v1alpha1' &&
  object.kind === 'PlatformMesh';

/**
 * A plan whose PlatformMesh writes its provider connections in the form the installed CRD
 * declares (see `convertProviderConnectionForms`); unchanged without `installed`.
 *
 * @param plan - the plan as rendered
 * @param installed - the forms the runtime cluster's PlatformMesh schema declares
 * @param against - what the forms are, for the error (default: the CRD installed on the cluster)
 * @returns the plan and what was converted, for the log
 * @throws InputError when a connection cannot take the installed form (nothing is written)
 */
export function planInInstalledForm(
  plan: ApplyPlan,
  installed: InstalledProviderConnectionForms | undefined,
  against?: string,
): { plan: ApplyPlan; converted: string[] } {
  if (!installed) return { plan, converted: [] };
  const converted: string[] = [];
  const replaced = new Map<KubernetesObject, PlatformMesh>();
  for (const item of plan.items) {
    if (!isPlatformMesh(item.object) || replaced.has(item.object)) continue;
    const result = convertProviderConnectionForms(item.object, installed);
    if (!result.ok) {
      throw new InputError(
        `The PlatformMesh's provider connections do not fit ${
          against ??
          `the PlatformMesh CRD installed on cluster "${item.cluster}"`
        }; nothing was written:\n${result.problems
          .map(p => `  - ${p.path}: ${p.message}`)
          .join('\n')}`,
      );
    }
    converted.push(...result.converted);
    replaced.set(item.object, result.platformMesh);
  }
  if (replaced.size === 0) return { plan, converted };
  const swap = <T extends { object: KubernetesObject }>(entry: T): T => {
    const next = replaced.get(entry.object);
    return next ? { ...entry, object: next } : entry;
  };
  return {
    plan: {
      ...plan,
      render: { ...plan.render, objects: plan.render.objects.map(swap) },
      items: plan.items.map(swap),
    },
    converted,
  };
}

/**
 * Makes the run's plans (this one and every later one) write the provider connections in the
 * installed CRD's form, and logs what was converted. Nothing to do without `installed` (not read).
 *
 * @param run - the apply, after its preflight
 * @param installed - the forms the preflight read
 * @throws InputError when a connection cannot take the installed form (before any write)
 */
export function adoptInstalledForms(
  run: ApplyRun,
  installed: InstalledProviderConnectionForms | undefined,
): void {
  if (!installed) return;
  const { plan, converted } = planInInstalledForm(run.plan, installed);
  run.providerConnectionForms = installed;
  run.plan = plan;
  const declared = Object.entries(installed)
    .map(([list, forms]) => `${list}: ${forms.join(' or ') || 'neither form'}`)
    .join('; ');
  run.logger.info(
    `The PlatformMesh CRD on the runtime cluster declares ${declared}${
      converted.length > 0 ? `; converted ${converted.join(', ')}` : ''
    }`,
  );
}
