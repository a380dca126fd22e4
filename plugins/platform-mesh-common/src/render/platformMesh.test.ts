import { PROFILE_HASH_ANNOTATION } from '../constants';
import { argocdSetup, fluxcdSetup, minimalSetup } from './__fixtures__/setups';
import { renderPlatformMesh } from './platformMesh';

describe('renderPlatformMesh', () => {
  it('renders the minimal CR without a spec (never an empty one, which server-side apply turns into spec: null)', () => {
    const rendered = renderPlatformMesh(minimalSetup());
    expect('spec' in rendered).toBe(false);
    expect(rendered).toEqual({
      apiVersion: 'core.platform-mesh.io/v1alpha1',
      kind: 'PlatformMesh',
      metadata: {
        name: 'platform-mesh',
        namespace: 'platform-mesh-system',
        labels: { 'app.kubernetes.io/managed-by': 'backstage-platform-mesh' },
      },
    });
  });

  it('carries every spec field of the setup, both provider connection forms unchanged', () => {
    const setup = fluxcdSetup();
    setup.values = { services: { portal: { values: { environment: 'dev' } } } };
    setup.wait = {
      resourceTypes: [
        {
          group: 'helm.toolkit.fluxcd.io',
          version: 'v2',
          kind: 'HelmRelease',
          namespace: 'platform-mesh-system',
          matchLabels: { 'core.platform-mesh.io/operator-created': 'true' },
          conditionType: 'Ready',
          conditionStatus: 'True',
        },
      ],
    };
    expect(renderPlatformMesh(setup, { profileHash: 'abc123' })).toEqual({
      apiVersion: 'core.platform-mesh.io/v1alpha1',
      kind: 'PlatformMesh',
      metadata: {
        name: 'platform-mesh',
        namespace: 'platform-mesh-system',
        labels: { 'app.kubernetes.io/managed-by': 'backstage-platform-mesh' },
        annotations: { [PROFILE_HASH_ANNOTATION]: 'abc123' },
      },
      spec: {
        exposure: {
          baseDomain: 'portal.example.com',
          port: 443,
          protocol: 'https',
        },
        kcp: {
          providerConnections: [
            {
              endpointSliceName: 'core.platform-mesh.io',
              path: 'root:platform-mesh-system',
              secret: 'platform-mesh-operator-kubeconfig',
              adminAuth: true,
            },
            {
              apiExportName: 'orchestrate.platform-mesh.io',
              path: 'root:providers:orchestrate',
              secret: 'orchestrate-kubeconfig',
            },
          ],
          extraProviderConnections: [
            {
              apiExportNames: [
                'marketplace.platform-mesh.io',
                'ui.platform-mesh.io',
              ],
              path: 'root:providers:marketplace',
              secret: 'marketplace-kubeconfig',
            },
          ],
        },
        ocm: {
          repo: { name: 'platform-mesh' },
          component: { name: 'platform-mesh' },
          referencePath: [],
        },
        featureToggles: [{ name: 'feature-enable-getting-started' }],
        values: { services: { portal: { values: { environment: 'dev' } } } },
        wait: setup.wait,
      },
    });
  });

  it('does not share objects with the setup', () => {
    const setup = argocdSetup();
    const cr = renderPlatformMesh(setup);
    cr.spec!.kcp!.providerConnections![0].secret = 'changed';
    expect(setup.kcp!.providerConnections![0].secret).toBe(
      'account-operator-kubeconfig',
    );
  });

  it('writes spec.profileConfigMap only for a custom name or namespace', () => {
    const setup = minimalSetup();
    expect(renderPlatformMesh(setup).spec?.profileConfigMap).toBeUndefined();
    setup.profileConfigMapName = 'platform-mesh-profile';
    expect(renderPlatformMesh(setup).spec?.profileConfigMap).toBeUndefined();
    setup.profileConfigMapName = 'shared-profile';
    expect(renderPlatformMesh(setup).spec?.profileConfigMap).toEqual({
      name: 'shared-profile',
    });
    setup.profileConfigMap = { namespace: 'profiles' };
    expect(renderPlatformMesh(setup).spec?.profileConfigMap).toEqual({
      name: 'shared-profile',
      namespace: 'profiles',
    });
    delete setup.profileConfigMapName;
    expect(renderPlatformMesh(setup).spec?.profileConfigMap).toEqual({
      name: 'platform-mesh-profile',
      namespace: 'profiles',
    });
  });

  it('never sets the debug label', () => {
    const cr = renderPlatformMesh(fluxcdSetup(), { profileHash: 'x' });
    expect(
      Object.keys(cr.metadata.labels ?? {}).some(k =>
        k.startsWith('debug.platform-mesh.io'),
      ),
    ).toBe(false);
  });
});
