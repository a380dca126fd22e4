import type { DiagnosticSeverity, Health } from '../types/status';
import { worseHealth } from './healthOrder';

/**
 * The parts an instance's overall health is combined from.
 */
interface HealthParts {
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
 * Combines the instance's health with what the operator deployed, so that a user can tell
 * "broken" from "slow". The instance's own health is the base; the other parts can only make it
 * more urgent (see `HEALTH_ORDER`), never better:
 *
 * - a `failed` release or source (Flux gave up: `Stalled=True`, e.g. `RetriesExceeded`; it does
 *   not retry until someone acts) → `failed`;
 * - a `degraded` release or source (failing, but Flux retries: `Ready=False` with a failure
 *   reason, failed attempts counted, a rolled-back upgrade) → at least `degraded`;
 * - a `progressing` release or source (installing, waiting for a source) → at least
 *   `progressing`;
 * - an `error` diagnostic → at least `degraded` (the setup is broken even if the last conditions
 *   look fine, e.g. the operator's kubeconfig Secret has been deleted since), and `failed` when
 *   nothing is reconciled: the instance is not `healthy` and no release is `healthy`, on complete
 *   data (the setup never got anywhere, and the error says why);
 * - `suspended`, `unknown` or `healthy` parts, and warnings or infos, change nothing.
 *
 * So one slow release reads `progressing`, releases failing while Flux retries read `degraded`,
 * and a release Flux gave up on, a failed PlatformMesh, or a setup that is broken from the start
 * read `failed`.
 *
 * When the parts are `incomplete`, a result better than `degraded` (healthy, progressing,
 * suspended) becomes `unknown`: what was not read may be broken, so nothing is claimed. A known-bad
 * answer stays: a failed PlatformMesh stays `failed`, a broken release still makes it `degraded`.
 *
 * A `healthy` PlatformMesh with everything else healthy (and read) stays `healthy`.
 *
 * @param parts - the instance's health and the health of its parts
 */
export function overallHealth(parts: HealthParts): Health {
  const releases = parts.releases ?? [];
  const components = [...releases, ...(parts.sources ?? [])];
  let result = parts.instance;
  for (const health of components) {
    if (health === 'failed') {
      result = worseHealth(result, 'failed');
    } else if (health === 'degraded') {
      result = worseHealth(result, 'degraded');
    } else if (health === 'progressing') {
      result = worseHealth(result, 'progressing');
    }
  }
  if ((parts.diagnostics ?? []).includes('error')) {
    const nothingReconciled =
      !parts.incomplete &&
      parts.instance !== 'healthy' &&
      !releases.includes('healthy');
    result = worseHealth(result, nothingReconciled ? 'failed' : 'degraded');
  }
  if (parts.incomplete && result !== 'failed' && result !== 'degraded') {
    return 'unknown';
  }
  return result;
}
