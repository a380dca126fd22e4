import type { DiagnosticSeverity, Health } from '../types/status';
import { worseHealth } from './healthOrder';

/**
 * The parts an instance's overall health is combined from.
 *
 * @public
 */
export interface HealthParts {
  /** Health of the PlatformMesh itself (`unknown` when it could not be read or was not found). */
  instance: Health;
  /** Health of each HelmRelease, Kustomization or Application the operator created. */
  releases?: Health[];
  /** Health of each Flux source. */
  sources?: Health[];
  /** Severities of the diagnostic findings. */
  diagnostics?: DiagnosticSeverity[];
  /**
   * Something the health depends on could not be read (a cluster unreachable, a list forbidden,
   * a required CRD missing, a watch not listed yet; see `missingReads`).
   */
  incomplete?: boolean;
}

/**
 * Combines the instance's health with what the operator deployed. The instance's own health is the
 * base; the other parts can only make it more urgent (see `HEALTH_ORDER`), never better:
 *
 * - a `failed` or `degraded` release or source → at least `degraded` (the operator may still report
 *   Ready, e.g. when its Wait step does not cover that release, but a component is broken);
 * - a `progressing` release or source → at least `progressing`;
 * - an `error` diagnostic → at least `degraded` (the setup is broken even if the last conditions
 *   look fine, e.g. the operator's kubeconfig Secret has been deleted since);
 * - `suspended`, `unknown` or `healthy` parts, and warnings or infos, change nothing.
 *
 * When the parts are `incomplete`, a result better than `degraded` (healthy, progressing,
 * suspended) becomes `unknown`: what was not read may be broken, so nothing is claimed. A known-bad
 * answer stays: a failed PlatformMesh stays `failed`, a broken release still makes it `degraded`.
 *
 * A failed PlatformMesh stays `failed`; a `healthy` one with everything else healthy (and read)
 * stays `healthy`.
 *
 * @param parts - the instance's health and the health of its parts
 * @public
 */
export function overallHealth(parts: HealthParts): Health {
  const components = [...(parts.releases ?? []), ...(parts.sources ?? [])];
  let result = parts.instance;
  for (const health of components) {
    if (health === 'failed' || health === 'degraded') {
      result = worseHealth(result, 'degraded');
    } else if (health === 'progressing') {
      result = worseHealth(result, 'progressing');
    }
  }
  if ((parts.diagnostics ?? []).includes('error')) {
    result = worseHealth(result, 'degraded');
  }
  if (parts.incomplete && result !== 'failed' && result !== 'degraded') {
    return 'unknown';
  }
  return result;
}
