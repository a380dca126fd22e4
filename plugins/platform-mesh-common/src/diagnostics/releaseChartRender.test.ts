import installSucceededB2 from '../health/__fixtures__/recorded/B2-helmrelease-demo-cm-created-by-operator-installed-by-real-flux.json';
import {
  failingDemoRelease,
  snapshotWithReleases,
} from './__fixtures__/releaseSnapshot';
import { releaseChartRenderRule } from './releaseChartRender';

const RENDER_ERRORS = [
  'Helm install failed for release platform-mesh-system/demo-cm with chart demo-cm@0.1.0: template: demo-cm/templates/configmap.yaml:6:20: executing "demo-cm/templates/configmap.yaml" at <.Values.greeting.text>: can\'t evaluate field text in type interface {}',
  'Helm install failed for release platform-mesh-system/demo-cm with chart demo-cm@0.1.0: execution error at (demo-cm/templates/configmap.yaml:4:14): greeting is required',
  'Helm upgrade failed for release platform-mesh-system/demo-cm with chart demo-cm@0.1.0: YAML parse error on demo-cm/templates/configmap.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context',
];

describe('release-chart-render-failed', () => {
  it.each(RENDER_ERRORS)(
    'reports a chart that does not render: %s',
    message => {
      const findings = releaseChartRenderRule.evaluate(
        snapshotWithReleases(failingDemoRelease('InstallFailed', message)),
      );
      expect(findings).toEqual([
        {
          id: 'release-chart-render-failed',
          severity: 'error',
          cluster: 'infra',
          summary:
            'The chart demo-cm@0.1.0 of HelmRelease demo-cm does not render',
          detail: `Helm could not render the chart of HelmRelease platform-mesh-system/demo-cm on the infra cluster "infra" (InstallFailed): ${message}. Flux tries again on every interval, but the same chart and values fail the same way.`,
          hint: expect.stringContaining(
            'Correct the values in the profile ConfigMap platform-mesh-system/platform-mesh-profile on the runtime cluster (the operator renders spec.values from its components.demo-cm.values or infra section)',
          ),
        },
      ]);
    },
  );

  it('does not take other Helm failures for render errors', () => {
    expect(
      releaseChartRenderRule.evaluate(
        snapshotWithReleases(
          failingDemoRelease(
            'InstallFailed',
            'Helm install failed for release platform-mesh-system/demo-cm with chart demo-cm@0.1.0: context deadline exceeded',
          ),
          installSucceededB2,
        ),
      ),
    ).toEqual([]);
  });
});
