import { isResourcePermission } from '@backstage/plugin-permission-common';
import {
  platformMeshLogsReadPermission,
  platformMeshStatusReadPermission,
} from './permissions';

describe('permissions', () => {
  it('makes operator logs a basic permission (they belong to the target, not to one entity)', () => {
    expect(isResourcePermission(platformMeshLogsReadPermission)).toBe(false);
    expect(platformMeshLogsReadPermission).toEqual({
      type: 'basic',
      name: 'platform-mesh.logs.read',
      attributes: { action: 'read' },
    });
  });

  it('keeps the status a resource permission on the annotated catalog entity', () => {
    expect(
      isResourcePermission(platformMeshStatusReadPermission, 'catalog-entity'),
    ).toBe(true);
  });
});
