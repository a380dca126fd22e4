import { boundedText } from '../health/text';
import {
  missingReads,
  SNAPSHOT_RESOURCES,
  type MissingRead,
  type RequiredRead,
} from '../snapshot';
import type { Diagnostic, DiagnosticSeverity } from '../types/status';
import { listNames } from './text';
import type { DiagnosticRule } from './types';

/** Which product installs the CRD of a required kind, for "X is not installed" texts. */
const INSTALLED_BY: Partial<Record<string, string>> = {
  [SNAPSHOT_RESOURCES.helmReleases]: 'Flux (its helm-controller)',
  [SNAPSHOT_RESOURCES.ociRepositories]: 'Flux (its source-controller)',
  [SNAPSHOT_RESOURCES.helmRepositories]: 'Flux (its source-controller)',
  [SNAPSHOT_RESOURCES.applications]: 'Argo CD',
  [SNAPSHOT_RESOURCES.platformMeshes]: "The Platform Mesh operator's CRD",
};

const SEVERITY: Record<string, DiagnosticSeverity> = {
  'crd-missing': 'error',
  forbidden: 'error',
  unauthorized: 'error',
};

const UNKNOWN_HEALTH =
  "so the instance's overall health is unknown until it can be read";

function where(m: MissingRead): string {
  return `the ${m.role} cluster "${m.cluster}"`;
}

function reason(m: MissingRead): string {
  return boundedText(m.error.message, 500) ?? m.error.type;
}

function kindsOf(reads: RequiredRead[]): string {
  return listNames(
    reads.map(r => r.kinds),
    reads.length,
  );
}

function clusterFinding(m: MissingRead): Diagnostic {
  const hints: Record<string, string> = {
    unauthorized: `The credentials configured for cluster "${m.cluster}" are not accepted: renew the service account token in the Backstage configuration.`,
    timeout: `Check that the API server of cluster "${m.cluster}" answers in time from the Backstage backend (platformMesh.requestTimeoutSeconds).`,
  };
  return {
    id: 'read-failed',
    severity: SEVERITY[m.error.type] ?? 'warning',
    cluster: m.role,
    summary: `Cannot read ${where(m)}: ${m.error.type}`,
    detail: `${kindsOf(m.reads)} on ${where(m)} could not be read (${reason(
      m,
    )}), ${UNKNOWN_HEALTH}.`,
    hint:
      hints[m.error.type] ??
      `Check that the API server of cluster "${m.cluster}" runs and is reachable from the Backstage backend at the URL configured for it.`,
  };
}

function resourceFinding(m: MissingRead): Diagnostic {
  const [r] = m.reads;
  const severity = SEVERITY[m.error.type] ?? 'warning';
  if (m.error.type === 'crd-missing') {
    const product = INSTALLED_BY[r.resource] ?? `The CRD of ${r.kinds}`;
    return {
      id: 'read-failed',
      severity,
      cluster: m.role,
      summary: `${product} is not installed on ${where(m)}: ${
        r.resource
      } is not served`,
      detail: `${where(m)} does not serve ${r.resource}, which the instance's ${
        m.role === 'runtime' ? 'PlatformMesh' : 'deployment'
      } needs; ${UNKNOWN_HEALTH}.`,
      hint: `Install ${product.replace(/^The /, 'the ')} on ${where(
        m,
      )}, or correct the target's cluster roles or deploymentTechnology in the Backstage configuration.`,
    };
  }
  if (m.error.type === 'unknown' && !m.error.statusCode) {
    return {
      id: 'read-failed',
      severity,
      cluster: m.role,
      summary: `${r.kinds} on ${where(m)} have not been read yet`,
      detail: `${r.kinds} (${r.resource}) on ${where(
        m,
      )} are not in the cache yet (${reason(m)}), ${UNKNOWN_HEALTH}.`,
      hint: 'Wait for the first list to complete; if this stays, the backend logs say why the watch does not list.',
    };
  }
  return {
    id: 'read-failed',
    severity,
    cluster: m.role,
    summary: `Cannot read ${r.kinds} on ${where(m)}: ${m.error.type}`,
    detail: `Listing ${r.resource} on ${where(m)} failed (${reason(
      m,
    )}), ${UNKNOWN_HEALTH}.`,
    hint:
      m.error.type === 'forbidden'
        ? `Grant the Backstage service account of cluster "${m.cluster}" get, list and watch on ${r.resource} (a ClusterRole bound to it).`
        : `The backend logs of the status cache say more about the failing list of ${r.resource}.`,
  };
}

/**
 * `read-failed`: a list the instance's health depends on (see `requiredReads`) could not be read,
 * so the overall health is `unknown`. One finding per cluster that could not be used at all
 * (listing what it would have provided), else one per list: a required kind whose CRD is not
 * served (e.g. "Flux (its helm-controller) is not installed on the infra cluster …:
 * helmreleases.helm.toolkit.fluxcd.io is not served"), a forbidden list, or a watch that has not
 * listed yet. Severity `error` for a missing CRD, forbidden and unauthorized (configuration to
 * fix), `warning` otherwise (may pass). `overallHealth` does not count these findings: the
 * instance is `unknown`, not `degraded`.
 */
export const readFailedRule: DiagnosticRule = {
  id: 'read-failed',
  evaluate(snapshot) {
    return missingReads(snapshot).map(m =>
      m.clusterWide ? clusterFinding(m) : resourceFinding(m),
    );
  },
};
