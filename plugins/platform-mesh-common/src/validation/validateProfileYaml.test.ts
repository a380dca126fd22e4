import {
  profileDeploymentTechnology,
  validateProfileYaml,
} from './validateProfileYaml';

const valid = `infra:
  deploymentTechnology: fluxcd
  certManager:
    enabled: true
components:
  timeout: 15m
  ocm:
    repo:
      name: platform-mesh
  services:
    portal:
      enabled: true
      syncWave: 4
      dependsOn:
      - name: infra
      values:
        cookieDomain: '{{ .baseDomain }}'
`;

describe('validateProfileYaml', () => {
  it('accepts a valid profile', () => {
    expect(validateProfileYaml(valid)).toEqual([]);
  });

  it.each([
    [
      'not a mapping',
      '- a\n',
      'profile.yaml',
      'must be a mapping with infra and components',
    ],
    [
      'missing infra',
      'components:\n  services: {}\n',
      'profile.yaml.infra',
      'the infra section is required',
    ],
    [
      'null components',
      'infra: {}\ncomponents:\n',
      'profile.yaml.components',
      'the components section is required',
    ],
    [
      'infra not a mapping',
      'infra: []\ncomponents:\n  services: {}\n',
      'profile.yaml.infra',
      'must be a mapping, got a list',
    ],
    [
      'missing services',
      'infra: {}\ncomponents: {}\n',
      'profile.yaml.components.services',
      'is required',
    ],
    [
      'services a list',
      'infra: {}\ncomponents:\n  services: []\n',
      'profile.yaml.components.services',
      'must be a mapping of service name',
    ],
    [
      'null service',
      'infra: {}\ncomponents:\n  services:\n    portal:\n',
      'profile.yaml.components.services.portal',
      'a null entry fails',
    ],
    [
      'service a string',
      'infra: {}\ncomponents:\n  services:\n    portal: yes\n',
      'profile.yaml.components.services.portal',
      'must be a mapping of service settings',
    ],
    [
      'enabled not boolean',
      "infra: {}\ncomponents:\n  services:\n    portal:\n      enabled: 'true'\n",
      'profile.yaml.components.services.portal.enabled',
      'true or false',
    ],
    [
      'syncWave not integer',
      'infra: {}\ncomponents:\n  services:\n    portal:\n      syncWave: high\n',
      'profile.yaml.components.services.portal.syncWave',
      'integer',
    ],
    [
      'values a list',
      'infra: {}\ncomponents:\n  services:\n    portal:\n      values: []\n',
      'profile.yaml.components.services.portal.values',
      'must be a mapping',
    ],
    [
      'dependsOn without name',
      'infra: {}\ncomponents:\n  services:\n    portal:\n      dependsOn:\n      - namespace: x\n',
      'profile.yaml.components.services.portal.dependsOn[0].name',
      'is required',
    ],
    [
      'imageResources not a list',
      'infra: {}\ncomponents:\n  services:\n    portal:\n      imageResources: {}\n',
      'profile.yaml.components.services.portal.imageResources',
      'must be a list',
    ],
    [
      'ocm missing with enabled service',
      'infra: {}\ncomponents:\n  services:\n    portal:\n      enabled: true\n',
      'profile.yaml.components.ocm',
      'required by the OCM Resource templates',
    ],
    [
      'null infra component',
      'infra:\n  traefik:\ncomponents:\n  services: {}\n',
      'profile.yaml.infra.traefik',
      'remove the key',
    ],
    [
      'bad technology',
      'infra:\n  deploymentTechnology: helm\ncomponents:\n  services: {}\n',
      'profile.yaml.infra.deploymentTechnology',
      'silently fall back to fluxcd',
    ],
    [
      'bad timeout',
      'infra: {}\ncomponents:\n  timeout: soon\n  services: {}\n',
      'profile.yaml.components.timeout',
      'Go duration',
    ],
    [
      'argocd placeholder server',
      'infra:\n  deploymentTechnology: argocd\n  destinationServer: https://${RUNTIME_CLUSTER_IP}:6443\ncomponents:\n  services: {}\n',
      'profile.yaml.infra.destinationServer',
      'placeholders',
    ],
    [
      'unquoted template',
      'infra: {}\ncomponents:\n  services:\n    portal:\n      values:\n        port: {{ .port }}\n',
      'profile.yaml',
      'is not quoted',
    ],
  ])('reports %s', (_name, yaml, path, message) => {
    const problems = validateProfileYaml(yaml);
    expect(problems).toContainEqual({
      path,
      message: expect.stringContaining(message),
    });
  });

  it('reports every structural problem at once', () => {
    const problems = validateProfileYaml(
      'infra:\n  deploymentTechnology: helm\n  traefik:\ncomponents:\n  timeout: x\n  services:\n    a:\n    b: 1\n',
    );
    expect(problems.map(p => p.path)).toEqual([
      'profile.yaml.infra.deploymentTechnology',
      'profile.yaml.infra.traefik',
      'profile.yaml.components.services.a',
      'profile.yaml.components.services.b',
      'profile.yaml.components.timeout',
    ]);
  });

  it('does not check the destination server in fluxcd mode, and accepts case-insensitive technology', () => {
    expect(
      validateProfileYaml(
        'infra:\n  deploymentTechnology: FluxCD\n  destinationServer: ${X}\ncomponents:\n  services: {}\n',
      ),
    ).toEqual([]);
  });

  it('reports against a custom path', () => {
    expect(
      validateProfileYaml('infra: {}\n', { path: 'data["profile.yaml"]' }),
    ).toEqual([
      {
        path: 'data["profile.yaml"].components',
        message: 'the components section is required',
      },
    ]);
  });
});

describe('profileDeploymentTechnology', () => {
  it('reads infra first, then components, lower-cased', () => {
    expect(
      profileDeploymentTechnology({
        infra: { deploymentTechnology: 'ArgoCD' },
        components: { deploymentTechnology: 'fluxcd' },
      }),
    ).toBe('argocd');
    expect(
      profileDeploymentTechnology({
        infra: {},
        components: { deploymentTechnology: 'fluxcd' },
      }),
    ).toBe('fluxcd');
    expect(profileDeploymentTechnology({ infra: {} })).toBeUndefined();
    expect(profileDeploymentTechnology('x')).toBeUndefined();
  });
});
