import type { Entity } from '@backstage/catalog-model';

export function entityWithAnnotation(value?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'platform-mesh-sample',
      annotations:
        value === undefined ? {} : { 'platform-mesh.io/instance': value },
    },
    spec: { type: 'platform-mesh', owner: 'group:platform' },
  };
}

export const annotatedEntity = entityWithAnnotation(
  'dev/platform-mesh-system/platform-mesh-sample',
);
