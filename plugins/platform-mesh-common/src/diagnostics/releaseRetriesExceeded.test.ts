import retriesExceeded from '../health/__fixtures__/helmrelease-retries-exceeded.json';
import recoveredB8 from '../health/__fixtures__/recorded/B8-helmrelease-secret-restored-recovered.json';
import restClientErrorB7 from '../health/__fixtures__/recorded/B7-helmrelease-kubeconfig-secret-deleted-RESTClientError.json';
import type { HelmRelease } from '../types/flux';
import { copy, snapshotWithReleases } from './__fixtures__/releaseSnapshot';
import { releaseRetriesExceededRule } from './releaseRetriesExceeded';

describe('release-retries-exceeded', () => {
  it('says Flux gave up, with the last Helm error and how to make it try again', () => {
    const [finding, ...rest] = releaseRetriesExceededRule.evaluate(
      snapshotWithReleases(retriesExceeded),
    );
    expect(rest).toEqual([]);
    expect(finding).toEqual({
      id: 'release-retries-exceeded',
      severity: 'error',
      cluster: 'infra',
      summary: 'HelmRelease keycloak has given up: retries exceeded',
      detail:
        'HelmRelease platform-mesh-system/keycloak on the infra cluster "infra" is Stalled (RetriesExceeded): Failed to upgrade after 4 attempt(s). The last Helm error: Helm upgrade failed for release platform-mesh-system/keycloak with chart keycloak@24.0.1: context deadline exceeded. Flux does not retry the upgrade on its own any more: only a change of the HelmRelease\'s spec or a reset or forced reconcile makes it try again.',
      hint: expect.stringContaining(
        'flux reconcile helmrelease keycloak -n platform-mesh-system --reset',
      ),
    });
    expect(finding.hint).toContain('--force');
    expect(finding.hint).toContain(
      'kubectl -n platform-mesh-system annotate --overwrite helmreleases.helm.toolkit.fluxcd.io keycloak reconcile.fluxcd.io/requestedAt="$T" reconcile.fluxcd.io/resetAt="$T"',
    );
    expect(finding.hint).toContain('reconcile.fluxcd.io/forceAt');
  });

  it('stays silent for the recorded releases that still retry or recovered (B7, B8)', () => {
    expect(
      releaseRetriesExceededRule.evaluate(
        snapshotWithReleases(restClientErrorB7, recoveredB8),
      ),
    ).toEqual([]);
  });

  it('stays silent once the spec changed: Flux retries a new generation on its own', () => {
    const hr = copy<HelmRelease>(retriesExceeded);
    hr.metadata.generation = 3;
    expect(
      releaseRetriesExceededRule.evaluate(snapshotWithReleases(hr)),
    ).toEqual([]);
  });

  it('says nothing when the infra cluster could not be read', () => {
    const snapshot = snapshotWithReleases(retriesExceeded);
    snapshot.clusters.infra = {
      cluster: 'infra',
      reachable: false,
      error: { type: 'unreachable', message: 'connection refused' },
    };
    expect(releaseRetriesExceededRule.evaluate(snapshot)).toEqual([]);
  });
});
