import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

const step = (name: string, input: Record<string, unknown>) =>
  stringify({
    steps: [{ id: 'render', action: 'platform-mesh:render', name, input }],
  });

/** Examples of `platform-mesh:render`; each runs as a test. */
export const examples: TemplateExample[] = [
  {
    description:
      'Render an instance for GitOps with the default services, exposed on a base domain',
    example: step('Render Platform Mesh', {
      target: 'dev',
      name: 'platform-mesh',
      baseDomain: 'portal.example.com',
    }),
  },
  {
    description:
      'Render into a sub-folder with selected services, a custom namespace, port and feature toggles',
    example: step('Render Platform Mesh', {
      target: 'dev',
      name: 'team-a',
      namespace: 'team-a-platform',
      baseDomain: 'team-a.example.com',
      port: 8443,
      services: ['portal', 'iam-ui', 'openfga', 'kcp-operator'],
      featureToggles: ['feature-enable-getting-started'],
      targetPath: 'platform-mesh/team-a',
    }),
  },
  {
    description:
      'Render with a complete profile YAML instead of a service list',
    example: step('Render Platform Mesh', {
      target: 'dev',
      name: 'custom-profile',
      profile: [
        'infra:',
        '  deploymentTechnology: fluxcd',
        'components:',
        '  deploymentTechnology: fluxcd',
        '  ocm:',
        '    repo: { name: platform-mesh }',
        '    component: { name: platform-mesh }',
        '    referencePath: []',
        '  services:',
        '    portal:',
        '      enabled: true',
        '',
      ].join('\n'),
    }),
  },
  {
    description:
      'Render with kcp provider connections and custom Secret names, Secrets documented only',
    example: step('Render Platform Mesh', {
      target: 'dev',
      name: 'providers',
      credentials: 'none',
      kcp: {
        providerConnections: [
          {
            secret: 'portal-kubeconfig',
            path: 'root:platform-mesh-system',
            endpointSliceName: 'core.platform-mesh.io',
          },
        ],
      },
      secretNames: {
        fluxRuntimeKubeconfig: { name: 'runtime-kubeconfig', key: 'config' },
      },
    }),
  },
  {
    description:
      'Render including the kubeconfig Secrets, from kubeconfigs the template passes as task secrets (encrypt them before committing)',
    example: step('Render Platform Mesh with Secrets', {
      target: 'dev',
      name: 'with-secrets',
      credentials: 'secrets',
      includeSecrets: true,
      kubeconfigSecrets: {
        operatorToRuntime: 'runtimeKubeconfig',
        operatorToInfra: 'infraKubeconfig',
        infraToRuntime: 'runtimeKubeconfig',
      },
    }),
  },
];
