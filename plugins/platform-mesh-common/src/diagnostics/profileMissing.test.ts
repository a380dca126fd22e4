import { loadSnapshot } from '../snapshot/__fixtures__/loadSnapshot';
import type { PlatformMesh } from '../types/platformMesh';
import { profileConfigMapRefOf, profileMissingRule } from './profileMissing';

const touch =
  'The operator does not watch ConfigMaps: afterwards touch the PlatformMesh (kubectl -n platform-mesh-system annotate platformmeshes.core.platform-mesh.io platform-mesh platform-mesh.io/profile-sha256=<profile hash> --overwrite).';

function withProfile(text: string | undefined) {
  const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
  snapshot.runtime.configMaps[0].data =
    text === undefined ? { other: 'x' } : { 'profile.yaml': text };
  return snapshot;
}

describe('profileConfigMapRefOf', () => {
  const pm = (spec: PlatformMesh['spec']): PlatformMesh => ({
    apiVersion: 'core.platform-mesh.io/v1alpha1',
    kind: 'PlatformMesh',
    metadata: { name: 'pm', namespace: 'ns' },
    spec,
  });
  it('defaults to <name>-profile in the PlatformMesh namespace', () => {
    expect(profileConfigMapRefOf(pm({}))).toEqual({
      name: 'pm-profile',
      namespace: 'ns',
    });
  });
  it('uses spec.profileConfigMap, its namespace defaulting to the PlatformMesh one', () => {
    expect(
      profileConfigMapRefOf(pm({ profileConfigMap: { name: 'p' } })),
    ).toEqual({ name: 'p', namespace: 'ns' });
    expect(
      profileConfigMapRefOf(
        pm({ profileConfigMap: { name: 'p', namespace: 'o' } }),
      ),
    ).toEqual({ name: 'p', namespace: 'o' });
  });
});

describe('profile-missing', () => {
  it('finds nothing for a profile that parses with infra and components', () => {
    expect(
      profileMissingRule.evaluate(
        loadSnapshot('snapshot-fluxcd-remote-healthy'),
      ),
    ).toEqual([]);
    expect(
      profileMissingRule.evaluate(
        loadSnapshot('snapshot-argocd-remote-healthy'),
      ),
    ).toEqual([]);
  });

  it('reports a missing ConfigMap', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    snapshot.runtime.configMaps = [];
    expect(profileMissingRule.evaluate(snapshot)).toEqual([
      {
        id: 'profile-missing',
        severity: 'error',
        cluster: 'runtime',
        summary: 'Profile ConfigMap platform-mesh-profile is missing',
        detail:
          'ConfigMap platform-mesh-profile in namespace platform-mesh-system on the runtime cluster "runtime" does not exist. The DeploymentSubroutine of PlatformMesh platform-mesh reads its profile from it and fails without it; the operator has no built-in profile.',
        hint: `Create the ConfigMap platform-mesh-profile in namespace platform-mesh-system on the runtime cluster "runtime" with the key profile.yaml (kubectl -n platform-mesh-system create configmap platform-mesh-profile --from-file=profile.yaml=<profile file>), on the same cluster as the PlatformMesh. ${touch}`,
      },
    ]);
  });

  it('looks for spec.profileConfigMap, not the default name', () => {
    const snapshot = loadSnapshot('snapshot-argocd-remote-healthy');
    snapshot.runtime.platformMesh!.spec!.profileConfigMap = {
      name: 'argo-profile',
      namespace: 'profiles',
    };
    expect(profileMissingRule.evaluate(snapshot).map(d => d.detail)).toEqual([
      'ConfigMap argo-profile in namespace profiles on the runtime cluster "runtime" does not exist. The DeploymentSubroutine of PlatformMesh platform-mesh reads its profile from it and fails without it; the operator has no built-in profile.',
    ]);
  });

  it('reports a ConfigMap without the profile.yaml key', () => {
    expect(profileMissingRule.evaluate(withProfile(undefined))).toEqual([
      {
        id: 'profile-missing',
        severity: 'error',
        cluster: 'runtime',
        summary:
          'Profile ConfigMap platform-mesh-profile has no key profile.yaml',
        detail:
          'ConfigMap platform-mesh-profile in namespace platform-mesh-system on the runtime cluster "runtime" exists but does not contain key profile.yaml (its keys: other); the operator reads only that key.',
        hint: `Put the profile under the key profile.yaml of ConfigMap platform-mesh-profile. ${touch}`,
      },
    ]);
  });

  it.each([
    [
      'invalid YAML',
      'infra:\n  certManager:\n    enabled: true\n   name: x\ncomponents: {}\n',
      'does not parse as YAML: All mapping items must start at the same column at line 4, column 1',
    ],
    [
      'an unquoted template expression',
      'infra: {}\ncomponents:\n  services:\n    portal:\n      values:\n        port: {{ .port }}\n',
      'has a mapping as a key at line 6, which is what an unquoted template expression such as {{ .port }} parses to',
    ],
    ['a list', '- infra\n- components\n', 'is not a YAML mapping'],
    [
      'no components section',
      'infra:\n  deploymentTechnology: fluxcd\n',
      'has no components mapping',
    ],
    ['empty text', '', 'is not a YAML mapping'],
    [
      'sections that are not mappings',
      'infra: fluxcd\ncomponents: []\n',
      'has no infra or components mapping',
    ],
  ])('reports a profile that is %s', (_, text, problem) => {
    expect(profileMissingRule.evaluate(withProfile(text))).toEqual([
      {
        id: 'profile-missing',
        severity: 'error',
        cluster: 'runtime',
        summary: 'Profile in ConfigMap platform-mesh-profile is not usable',
        detail: `The profile.yaml of ConfigMap platform-mesh-profile in namespace platform-mesh-system on the runtime cluster "runtime" ${problem}. The operator parses the whole profile as YAML before it renders templates, and reads its infra and components sections.`,
        hint: `Fix profile.yaml so that it is a YAML mapping with infra and components sections; put every template expression inside a quoted string ('{{ .baseDomain }}'). ${touch}`,
      },
    ]);
  });

  it('reports nothing without a PlatformMesh (cr-on-wrong-cluster covers that)', () => {
    const snapshot = loadSnapshot('snapshot-fluxcd-remote-healthy');
    delete snapshot.runtime.platformMesh;
    snapshot.runtime.configMaps = [];
    expect(profileMissingRule.evaluate(snapshot)).toEqual([]);
  });

  it('reports nothing when the runtime cluster is unreachable or ConfigMaps could not be listed', () => {
    const unreachable = loadSnapshot('snapshot-fluxcd-remote-healthy');
    unreachable.runtime.configMaps = [];
    unreachable.clusters.runtime = {
      cluster: 'runtime',
      reachable: false,
      error: { type: 'unreachable', message: 'connect ECONNREFUSED' },
    };
    expect(profileMissingRule.evaluate(unreachable)).toEqual([]);

    const forbidden = loadSnapshot('snapshot-fluxcd-remote-healthy');
    forbidden.runtime.configMaps = [];
    forbidden.clusters.runtime.resourceErrors = [
      {
        type: 'forbidden',
        message: 'configmaps is forbidden',
        resource: 'configmaps',
        statusCode: 403,
      },
    ];
    expect(profileMissingRule.evaluate(forbidden)).toEqual([]);
  });
});
