import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Examples of `platform-mesh:describe`, shown on the installed actions page. */
export const examples: TemplateExample[] = [
  {
    description:
      'Read the current settings of an instance, then apply a new base domain over them (an Update)',
    example: stringify({
      steps: [
        {
          id: 'current',
          action: 'platform-mesh:describe',
          input: { target: 'dev', name: 'platform-mesh' },
        },
        {
          id: 'apply',
          action: 'platform-mesh:apply',
          input: {
            target: '${{ steps.current.output.target }}',
            name: '${{ steps.current.output.name }}',
            namespace: '${{ steps.current.output.namespace }}',
            baseDomain: 'portal.example.com',
            port: '${{ steps.current.output.port }}',
            profile: '${{ steps.current.output.profile }}',
            kcp: '${{ steps.current.output.kcp }}',
            values: '${{ steps.current.output.values }}',
            featureToggles: '${{ steps.current.output.featureToggles }}',
          },
        },
      ],
    }),
  },
  {
    description: 'Read an instance in another namespace of the target',
    example: stringify({
      steps: [
        {
          id: 'current',
          action: 'platform-mesh:describe',
          input: { target: 'dev', name: 'team-a', namespace: 'pm-team-a' },
        },
      ],
    }),
  },
];
