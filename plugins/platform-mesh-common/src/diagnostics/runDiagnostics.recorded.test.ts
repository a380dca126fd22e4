import ociRepositoryMissingB1 from '../health/__fixtures__/recorded/B1-helmrelease-cert-manager-ocirepository-missing.json';
import installedB2 from '../health/__fixtures__/recorded/B2-helmrelease-demo-cm-created-by-operator-installed-by-real-flux.json';
import restClientErrorB7 from '../health/__fixtures__/recorded/B7-helmrelease-kubeconfig-secret-deleted-RESTClientError.json';
import recoveredB8 from '../health/__fixtures__/recorded/B8-helmrelease-secret-restored-recovered.json';
import upgradedB14 from '../health/__fixtures__/recorded/B14-helmrelease-upgraded-after-profile-change-and-touch.json';
import { runDiagnostics } from './runDiagnostics';
import { snapshotWithReleases } from './__fixtures__/releaseSnapshot';

describe('runDiagnostics with each recorded real-Flux HelmRelease', () => {
  it.each<[string, unknown, string[]]>([
    ['B1 (OCIRepository missing)', ociRepositoryMissingB1, ['source-missing']],
    ['B2 (installed)', installedB2, []],
    [
      'B7 (kubeConfig Secret failed, Secret there now)',
      restClientErrorB7,
      ['release-kubeconfig-error'],
    ],
    ['B8 (recovered)', recoveredB8, []],
    ['B14 (upgraded)', upgradedB14, []],
  ])('%s', (_, release, ids) => {
    expect(
      runDiagnostics(snapshotWithReleases(release)).map(d => d.id),
    ).toEqual(ids);
  });
});
