import {
  PLATFORM_MESH_CATALOG_ENTITY_ANNOTATION,
  PLATFORM_MESH_OWNER_ANNOTATION,
  PLATFORM_MESH_SOURCE_TEMPLATE_ANNOTATION,
} from '../catalog/annotations';
import { PROFILE_HASH_ANNOTATION } from '../constants';
import { fluxcdSetup } from './__fixtures__/setups';
import { renderPlan } from './plan';
import { renderPlatformMesh } from './platformMesh';

describe('annotations the template records on the PlatformMesh', () => {
  const recorded = {
    [PLATFORM_MESH_OWNER_ANNOTATION]: 'group:default/platform-team',
    [PLATFORM_MESH_SOURCE_TEMPLATE_ANNOTATION]:
      'template:default/platform-mesh-remote',
  };

  it('writes them next to the profile hash, which they cannot override', () => {
    const pm = renderPlatformMesh(fluxcdSetup(), {
      profileHash: 'abc',
      annotations: { ...recorded, [PROFILE_HASH_ANNOTATION]: 'forged' },
    });
    expect(pm.metadata.annotations).toEqual({
      ...recorded,
      [PROFILE_HASH_ANNOTATION]: 'abc',
    });
    expect(
      renderPlatformMesh(fluxcdSetup(), {
        annotations: { [PROFILE_HASH_ANNOTATION]: 'forged' },
      }).metadata.annotations,
    ).toBeUndefined();
  });

  it('passes them through the render plan', () => {
    const plan = renderPlan(fluxcdSetup(), {
      annotations: {
        ...recorded,
        [PLATFORM_MESH_CATALOG_ENTITY_ANNOTATION]: 'repository',
      },
    });
    const pm = plan.objects.find(o => o.object.kind === 'PlatformMesh')!;
    expect(pm.object.metadata.annotations).toMatchObject({
      ...recorded,
      [PLATFORM_MESH_CATALOG_ENTITY_ANNOTATION]: 'repository',
      [PROFILE_HASH_ANNOTATION]: plan.profileHash,
    });
  });
});
