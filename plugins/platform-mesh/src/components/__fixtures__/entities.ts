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

/**
 * The annotated entity under another name: permission answers are cached per entity ref (SWR),
 * so a test that denies a permission uses an entity no other test asked about.
 */
export function annotatedEntityNamed(name: string): Entity {
  return {
    ...annotatedEntity,
    metadata: { ...annotatedEntity.metadata, name },
  };
}
