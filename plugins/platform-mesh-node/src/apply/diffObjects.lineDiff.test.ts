import { diffObjects, formatDiff } from './diffObjects';

const profile = (portalEnabled: boolean) =>
  [
    'components:',
    '  services:',
    ...Array.from({ length: 60 }, (_, i) => [
      `    service-${i}:`,
      '      enabled: true',
    ]).flat(),
    '    portal:',
    `      enabled: ${portalEnabled}`,
    '      syncWave: 4',
    'infra:',
    '  certManager:',
    '    enabled: true',
  ].join('\n');

const configMap = (yaml: string) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'platform-mesh-profile', namespace: 'pm' },
  data: { 'profile.yaml': yaml },
});

describe('formatDiff of a multi-line string (the profile)', () => {
  it('shows the changed lines with context, not the whole new profile', () => {
    const text = formatDiff(
      diffObjects(configMap(profile(true)), configMap(profile(false))),
    );
    expect(text).toBe(
      [
        '~ data["profile.yaml"]:',
        '  @@ -121,7 +121,7 @@',
        '       service-59:',
        '         enabled: true',
        '       portal:',
        '  -      enabled: true',
        '  +      enabled: false',
        '         syncWave: 4',
        '   infra:',
        '     certManager:',
      ].join('\n'),
    );
  });

  it('never diffs Secret values line by line: multi-line kubeconfigs stay redacted', () => {
    const secret = (token: string) => ({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'kubeconfig', namespace: 'pm' },
      stringData: {
        kubeconfig: `apiVersion: v1\nkind: Config\nusers:\n- user:\n    token: ${token}\n`,
      },
    });
    const text = formatDiff(
      diffObjects(secret('old-token-value'), secret('new-token-value')),
    );
    expect(text).toBe('~ data.kubeconfig: (redacted) → (redacted)');
    expect(text).not.toContain('token-value');
    expect(text).not.toContain('@@');
  });
});
