import '@testing-library/jest-dom';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import {
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { screen } from '@testing-library/react';
import { platformMeshApiRef } from '../api';
import { platformMeshEntityCard } from '../alpha/entityCards';
import plugin from '../alpha';
import { EntityPlatformMeshCard } from './EntityPlatformMeshCard';
import {
  annotatedEntity,
  entityWithAnnotation,
  healthyStatus,
} from './__fixtures__';
import { createClient, json, STATUS_URL } from './__testUtils__/renderCard';

const server = setupServer();

/** Whether one of the plugin's extensions is off by default (an internal field of the definition). */
function disabled(id: Parameters<typeof plugin.getExtension>[0]): boolean {
  return (plugin.getExtension(id) as unknown as { disabled: boolean }).disabled;
}
registerMswTestHooks(server);

describe('extensions', () => {
  it('new frontend system: the card shows only for entities with the annotation', () => {
    const filter = createExtensionTester(platformMeshEntityCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    );
    expect(filter).toBeDefined();
    expect(filter!(annotatedEntity)).toBe(true);
    expect(filter!(entityWithAnnotation('malformed'))).toBe(true); // the card explains it
    expect(filter!(entityWithAnnotation(undefined))).toBe(false);
  });

  it('new frontend system: the plugin carries the API and the card', () => {
    expect(plugin.pluginId).toBe('platform-mesh');
    expect(
      plugin.getExtension('entity-card:platform-mesh/status'),
    ).toBeDefined();
    // the compact card and the tab are on by default; the full card is replaced by them
    expect(disabled('entity-card:platform-mesh/overview')).toBe(false);
    expect(disabled('entity-content:platform-mesh/platform-mesh')).toBe(false);
    expect(disabled('entity-card:platform-mesh/status')).toBe(true);
    expect(plugin.getExtension('api:platform-mesh')).toBeDefined();
  });

  it('legacy frontend system: EntityPlatformMeshCard lazy-loads the card', async () => {
    server.use(http.get(STATUS_URL, () => json(healthyStatus)));
    await renderInTestApp(
      <TestApiProvider apis={[[platformMeshApiRef, createClient()]]}>
        <EntityProvider entity={annotatedEntity}>
          <EntityPlatformMeshCard refreshIntervalMs={0} />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(
      await screen.findByRole('status', { name: 'Overall health: Healthy' }),
    ).toBeInTheDocument();
  });
});
