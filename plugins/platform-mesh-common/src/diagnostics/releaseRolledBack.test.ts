import remediated from '../health/__fixtures__/helmrelease-upgrade-remediated.json';
import retriesExceeded from '../health/__fixtures__/helmrelease-retries-exceeded.json';
import upgradedB14 from '../health/__fixtures__/recorded/B14-helmrelease-upgraded-after-profile-change-and-touch.json';
import { snapshotWithReleases } from './__fixtures__/releaseSnapshot';
import { releaseRolledBackRule } from './releaseRolledBack';

describe('release-rolled-back', () => {
  it('says which revision runs after the rollback, and the upgrade error', () => {
    const [finding, ...rest] = releaseRolledBackRule.evaluate(
      snapshotWithReleases(remediated),
    );
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      id: 'release-rolled-back',
      severity: 'warning',
      cluster: 'infra',
      summary: 'HelmRelease iam-service was rolled back',
    });
    expect(finding.detail).toContain(
      'cannot patch "iam-service" with kind Deployment',
    );
    expect(finding.detail).toContain(
      'the runtime cluster runs revision 5 (iam-service@0.5.2) again, not what the spec asks for',
    );
    expect(finding.hint).toContain(
      'flux reconcile helmrelease iam-service -n platform-mesh-system',
    );
  });

  it('leaves a stalled release to release-retries-exceeded, and a recorded upgrade (B14) alone', () => {
    expect(
      releaseRolledBackRule.evaluate(
        snapshotWithReleases(retriesExceeded, upgradedB14),
      ),
    ).toEqual([]);
  });
});
