import type { ReactElement } from 'react';
import type { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { platformMeshApiRef } from '../../api';
import { annotatedEntity } from '../__fixtures__';
import { createClient } from './renderCard';

export { json, STATUS_URL } from './renderCard';

/** The Reconcile route of the fixtures' instance. */
export const RECONCILE_URL =
  'http://localhost:7007/api/platform-mesh/instances/dev/platform-mesh-system/platform-mesh-sample/reconcile';
/** The objects route prefix of the fixtures' instance. */
export const OBJECTS_URL =
  'http://localhost:7007/api/platform-mesh/instances/dev/platform-mesh-system/platform-mesh-sample/objects';

/**
 * Renders `element` for `entity` in a legacy test app with the real client (msw answers), a
 * permission API that allows or denies `platform-mesh.reconcile`, and the catalog's entity route
 * mounted (for the link to the tab).
 */
export function renderV2(
  element: ReactElement,
  options: { entity?: Entity; reconcile?: 'allow' | 'deny' } = {},
) {
  const { entity = annotatedEntity, reconcile = 'allow' } = options;
  const permission = mockApis.permission({
    authorize: request =>
      request.permission.name === 'platform-mesh.reconcile' &&
      reconcile === 'deny'
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
  });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [platformMeshApiRef, createClient()],
        [permissionApiRef, permission],
      ]}
    >
      <EntityProvider entity={entity}>{element}</EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}
