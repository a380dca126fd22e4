import { instancePlatformMesh } from '../snapshot';
import type { HelmRelease } from '../types/flux';
import type { Diagnostic } from '../types/status';
import { profileConfigMapRefOf } from './profileMissing';
import {
  currentHelmReleases,
  failedReady,
  fluxReconcile,
  quoted,
  releaseOnInfra,
} from './releaseText';
import type { DiagnosticRule } from './types';

/**
 * What Helm says when a chart does not render: Go template errors (`template: …`,
 * `execution error at (…)` from `required`/`fail`, `parse error at (…)`), YAML that does not
 * parse, and manifests it cannot turn into objects.
 */
const RENDER_ERROR =
  /\b(template: [^\s:]+:\d+|execution error at \(|parse error at \(|YAML parse error on |unable to build kubernetes objects from release manifest|error converting YAML to JSON)/;

function chartOf(hr: HelmRelease): string {
  const spec = hr.spec?.chart?.spec;
  const name = spec?.chart ?? hr.metadata.name;
  const version = hr.status?.lastAttemptedRevision ?? spec?.version;
  return version ? `${name}@${version}` : name;
}

/**
 * `release-chart-render-failed`: Helm could not render the chart of an operator-created
 * HelmRelease with its values (`Ready=False`, reason `InstallFailed`/`UpgradeFailed` or any other,
 * with a Helm template or manifest error in the message). helm-controller v1.4.3 keeps
 * `Reconciling=True/Progressing` and retries on every interval, but the same chart and values
 * fail the same way: an error, with the values' origin (the profile ConfigMap the operator
 * renders them from) in the hint.
 */
export const releaseChartRenderRule: DiagnosticRule = {
  id: 'release-chart-render-failed',
  evaluate(snapshot) {
    const pm = instancePlatformMesh(snapshot);
    const profile = pm ? profileConfigMapRefOf(pm) : undefined;
    return currentHelmReleases(snapshot).flatMap((hr): Diagnostic[] => {
      const ready = failedReady(hr);
      if (!ready || !RENDER_ERROR.test(ready.message ?? '')) return [];
      const chart = chartOf(hr);
      const source = profile
        ? `the profile ConfigMap ${profile.namespace}/${profile.name} on the runtime cluster (the operator renders spec.values from its components.${hr.metadata.name}.values or infra section)`
        : "the PlatformMesh's profile ConfigMap on the runtime cluster";
      return [
        {
          id: 'release-chart-render-failed',
          severity: 'error',
          cluster: 'infra',
          summary: `The chart ${chart} of HelmRelease ${hr.metadata.name} does not render`,
          detail: `Helm could not render the chart of ${releaseOnInfra(
            snapshot,
            hr,
          )} (${ready.reason ?? 'Ready=False'}): ${quoted(
            ready.message,
          )}. Flux tries again on every interval, but the same chart and values fail the same way.`,
          hint: `Correct the values in ${source}, or the chart version, so that the template renders (helm template with the same values shows the error locally). The operator picks up profile changes while the PlatformMesh is not Ready; once it is Ready, touch the PlatformMesh (e.g. add an annotation) to make it rewrite the release. Then ${fluxReconcile(
            hr,
          )} retries at once.`,
        },
      ];
    });
  },
};
