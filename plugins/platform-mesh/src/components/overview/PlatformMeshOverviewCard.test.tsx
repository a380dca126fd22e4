import '@testing-library/jest-dom';
import { registerMswTestHooks } from '@backstage/test-utils';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  annotatedEntityNamed,
  failedStatus,
  healthyStatus,
  RELEASE_PROBLEMS,
  runtimeUnreachableStatus,
  statusWithReleaseProblem,
  type ReleaseDiagnosticId,
} from '../__fixtures__';
import {
  json,
  RECONCILE_URL,
  renderV2,
  STATUS_URL,
} from '../__testUtils__/renderV2';
import { PlatformMeshOverviewCard } from './PlatformMeshOverviewCard';

const server = setupServer();
registerMswTestHooks(server);

let consoleError: jest.SpyInstance;
beforeEach(() => {
  consoleError = jest.spyOn(console, 'error');
});
afterEach(() => consoleError.mockRestore());

/** React key and DOM-nesting warnings the test run printed so far. */
function reactWarnings(): string[] {
  return consoleError.mock.calls
    .map(args => String(args[0]))
    .filter(text =>
      /unique "key"|validateDOMNesting|cannot be a descendant/.test(text),
    );
}

function renderOverview(options: Parameters<typeof renderV2>[1] = {}) {
  return renderV2(<PlatformMeshOverviewCard refreshIntervalMs={0} />, options);
}

function section(name: string | RegExp) {
  return screen.getByRole('region', { name });
}

