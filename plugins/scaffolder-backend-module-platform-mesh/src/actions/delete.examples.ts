import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

const step = (name: string, input: Record<string, unknown>) =>
  stringify({
    steps: [
      { id: 'decommission', action: 'platform-mesh:delete', name, input },
    ],
  });

/** Examples of `platform-mesh:delete`; each runs as a test. */
export const examples: TemplateExample[] = [
  {
    description:
      'Decommission an instance picked in the catalog (its platform-mesh.io/instance annotation)',
    example: step('Decommission Platform Mesh', {
      instanceRef: 'dev/platform-mesh-system/platform-mesh',
      confirm: 'platform-mesh',
    }),
  },
  {
    description:
      "Decommission by target and name, waiting up to 10 minutes per step, and removing the operator's finalizer if the operator does not",
    example: step('Decommission Platform Mesh', {
      target: 'dev',
      name: 'team-a',
      namespace: 'team-a-platform',
      waitTimeoutSeconds: 600,
      removeFinalizer: true,
    }),
  },
];
