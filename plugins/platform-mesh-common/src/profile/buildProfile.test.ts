import { isScalar, parseDocument, visit } from 'yaml';
import { validateProfileYaml } from '../validation/validateProfileYaml';
import { buildProfile, enabledServiceNames } from './buildProfile';
import { DEFAULT_ENABLED_SERVICES, KNOWN_SERVICES } from './knownServices';
import { stringifyProfile } from './stringifyProfile';

const flux = { deploymentTechnology: 'fluxcd' as const, namespace: 'pm-ns' };
const argo = {
  deploymentTechnology: 'argocd' as const,
  namespace: 'pm-ns',
  destinationServer: 'https://10.0.0.12:6443',
};

function templateScalarStyles(yaml: string): string[] {
  const styles: string[] = [];
  visit(parseDocument(yaml), {
    Scalar(_key, node) {
      if (
        isScalar(node) &&
        typeof node.value === 'string' &&
        node.value.includes('{{')
      ) {
        styles.push(String(node.type));
      }
    },
  });
  return styles;
}

describe('buildProfile', () => {
  it('builds the infra section of a remote fluxcd profile', () => {
    const profile = buildProfile({}, { ...flux, port: 443 });
    expect(profile.infra).toEqual({
      deploymentTechnology: 'fluxcd',
      ocm: {
        component: { name: 'platform-mesh' },
        repo: { name: 'platform-mesh' },
        referencePath: [],
      },
      certManager: {
        enabled: true,
        interval: '1m',
        name: 'cert-manager',
        ocmResourceName: 'chart',
        targetNamespace: 'default',
        values: { installCRDs: true },
      },
      gatewayApi: {
        syncOptions: ['ServerSideApply=true', 'SkipCRDs=false'],
        enabled: true,
        kustomization: {
          install: { crds: 'Skip' },
          interval: '1m',
          path: './config/crd/experimental',
        },
        name: 'gateway-api',
        ocmResourceName: 'crds',
      },
      traefik: {
        skipCrds: true,
        syncOptions: ['SkipCRDs=true'],
        syncWave: 1,
        chart: { name: 'traefik' },
        enabled: true,
        interval: '1m',
        name: 'traefik',
        ocmResourceName: 'chart',
        targetNamespace: 'default',
        values: {
          experimental: { kubernetesGateway: { enabled: true } },
          gateway: { enabled: false },
          gatewayClass: { enabled: true },
          ports: { websecure: { exposedPort: 443 } },
          providers: {
            kubernetesGateway: { enabled: true, experimentalChannel: true },
          },
        },
      },
      traefikCRDs: {
        chart: { name: 'traefik-crds' },
        enabled: true,
        interval: '1m',
        name: 'traefik-crds',
        ocmComponentName: 'traefik',
        ocmResourceName: 'crds',
        targetNamespace: 'default',
        values: { gatewayAPI: false },
      },
      etcdDruid: {
        enabled: true,
        name: 'etcd-druid',
        targetNamespace: 'etcd-druid-system',
        interval: '1m',
        ocmResourceName: 'etcd-druid',
        values: {},
      },
    });
  });

  it('builds the components section with every known service', () => {
    const profile = buildProfile({}, flux);
    const { services, ...rest } = profile.components;
    expect(rest).toEqual({
      deploymentTechnology: 'fluxcd',
      timeout: '15m',
      ocm: {
        component: { name: 'platform-mesh' },
        repo: { name: 'platform-mesh' },
        referencePath: [],
      },
    });
    expect(Object.keys(services!)).toEqual([...KNOWN_SERVICES]);
    const enabled = Object.entries(services!)
      .filter(([, s]) => s.enabled)
      .map(([n]) => n);
    expect(enabled).toEqual([...DEFAULT_ENABLED_SERVICES]);
    expect(services!['iam-ui']).toEqual({
      enabled: true,
      syncWave: 4,
      imageResources: [
        { annotations: { repo: 'oci', artifact: 'image', for: 'iam-ui' } },
      ],
    });
    expect(services!.kcp).toEqual({ enabled: false, external: true });
  });

  it('points dependsOn and in-cluster URLs at the instance namespace (fluxcd)', () => {
    const services = buildProfile({}, flux).components.services!;
    expect(services.infra.dependsOn).toEqual([
      { name: 'kcp-operator', namespace: 'pm-ns' },
      { name: 'keycloak-operator', namespace: 'pm-ns' },
      { name: 'cnpg-operator', namespace: 'pm-ns' },
    ]);
    expect(services['keycloak-operator'].values).toEqual({
      watchNamespaces: 'pm-ns',
    });
    expect(services.infra.ignoreDifferences).toBeUndefined();
  });

  it('sets destinationServer in infra and components and uses the argocd service settings', () => {
    const profile = buildProfile({}, argo);
    expect(profile.infra.destinationServer).toBe('https://10.0.0.12:6443');
    expect(profile.components.destinationServer).toBe('https://10.0.0.12:6443');
    expect(profile.infra.deploymentTechnology).toBe('argocd');
    expect(profile.components.deploymentTechnology).toBe('argocd');
    const services = profile.components.services!;
    expect(services.infra.dependsOn).toBeUndefined();
    expect(services.infra.ignoreDifferences).toHaveLength(10);
    expect(services['cnpg-operator']).toMatchObject({
      helmRepo: true,
      chart: 'cloudnative-pg',
      syncWave: -1,
    });
    expect(services['kcp-operator'].imageResource).toEqual({
      enabled: true,
      labels: { component: 'infra', infra: 'true' },
      name: 'kcp-image',
    });
  });

  it('does not set destinationServer in fluxcd mode', () => {
    const profile = buildProfile(
      { destinationServer: 'https://x:6443' },
      {
        ...flux,
        destinationServer: 'https://x:6443',
      },
    );
    expect(profile.infra.destinationServer).toBeUndefined();
    expect(profile.components.destinationServer).toBeUndefined();
  });

  it('enables exactly the listed services and applies overrides', () => {
    const profile = buildProfile(
      {
        services: ['portal', 'my-extension'],
        timeout: '30m',
        ocm: { repo: 'my-repo' },
        infraComponents: { certManager: false },
        serviceOverrides: {
          portal: { values: { cookieDomain: 'example.com' }, syncWave: 7 },
          'my-extension': {
            helmRepo: true,
            repoURL: 'https://charts.example.com',
          },
        },
      },
      { ...flux, ocm: { repo: 'ignored', component: 'spec-component' } },
    );
    const services = profile.components.services!;
    expect(
      Object.entries(services)
        .filter(([, s]) => s.enabled)
        .map(([n]) => n),
    ).toEqual(['portal', 'my-extension']);
    expect(services.portal.syncWave).toBe(7);
    expect(services.portal.values?.cookieDomain).toBe('example.com');
    expect(services.portal.values?.auth).toBeDefined();
    expect(services['my-extension']).toEqual({
      helmRepo: true,
      repoURL: 'https://charts.example.com',
      enabled: true,
    });
    expect(profile.components.timeout).toBe('30m');
    expect(profile.components.ocm).toEqual({
      component: { name: 'spec-component' },
      repo: { name: 'my-repo' },
      referencePath: [],
    });
    expect(profile.infra.certManager?.enabled).toBe(false);
    expect(profile.infra.traefik?.enabled).toBe(true);
  });

  it('lets an override switch a service on or off', () => {
    expect(
      enabledServiceNames({
        serviceOverrides: {
          observability: { enabled: true },
          portal: { enabled: false },
        },
      }),
    ).toEqual([
      ...DEFAULT_ENABLED_SERVICES.filter(n => n !== 'portal'),
      'observability',
    ]);
  });

  it.each([['fluxcd'], ['argocd']])(
    'serializes a %s profile the operator can parse, templates single-quoted',
    technology => {
      const ctx = technology === 'argocd' ? argo : flux;
      const yaml = stringifyProfile(
        buildProfile({ services: [...KNOWN_SERVICES] }, { ...ctx, port: 8443 }),
      );
      expect(validateProfileYaml(yaml)).toEqual([]);
      const styles = templateScalarStyles(yaml);
      expect(styles.length).toBeGreaterThan(10);
      expect(new Set(styles)).toEqual(new Set(['QUOTE_SINGLE']));
      expect(yaml).toContain("cookieDomain: '{{ .baseDomain }}'");
    },
  );

  it('is deterministic', () => {
    expect(stringifyProfile(buildProfile({}, argo))).toBe(
      stringifyProfile(buildProfile({}, argo)),
    );
  });
});