describe('PlatformMeshOverviewCard', () => {
  it('healthy: the chip, all steps complete, counts, no problems, three reachable dots, a real heading', async () => {
    server.use(http.get(STATUS_URL, () => json(healthyStatus)));
    await renderOverview();

    expect(
      await screen.findByRole('status', { name: 'Overall health: Healthy' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { level: 2, name: 'Platform Mesh' }),
    ).toBeInTheDocument();
    // sections are h3 below the card's h2: no skipped level
    expect(screen.getAllByRole('heading', { level: 3 }).length).toBeGreaterThan(0);
    expect(screen.queryAllByRole('heading', { level: 4 })).toHaveLength(0);
    expect(section('Pipeline')).toHaveTextContent('All steps complete');
    expect(screen.getByTestId('platform-mesh-release-counts')).toHaveTextContent(
      '8 Healthy',
    );
    expect(section('Diagnostics')).toHaveTextContent('No problems found.');
    const dots = within(
      screen.getByRole('list', { name: 'Cluster reachability' }),
    ).getAllByRole('listitem');
    expect(dots.map(d => d.getAttribute('aria-label'))).toEqual([
      'Operator cluster operator: reachable',
      'Runtime cluster runtime: reachable',
      'Infra cluster infra: reachable',
    ]);
    expect(screen.getByTestId('platform-mesh-overview-age')).toHaveTextContent(
      'Data from 1 minute ago',
    );
    expect(
      screen.getByRole('link', { name: 'Open the Platform Mesh tab' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/platform-mesh-sample/platform-mesh',
    );
    expect(reactWarnings()).toEqual([]);
  });

  it('failed: the blocking step with its message, the failed release named', async () => {
    server.use(http.get(STATUS_URL, () => json(failedStatus)));
    await renderOverview();

    expect(
      await screen.findByRole('status', { name: 'Overall health: Failed' }),
    ).toBeInTheDocument();
    const blocking = screen.getByTestId('platform-mesh-overview-blocking');
    expect(blocking).toHaveAttribute('data-step', 'WaitSubroutine');
    expect(blocking).toHaveTextContent('Blocked at WaitSubroutine · Error');
    expect(blocking).toHaveTextContent(
      'HelmRelease platform-mesh-system/kcp-operator is not ready: Stalled (RetriesExceeded)',
    );
    expect(screen.getByTestId('platform-mesh-release-counts')).toHaveTextContent(
      '1 Failed7 Healthy',
    );
    const worst = screen.getByRole('list', { name: 'Releases that need attention' });
    expect(worst).toHaveTextContent('kcp-operator Failed · RetriesExceeded');
    expect(reactWarnings()).toEqual([]);
  });

  it('runtime unreachable is not healthy: Unknown, conditions not current, the dot says unreachable, ages per cluster', async () => {
    server.use(
      http.get(STATUS_URL, () => json(runtimeUnreachableStatus('healthy'))),
    );
    await renderOverview();

    expect(
      await screen.findByRole('status', { name: 'Overall health: Unknown' }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Healthy', { selector: '.MuiChip-label' })).toBeNull();
    expect(section('Pipeline')).toHaveTextContent(
      'The conditions are not current: the runtime cluster cannot be read.',
    );
    expect(section('Pipeline')).not.toHaveTextContent('All steps complete');
    expect(
      screen.getByRole('listitem', { name: 'Runtime cluster runtime: unreachable' }),
    ).toHaveAttribute('data-state', 'unreachable');
    expect(screen.getByTestId('platform-mesh-overview-age')).toHaveTextContent(
      'Data: Operator just now · Runtime 12 minutes ago · Infra just now',
    );
    expect(screen.queryByText('No problems found.')).not.toBeInTheDocument();
    expect(reactWarnings()).toEqual([]);
  });

  it.each(Object.keys(RELEASE_PROBLEMS) as ReleaseDiagnosticId[])(
    '%s: the diagnostic with its hint, never "No problems found"',
    async id => {
      const { diagnostic } = RELEASE_PROBLEMS[id];
      server.use(http.get(STATUS_URL, () => json(statusWithReleaseProblem(id))));
      await renderOverview();

      const diagnostics = await screen.findByRole('region', {
        name: 'Diagnostics (1)',
      });
      const [item] = within(diagnostics).getAllByRole('listitem');
      expect(item).toHaveAttribute('data-diagnostic', id);
      expect(item).toHaveTextContent(diagnostic.summary);
      expect(item).toHaveTextContent(`How to fix: ${diagnostic.hint}`);
      expect(diagnostics).not.toHaveTextContent('No problems found');
      expect(reactWarnings()).toEqual([]);
    },
  );

  it('Reconcile instance from the card menu: progress, then "Reconcile requested at"', async () => {
    const requests: unknown[] = [];
    server.use(
      http.get(STATUS_URL, () => json(failedStatus)),
      http.post(RECONCILE_URL, async ({ request }) => {
        requests.push(await request.json());
        return json({
          object: {
            role: 'runtime',
            cluster: 'runtime',
            kind: 'PlatformMesh',
            namespace: 'platform-mesh-system',
            name: 'platform-mesh-sample',
          },
          requestedAt: '2025-03-01T12:00:00Z',
          annotations: {},
        });
      }),
    );
    await renderOverview();
    await screen.findByRole('status', { name: 'Overall health: Failed' });
    await userEvent.click(screen.getByRole('button', { name: 'More actions' }));
    await userEvent.click(
      screen.getByRole('menuitem', { name: 'Reconcile instance' }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('platform-mesh-reconcile-feedback')).toHaveTextContent(
        /^Reconcile requested at /,
      ),
    );
    expect(requests).toEqual([{ kind: 'PlatformMesh' }]);
  });

  it('a 403 from Reconcile shows the backend message', async () => {
    const message =
      'No reconcile credential is configured for target dev: set platformMesh.targets[].reconcile';
    server.use(
      http.get(STATUS_URL, () => json(healthyStatus)),
      http.post(RECONCILE_URL, () =>
        json(
          { error: { name: 'NotAllowedError', message }, response: { statusCode: 403 } },
          403,
        ),
      ),
    );
    await renderOverview();
    await screen.findByRole('status', { name: 'Overall health: Healthy' });
    await userEvent.click(screen.getByRole('button', { name: 'More actions' }));
    await userEvent.click(
      screen.getByRole('menuitem', { name: 'Reconcile instance' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      `Reconcile failed: ${message}`,
    );
  });

  it('without platform-mesh.reconcile the menu offers no Reconcile', async () => {
    server.use(http.get(STATUS_URL, () => json(healthyStatus)));
    await renderOverview({
      reconcile: 'deny',
      entity: annotatedEntityNamed('overview-reconcile-denied'),
    });
    await screen.findByRole('status', { name: 'Overall health: Healthy' });
    await userEvent.click(screen.getByRole('button', { name: 'More actions' }));
    expect(
      screen.getByRole('menuitem', { name: 'Open the Platform Mesh tab' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('menuitem', { name: 'Reconcile instance' }),
    ).not.toBeInTheDocument();
  });
});
