import { runDiagnostics, type DiagnosticOptions } from '../diagnostics';
import {
  compareHealth,
  conditionPipeline,
  describeApplication,
  describeHelmRelease,
  describeKustomization,
  describeSource,
  overallHealth,
  platformMeshHealth,
} from '../health';
import {
  instanceApplications,
  instanceHelmReleases,
  instanceKustomizations,
  instancePlatformMesh,
  instanceSources,
  isInformationalRead,
  missingReads,
  wellFormedSnapshot,
  type InstanceSnapshot,
} from '../snapshot';
import type {
  ClusterRole,
  ClusterRoleStatus,
  InstanceStatus,
  ReleaseStatus,
  SourceStatus,
} from '../types/status';
import { instanceDeletion } from './instanceDeletion';
import { kcpWorkspaceStatuses } from './kcpWorkspaces';
import { ocmResourceStatuses } from './ocmResourceStatuses';
import { secretStatuses } from './secretStatuses';

const ROLES: ClusterRole[] = ['operator', 'runtime', 'infra'];

/**
 * Orders release or source rows problems first (failed, degraded, progressing, suspended, unknown,
 * healthy), then by name, then by kind.
 *
 * @param a - one row
 * @param b - the other row
 */
function compareByHealthThenName(
  a: ReleaseStatus | SourceStatus,
  b: ReleaseStatus | SourceStatus,
): number {
  return (
    compareHealth(a.health, b.health) ||
    a.name.localeCompare(b.name) ||
    a.kind.localeCompare(b.kind)
  );
}

function clusterStatuses(
  snapshot: InstanceSnapshot,
): Record<ClusterRole, ClusterRoleStatus> {
  const entries = ROLES.map((role): [ClusterRole, ClusterRoleStatus] => {
    const read = snapshot.clusters[role];
    // a list the answer does not depend on (OCM Resources) never stands for its cluster
    const error =
      read.error ??
      read.resourceErrors?.find(e => !isInformationalRead(role, e.resource));
    return [
      role,
      {
        name: read.cluster,
        reachable: read.reachable,
        ...(read.observedAt ? { observedAt: read.observedAt } : {}),
        ...(error ? { error } : {}),
      },
    ];
  });
  return Object.fromEntries(entries) as Record<ClusterRole, ClusterRoleStatus>;
}

/**
 * Builds the backend's answer for one instance (the `InstanceStatus` of the HTTP API) from a
 * snapshot of the three clusters:
 *
 * - `instance`: the ref, `metadata.generation`, the overall health (`overallHealth` of the
 *   PlatformMesh's health, or `unknown` when it was not found, with the releases, sources and
 *   diagnostics; `unknown` unless known-bad when a list it depends on was not read, see
 *   `missingReads` and the `read-failed` diagnostic), `observedAt` of the runtime cluster read, the deployment technology and, while
 *   the PlatformMesh is being deleted, `deletion` (since when, and the finalizers it waits for);
 * - `conditions`: the condition pipeline (empty when there is no PlatformMesh);
 * - `releases`: the operator-created HelmReleases, Kustomizations and Applications, problems first;
 * - `sources`: the instance's Flux sources, problems first;
 * - `secrets`: see `secretStatuses`;
 * - `diagnostics`: `runDiagnostics`;
 * - `clusters`: each role's cluster name, reachability and error (the role-level error, else the
 *   first failed list the answer depends on); never a URL;
 * - `kcpWorkspaces`: the PlatformMesh's `status.kcpWorkspaces` (see `kcpWorkspaceStatuses`);
 * - `ocmResources`: the OCM Resources of the instance's namespace on the runtime cluster, or
 *   `ocmResourcesError` when they could not be read (see `ocmResourceStatuses`); informational, so
 *   they never change `overall`.
 *
 * The lists show what the snapshot holds; when a cluster could not be read they may be empty or
 * hold the last known state, and `clusters` says so.
 *
 * @param snapshot - what was read from the three clusters
 * @param options - tuning of the diagnostics
 * @alpha
 */
export function buildInstanceStatus(
  input: InstanceSnapshot,
  options?: DiagnosticOptions,
): InstanceStatus {
  const snapshot = wellFormedSnapshot(input);
  const pm = instancePlatformMesh(snapshot);
  const releases = [
    ...instanceHelmReleases(snapshot).map(describeHelmRelease),
    ...instanceKustomizations(snapshot).map(describeKustomization),
    ...instanceApplications(snapshot).map(describeApplication),
  ].sort(compareByHealthThenName);
  const sources = instanceSources(snapshot)
    .map(describeSource)
    .sort(compareByHealthThenName);
  const diagnostics = runDiagnostics(snapshot, options);
  const overall = overallHealth({
    instance: pm ? platformMeshHealth(pm) : 'unknown',
    releases: releases.map(r => r.health),
    sources: sources.map(s => s.health),
    // `read-failed` says why the answer is incomplete; it does not make the instance degraded
    diagnostics: diagnostics
      .filter(d => d.id !== 'read-failed')
      .map(d => d.severity),
    incomplete: missingReads(snapshot).length > 0,
  });
  const observedAt = snapshot.clusters.runtime.observedAt;
  const deletion = pm ? instanceDeletion(pm) : undefined;
  const kcpWorkspaces = kcpWorkspaceStatuses(pm);
  const ocm = ocmResourceStatuses(snapshot);
  return {
    instance: {
      ...snapshot.ref,
      ...(pm?.metadata.generation !== undefined
        ? { generation: pm.metadata.generation }
        : {}),
      overall,
      ...(observedAt ? { observedAt } : {}),
      deploymentTechnology: snapshot.deploymentTechnology,
      ...(deletion ? { deletion } : {}),
    },
    conditions: pm ? conditionPipeline(pm) : [],
    releases,
    sources,
    secrets: secretStatuses(snapshot),
    diagnostics,
    clusters: clusterStatuses(snapshot),
    ...(kcpWorkspaces ? { kcpWorkspaces } : {}),
    ...(ocm.resources ? { ocmResources: ocm.resources } : {}),
    ...(ocm.error ? { ocmResourcesError: ocm.error } : {}),
  };
}
