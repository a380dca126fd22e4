import { findCondition, isGenerationBehind } from '../health/conditions';
import { boundedText } from '../health/text';
import { canRead, instanceHelmReleases, SNAPSHOT_RESOURCES } from '../snapshot';
import type { InstanceSnapshot } from '../snapshot';
import type { HelmRelease } from '../types/flux';
import type { Condition } from '../types/kubernetes';
import { onCluster } from './text';

/**
 * The operator-created HelmReleases the release diagnostics look at: readable on the infra
 * cluster, not suspended, not being deleted, and reconciled for their current spec (a release
 * whose generation is ahead of what helm-controller observed is about to be retried).
 */
export function currentHelmReleases(snapshot: InstanceSnapshot): HelmRelease[] {
  if (!canRead(snapshot, 'infra', SNAPSHOT_RESOURCES.helmReleases)) return [];
  return instanceHelmReleases(snapshot).filter(
    hr =>
      hr.spec?.suspend !== true &&
      !hr.metadata.deletionTimestamp &&
      !isGenerationBehind(hr),
  );
}

/**
 * The release's `Ready=False` condition when it describes the current generation (its
 * `observedGeneration` is absent or equals `metadata.generation`), else undefined.
 */
export function failedReady(hr: HelmRelease): Condition | undefined {
  const ready = findCondition(hr, 'Ready');
  if (ready?.status !== 'False') return undefined;
  const generation = hr.metadata.generation;
  if (
    typeof ready.observedGeneration === 'number' &&
    typeof generation === 'number' &&
    ready.observedGeneration !== generation
  ) {
    return undefined;
  }
  return ready;
}

/** `HelmRelease platform-mesh-system/portal on the infra cluster "infra"` */
export function releaseOnInfra(
  snapshot: InstanceSnapshot,
  hr: HelmRelease,
): string {
  return `HelmRelease ${hr.metadata.namespace}/${
    hr.metadata.name
  } on ${onCluster(snapshot, 'infra')}`;
}

/** A condition message cut to a readable length, without a trailing period. */
export function quoted(message: string | undefined): string {
  return (boundedText(message, 500) ?? '(no message)').replace(/\.$/, '');
}

/** `flux reconcile helmrelease portal -n platform-mesh-system` plus the given flags. */
export function fluxReconcile(hr: HelmRelease, ...flags: string[]): string {
  return [
    `flux reconcile helmrelease ${hr.metadata.name} -n ${hr.metadata.namespace}`,
    ...flags,
  ].join(' ');
}

/**
 * The kubectl equivalent of `flux reconcile`: the `reconcile.fluxcd.io/requestedAt` annotation,
 * and for a reset or a forced release `reconcile.fluxcd.io/resetAt` / `forceAt` with the same
 * token (helm-controller acts on them only when they equal `requestedAt`).
 */
export function reconcileAnnotation(
  hr: HelmRelease,
  extra?: 'resetAt' | 'forceAt',
): string {
  const annotations = [
    'reconcile.fluxcd.io/requestedAt="$T"',
    ...(extra ? [`reconcile.fluxcd.io/${extra}="$T"`] : []),
  ];
  return `T=$(date +%s); kubectl -n ${
    hr.metadata.namespace
  } annotate --overwrite helmreleases.helm.toolkit.fluxcd.io ${
    hr.metadata.name
  } ${annotations.join(' ')}`;
}
