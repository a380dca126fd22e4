import { parse } from 'yaml';
import { validateProfileYaml } from '../validation/validateProfileYaml';
import {
  ARGOCD_PROFILE_YAML,
  argocdSetup,
  fluxcdSetup,
  minimalSetup,
} from './__fixtures__/setups';
import { renderProfile } from './profile';

describe('renderProfile', () => {
  it('builds a fluxcd profile from options', () => {
    const yaml = renderProfile(fluxcdSetup());
    const profile = parse(yaml);
    expect(profile.infra.deploymentTechnology).toBe('fluxcd');
    expect(profile.components.timeout).toBe('20m');
    expect(profile.infra.destinationServer).toBeUndefined();
    expect(profile.infra.traefik.values.ports.websecure.exposedPort).toBe(443);
    const enabled = Object.entries(profile.components.services)
      .filter(([, s]) => (s as { enabled: boolean }).enabled)
      .map(([n]) => n);
    expect(enabled).toEqual([
      'cnpg-operator',
      'infra',
      'kcp-operator',
      'keycloak-operator',
      'portal',
    ]);
    expect(validateProfileYaml(yaml)).toEqual([]);
  });

  it('takes OCM names from spec.ocm when the options name none', () => {
    const setup = minimalSetup();
    setup.ocm = {
      repo: { name: 'my-repo' },
      component: { name: 'my-component' },
    };
    const profile = parse(renderProfile(setup));
    expect(profile.infra.ocm).toEqual({
      component: { name: 'my-component' },
      repo: { name: 'my-repo' },
      referencePath: [],
    });
    expect(profile.components.ocm).toEqual(profile.infra.ocm);
  });

  it('sets destinationServer in both sections of given argocd YAML and keeps comments and quoting', () => {
    const yaml = renderProfile(argocdSetup());
    expect(yaml).toBe(
      ARGOCD_PROFILE_YAML.replace(
        /destinationServer: https:\/\/\$\{RUNTIME_CLUSTER_IP\}:6443/g,
        'destinationServer: https://apps.example:6443',
      ),
    );
  });

  it('returns given YAML unchanged when nothing needs setting', () => {
    const yaml =
      '# mine\ninfra:\n  deploymentTechnology: fluxcd\ncomponents:\n  deploymentTechnology: fluxcd\n  services: {}\n';
    expect(renderProfile({ ...minimalSetup(), profile: { yaml } })).toBe(yaml);
  });

  it('adds a missing deploymentTechnology but never overwrites one', () => {
    const yaml =
      'infra: {}\ncomponents:\n  deploymentTechnology: fluxcd\n  services: {}\n';
    expect(renderProfile({ ...minimalSetup(), profile: { yaml } })).toBe(
      'infra:\n  deploymentTechnology: fluxcd\ncomponents:\n  deploymentTechnology: fluxcd\n  services: {}\n',
    );
  });

  it('adds destinationServer in argocd mode when the given YAML has none', () => {
    const setup = argocdSetup();
    setup.profile = {
      yaml: ARGOCD_PROFILE_YAML.replace(/ {2}destinationServer: .*\n/g, ''),
    };
    const profile = parse(renderProfile(setup));
    expect(profile.infra.destinationServer).toBe('https://apps.example:6443');
    expect(profile.components.destinationServer).toBe(
      'https://apps.example:6443',
    );
  });

  it('keeps given YAML with duplicate keys byte for byte', () => {
    const yaml =
      '# mine\ninfra:\n  deploymentTechnology: fluxcd\ncomponents:\n  deploymentTechnology: fluxcd\n  timeout: 5m\n  timeout:   10m # wins\n  services: {}\n';
    expect(renderProfile({ ...minimalSetup(), profile: { yaml } })).toBe(yaml);
  });

  it('sets destinationServer on the last occurrence of a duplicated key, the one the operator reads', () => {
    const setup = argocdSetup();
    setup.profile = {
      yaml: ARGOCD_PROFILE_YAML.replace(
        /( {2}destinationServer: .*\n)/g,
        '  destinationServer: https://first.example:6443\n$1',
      ),
    };
    const yaml = renderProfile(setup);
    const profile = parse(yaml, { uniqueKeys: false });
    expect(profile.infra.destinationServer).toBe('https://apps.example:6443');
    expect(profile.components.destinationServer).toBe(
      'https://apps.example:6443',
    );
    // The earlier occurrence stays as given.
    expect(yaml.match(/https:\/\/first\.example:6443/g)).toHaveLength(2);
  });

  it('throws on YAML that does not parse', () => {
    expect(() =>
      renderProfile({
        ...minimalSetup(),
        profile: { yaml: 'a: {{ .port }}\n' },
      }),
    ).toThrow(/not quoted/);
  });
});
