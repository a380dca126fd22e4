import restClientErrorB7 from '../../health/__fixtures__/recorded/B7-helmrelease-kubeconfig-secret-deleted-RESTClientError.json';
import { loadSnapshot } from '../../snapshot/__fixtures__/loadSnapshot';
import type { InstanceSnapshot } from '../../snapshot';
import type { HelmRelease, HelmRepository } from '../../types/flux';
import type { Condition } from '../../types/kubernetes';

/** A deep copy of a JSON fixture. */
export function copy<T>(fixture: unknown): T {
  return JSON.parse(JSON.stringify(fixture)) as T;
}

/** The HelmRepository the recorded `demo-cm` release (B2, B7, B8, B14) uses. */
const demoRepository: HelmRepository = {
  apiVersion: 'source.toolkit.fluxcd.io/v1',
  kind: 'HelmRepository',
  metadata: {
    name: 'demo-cm',
    namespace: 'platform-mesh-system',
    generation: 1,
  },
  spec: { url: 'http://127.0.0.1:18080/', interval: '1m' },
  status: {
    observedGeneration: 1,
    conditions: [
      {
        type: 'Ready',
        status: 'True',
        reason: 'Succeeded',
        message: "stored artifact: revision 'sha256:1a2b'",
        observedGeneration: 1,
      },
    ],
  },
};

/**
 * The healthy remote Flux snapshot with exactly the given HelmReleases on the infra cluster (and
 * their sources), at the time the recorded objects were written.
 */
export function snapshotWithReleases(...releases: unknown[]): InstanceSnapshot {
  const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
  snapshot.now = '2026-12-01T19:31:00Z';
  snapshot.infra.helmReleases = releases.map(r => copy<HelmRelease>(r));
  snapshot.infra.kustomizations = [];
  snapshot.infra.gitRepositories = [];
  snapshot.infra.ociRepositories = [];
  snapshot.infra.helmRepositories = [demoRepository];
  return snapshot;
}

/**
 * The recorded B7 release (`Ready=False` with `Reconciling=True/Progressing`, as helm-controller
 * v1.4.3 keeps it for failures before a Helm release is stored) with another Ready reason and
 * message: the shape real Flux writes for a chart that does not render or a missing release
 * namespace on the target cluster (`real-controllers.md`). `status.failures` counts the attempt.
 */
export function failingDemoRelease(
  reason: string,
  message: string,
): HelmRelease {
  const hr = copy<HelmRelease>(restClientErrorB7);
  const conditions = (hr.status!.conditions ?? []) as Condition[];
  hr.status!.conditions = conditions.map(c =>
    c.type === 'Ready' ? { ...c, reason, message } : c,
  );
  hr.status!.failures = 2;
  return hr;
}
