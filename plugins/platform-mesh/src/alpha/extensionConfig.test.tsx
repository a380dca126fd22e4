import '@testing-library/jest-dom';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { registerMswTestHooks } from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { platformMeshApiRef } from '../api';
import { annotatedEntity, healthyStatus } from '../components/__fixtures__';
import {
  createClient,
  json,
  LOGS_URL,
  STATUS_URL,
} from '../components/__testUtils__/renderCard';
import { platformMeshOverviewCard } from './entityCards';
import { platformMeshEntityContent } from './entityContent';

jest.setTimeout(60_000);
const LONG_WAIT = { timeout: 20_000 };

const EntityContentPath = coreExtensionData.routePath;
const EntityContentTitle = EntityContentBlueprint.dataRefs.title;
const EntityContentFilter = EntityContentBlueprint.dataRefs.filterFunction;
const server = setupServer();
registerMswTestHooks(server);

const apis = [
  [platformMeshApiRef, createClient()],
  [
    permissionApiRef,
    { authorize: async () => ({ result: AuthorizeResult.ALLOW }) },
  ],
] as const;

describe('extension config of the new frontend system', () => {
  it('the overview card takes its title and refresh interval from the config', async () => {
    let requests = 0;
    server.use(
      http.get(STATUS_URL, () => {
        requests++;
        return json(healthyStatus);
      }),
    );
    const tester = createExtensionTester(platformMeshOverviewCard, {
      config: { title: 'Mesh at a glance', refreshIntervalMs: 200 },
    });
    await renderInTestApp(
      <EntityProvider entity={annotatedEntity}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis },
    );
    expect(
      await screen.findByRole('heading', {
        level: 2,
        name: 'Mesh at a glance',
      }),
    ).toBeInTheDocument();
    // the interval reached the card: it polls again on its own
    await waitFor(() => expect(requests).toBeGreaterThanOrEqual(3), {
      timeout: 5000,
    });
  });

  it('the tab takes its title and log lines from the config', async () => {
    const tailLines: string[] = [];
    server.use(
      http.get(STATUS_URL, () => json(healthyStatus)),
      http.get(LOGS_URL, ({ request }) => {
        tailLines.push(new URL(request.url).searchParams.get('tailLines')!);
        return json({ pods: [] });
      }),
    );
    const tester = createExtensionTester(platformMeshEntityContent, {
      config: { title: 'Mesh details', logTailLines: 7, refreshIntervalMs: 0 },
    });
    await renderInTestApp(
      <EntityProvider entity={annotatedEntity}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis },
    );
    // The tab renders its heading while the status loads and again once it is there (a new
    // element): wait for the status first, so that what is found is what stays.
    await screen.findByTestId('platform-mesh-tab-overall', {}, LONG_WAIT);
    expect(
      screen.getByRole('heading', { level: 2, name: 'Mesh details' }),
    ).toBeInTheDocument();
    // the logs button comes once the permission check has answered
    await userEvent.click(
      await screen.findByRole('button', { name: 'Operator logs' }, LONG_WAIT),
    );
    await waitFor(() => expect(tailLines).toEqual(['7']), LONG_WAIT);
  });

  it('the tab is at /platform-mesh, titled "Platform Mesh", only for annotated entities', () => {
    const tester = createExtensionTester(platformMeshEntityContent);
    expect(tester.get(EntityContentPath)).toBe('/platform-mesh');
    expect(tester.get(EntityContentTitle)).toBe('Platform Mesh');
    const filter = tester.get(EntityContentFilter);
    expect(filter!(annotatedEntity)).toBe(true);
    expect(
      filter!({
        ...annotatedEntity,
        metadata: { name: 'plain', annotations: {} },
      }),
    ).toBe(false);
  });
});
