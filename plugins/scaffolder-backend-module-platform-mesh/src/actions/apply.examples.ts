import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

const step = (name: string, input: Record<string, unknown>) =>
  stringify({
    steps: [{ id: 'apply', action: 'platform-mesh:apply', name, input }],
  });

/** Examples of `platform-mesh:apply`; each runs as a test. */
export const examples: TemplateExample[] = [
  {
    description:
      "Apply an instance to a target's clusters, with ServiceAccount kubeconfigs minted for the operator and Flux",
    example: step('Apply Platform Mesh', {
      target: 'dev',
      name: 'platform-mesh',
      baseDomain: 'portal.example.com',
    }),
  },
  {
    description:
      'Apply selected services and wait up to 15 minutes until the instance is Ready',
    example: step('Apply Platform Mesh and wait', {
      target: 'dev',
      name: 'team-a',
      namespace: 'team-a-platform',
      baseDomain: 'team-a.example.com',
      services: ['portal', 'iam-ui', 'openfga', 'kcp-operator'],
      waitForReady: true,
      timeoutSeconds: 900,
    }),
  },
  {
    description:
      'Apply with kubeconfigs the template passes as task secrets (never as plain parameters)',
    example: step('Apply Platform Mesh', {
      target: 'dev',
      name: 'from-secrets',
      credentials: 'secrets',
      kubeconfigSecrets: {
        operatorToRuntime: 'runtimeKubeconfig',
        operatorToInfra: 'infraKubeconfig',
        infraToRuntime: 'runtimeKubeconfig',
      },
    }),
  },
  {
    description:
      'Apply without writing kubeconfig Secrets (they are managed out of band, e.g. by External Secrets)',
    example: step('Apply Platform Mesh', {
      target: 'dev',
      name: 'external-secrets',
      credentials: 'none',
    }),
  },
  {
    description:
      'Apply with short-lived tokens (30 days, rotated on the next run after 22 days) and take over fields another field manager owns',
    example: step('Apply Platform Mesh', {
      target: 'dev',
      name: 'short-lived',
      tokenExpirationSeconds: 2592000,
      force: true,
    }),
  },
];
