import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { PLATFORM_MESH_INSTANCE_ANNOTATION } from '@platform-mesh-backstage/plugin-platform-mesh-common';

/**
 * The Platform Mesh status card on the entity overview, for entities that carry the
 * `platform-mesh.io/instance` annotation (a malformed value shows the card's explanation).
 */
export const platformMeshEntityCard = EntityCardBlueprint.make({
  name: 'status',
  params: {
    type: 'content',
    filter: {
      [`metadata.annotations.${PLATFORM_MESH_INSTANCE_ANNOTATION}`]: {
        $exists: true,
      },
    },
    loader: () =>
      import('../components/PlatformMeshCard').then(m => (
        <m.PlatformMeshCard />
      )),
  },
});
