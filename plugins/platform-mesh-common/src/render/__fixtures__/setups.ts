import type { PlatformMeshSetup } from '../../types/setup';

/** Fake credentials: none of these is real. */
export const FAKE = {
  caData:
    'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCmZha2UtY2EtZm9yLXRlc3RzCi0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K',
  clientCertificateData:
    'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCmZha2UtY2xpZW50LWNlcnQtZm9yLXRlc3RzCi0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K',
  clientKeyData:
    'LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCmZha2UtY2xpZW50LWtleS1mb3ItdGVzdHMKLS0tLS1FTkQgUFJJVkFURSBLRVktLS0tLQo=',
  operatorToRuntimeToken: 'fake-token-operator-to-runtime',
  operatorToInfraToken: 'fake-token-operator-to-infra',
  infraToRuntimeToken: 'fake-token-flux-to-runtime',
};

/** Every credential string of the fixtures, for "never leaks" assertions. */
export const FAKE_CREDENTIALS = [
  FAKE.caData,
  FAKE.clientCertificateData,
  FAKE.clientKeyData,
  FAKE.operatorToRuntimeToken,
  FAKE.operatorToInfraToken,
  FAKE.infraToRuntimeToken,
];

/** fluxcd, three clusters (Operator != Infra), profile built from options, every kubeconfig given. */
export function fluxcdSetup(): PlatformMeshSetup {
  return {
    instance: { name: 'platform-mesh', namespace: 'platform-mesh-system' },
    target: {
      name: 'dev',
      operatorCluster: 'operator',
      runtimeCluster: 'runtime',
      infraCluster: 'infra',
    },
    deploymentTechnology: 'fluxcd',
    exposure: {
      baseDomain: 'portal.example.com',
      port: 443,
      protocol: 'https',
    },
    ocm: {
      repo: { name: 'platform-mesh' },
      component: { name: 'platform-mesh' },
      referencePath: [],
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
    featureToggles: [{ name: 'feature-enable-getting-started' }],
    profile: {
      options: {
        services: [
          'kcp-operator',
          'keycloak-operator',
          'cnpg-operator',
          'infra',
          'portal',
        ],
        timeout: '20m',
      },
    },
    kubeconfigs: {
      operatorToRuntime: {
        server: 'https://runtime.internal.example:6443',
        caData: FAKE.caData,
        credential: { token: FAKE.operatorToRuntimeToken },
      },
      operatorToInfra: {
        server: 'https://infra.internal.example:6443',
        caData: FAKE.caData,
        credential: { token: FAKE.operatorToInfraToken },
      },
      infraToRuntime: {
        server: 'https://10.0.0.12:6443',
        caData: FAKE.caData,
        credential: { token: FAKE.infraToRuntimeToken },
      },
    },
  };
}

/** A small remote argocd profile in the upstream style: comments, quoted templates. */
export const ARGOCD_PROFILE_YAML = `# A trimmed remote argocd profile.
components:
  deploymentTechnology: argocd
  destinationServer: https://\${RUNTIME_CLUSTER_IP}:6443
  ocm:
    component:
      name: platform-mesh
    repo:
      name: platform-mesh
    referencePath: []
  services:
    portal:
      # -- Allow the configuration of additional ocm resources
      imageResources:
      - annotations:
          repo: oci
          artifact: image
          for: portal
      syncWave: 4
      enabled: true
      values:
        cookieDomain: '{{ .baseDomain }}'
        discoveryUrl: https://{{ .baseDomainPort }}/keycloak/realms/\${org-name}/.well-known/openid-configuration
infra:
  deploymentTechnology: argocd
  destinationServer: https://\${RUNTIME_CLUSTER_IP}:6443
  ocm:
    component:
      name: platform-mesh
    repo:
      name: platform-mesh
  certManager:
    enabled: true
    name: cert-manager
    ocmResourceName: chart
    targetNamespace: default
`;

/** argocd, Operator == Infra, given profile YAML, client-certificate credential for Argo CD. */
export function argocdSetup(): PlatformMeshSetup {
  return {
    instance: { name: 'pm', namespace: 'pm-prod' },
    target: {
      name: 'prod',
      operatorCluster: 'mgmt',
      runtimeCluster: 'apps',
    },
    deploymentTechnology: 'argocd',
    exposure: { baseDomain: 'portal.localhost', port: 8443, protocol: 'https' },
    kcp: {
      providerConnections: [
        {
          apiExportNames: ['core.platform-mesh.io'],
          path: 'root:platform-mesh-system',
          secret: 'account-operator-kubeconfig',
        },
      ],
    },
    profile: { yaml: ARGOCD_PROFILE_YAML },
    kubeconfigs: {
      operatorToRuntime: {
        server: 'https://apps.example:6443',
        insecureSkipTlsVerify: true,
        credential: { token: FAKE.operatorToRuntimeToken },
      },
      infraToRuntime: {
        server: 'https://apps.example:6443',
        caData: FAKE.caData,
        credential: {
          clientCertificateData: FAKE.clientCertificateData,
          clientKeyData: FAKE.clientKeyData,
        },
      },
    },
  };
}

/** The smallest valid setup: fluxcd, Operator == Infra, default profile options, no kubeconfigs. */
export function minimalSetup(): PlatformMeshSetup {
  return {
    instance: { name: 'platform-mesh', namespace: 'platform-mesh-system' },
    target: {
      name: 'dev',
      operatorCluster: 'operator',
      runtimeCluster: 'runtime',
    },
    deploymentTechnology: 'fluxcd',
    profile: { options: {} },
  };
}
