import '@testing-library/jest-dom';
import { EntityProvider, entityRouteRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  mockApis,
  registerMswTestHooks,
  TestApiProvider,
  wrapInTestApp,
} from '@backstage/test-utils';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { render, screen } from '@testing-library/react';
import { platformMeshApiRef } from '../api';
import {
  EntityPlatformMeshCard,
  EntityPlatformMeshContent,
  EntityPlatformMeshOverviewCard,
} from '../index';
import { annotatedEntity, failedStatus } from './__fixtures__';
import { createClient, json, STATUS_URL } from './__testUtils__/renderCard';

jest.setTimeout(60_000);
const server = setupServer();
registerMswTestHooks(server);

describe('legacy frontend system', () => {
  it('mounts the overview card, the tab content and the full card from the package exports', async () => {
    server.use(http.get(STATUS_URL, () => json(failedStatus)));
    render(
      wrapInTestApp(
        <TestApiProvider
          apis={[
            [platformMeshApiRef, createClient()],
            [
              permissionApiRef,
              mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
            ],
          ]}
        >
          <EntityProvider entity={annotatedEntity}>
            <div data-testid="overview">
              <EntityPlatformMeshOverviewCard refreshIntervalMs={0} />
            </div>
            <div data-testid="tab">
              <EntityPlatformMeshContent refreshIntervalMs={0} />
            </div>
            <div data-testid="full">
              <EntityPlatformMeshCard refreshIntervalMs={0} />
            </div>
          </EntityProvider>
        </TestApiProvider>,
        { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
      ),
    );
    const chips = await screen.findAllByRole('status', {
      name: 'Overall health: Failed',
    });
    expect(chips).toHaveLength(3);
    expect(
      await screen.findByRole('link', { name: 'Open the Platform Mesh tab' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Releases' })).toBeInTheDocument();
  });
});
