import restClientErrorB7 from '../health/__fixtures__/recorded/B7-helmrelease-kubeconfig-secret-deleted-RESTClientError.json';
import {
  failingDemoRelease,
  snapshotWithReleases,
} from './__fixtures__/releaseSnapshot';
import { releaseNamespaceMissingRule } from './releaseNamespaceMissing';

describe('release-namespace-missing', () => {
  it("reports the HelmRelease's namespace missing on the runtime cluster, where Helm stores the release", () => {
    const message =
      'Helm install failed for release platform-mesh-system/demo-cm with chart demo-cm@0.1.0: create: failed to create: namespaces "platform-mesh-system" not found';
    expect(
      releaseNamespaceMissingRule.evaluate(
        snapshotWithReleases(failingDemoRelease('InstallFailed', message)),
      ),
    ).toEqual([
      {
        id: 'release-namespace-missing',
        severity: 'error',
        cluster: 'runtime',
        summary:
          'Namespace platform-mesh-system is missing on the runtime cluster',
        detail: `HelmRelease platform-mesh-system/demo-cm on the infra cluster "infra" fails (InstallFailed): ${message}. Helm stores the release in namespace platform-mesh-system on the cluster it installs into, and install.createNamespace creates only the targetNamespace, so this namespace must exist on the runtime cluster "runtime".`,
        hint: 'Create the namespace on the runtime cluster "runtime": kubectl create namespace platform-mesh-system. Flux installs at its next attempt, or at once with flux reconcile helmrelease demo-cm -n platform-mesh-system on the infra cluster.',
      },
    ]);
  });

  it('names a missing target namespace too', () => {
    const [finding] = releaseNamespaceMissingRule.evaluate(
      snapshotWithReleases(
        failingDemoRelease(
          'InstallFailed',
          'Helm install failed for release platform-mesh-system/demo-cm with chart demo-cm@0.1.0: failed to create resource: namespaces "demo" not found',
        ),
      ),
    );
    expect(finding.summary).toBe(
      'Namespace demo is missing on the runtime cluster',
    );
    expect(finding.detail).toContain(
      'The release installs into namespace demo and install.createNamespace is not set.',
    );
  });

  it('does not mistake the missing kubeConfig Secret (B7) for a missing namespace', () => {
    expect(
      releaseNamespaceMissingRule.evaluate(
        snapshotWithReleases(restClientErrorB7),
      ),
    ).toEqual([]);
  });
});
