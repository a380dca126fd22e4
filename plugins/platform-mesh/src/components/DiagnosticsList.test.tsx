import '@testing-library/jest-dom';
import { registerMswTestHooks } from '@backstage/test-utils';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { screen, within } from '@testing-library/react';
import type { DiagnosticId } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { DIAGNOSTICS, statusWithDiagnostic } from './__fixtures__';
import { json, renderCard, STATUS_URL } from './__testUtils__/renderCard';

const server = setupServer();
registerMswTestHooks(server);

const SEVERITY_TEXT = { error: 'Error', warning: 'Warning', info: 'Info' };

/** The connection each finding breaks, if any. */
const BROKEN_LINK: Partial<Record<DiagnosticId, string>> = {
  'operator-kubeconfig-secret': 'operator → runtime',
  'infra-kubeconfig-secret': 'operator → infra',
  'flux-kubeconfig-secret': 'infra → runtime',
  'helmrelease-missing-kubeconfig': 'infra → runtime',
  'argocd-destination': 'infra → runtime',
  'release-kubeconfig-error': 'infra → runtime',
};

describe('PlatformMeshCard diagnostics', () => {
  it('has a fixture for each of the 18 diagnostic ids', () => {
    expect(Object.keys(DIAGNOSTICS).sort()).toEqual([
      'argocd-destination',
      'cr-on-wrong-cluster',
      'flux-kubeconfig-secret',
      'helmrelease-missing-kubeconfig',
      'infra-kubeconfig-secret',
      'instance-terminating',
      'namespace-shared',
      'not-reconciled',
      'operator-kubeconfig-secret',
      'pipeline-stopped',
      'profile-missing',
      'read-failed',
      'release-chart-render-failed',
      'release-kubeconfig-error',
      'release-namespace-missing',
      'release-retries-exceeded',
      'release-rolled-back',
      'source-missing',
    ]);
  });

  it.each(Object.keys(DIAGNOSTICS) as DiagnosticId[])(
    'shows the %s finding with severity, summary, detail and hint',
    async id => {
      const diagnostic = DIAGNOSTICS[id];
      server.use(http.get(STATUS_URL, () => json(statusWithDiagnostic(id))));
      await renderCard();

      const list = await screen.findByRole('list', { name: 'Diagnostics' });
      const items = within(list).getAllByRole('listitem');
      expect(items).toHaveLength(1);
      const [item] = items;
      expect(item).toHaveAttribute('data-diagnostic', id);
      expect(item.querySelector('[data-severity]')).toHaveTextContent(
        SEVERITY_TEXT[diagnostic.severity],
      );
      expect(item).toHaveTextContent(diagnostic.summary);
      expect(item).toHaveTextContent(diagnostic.detail);
      expect(item).toHaveTextContent(`How to fix: ${diagnostic.hint}`);
      expect(item).toHaveTextContent(`${diagnostic.cluster} cluster · ${id}`);
      expect(
        screen.getByRole('region', { name: 'Diagnostics (1)' }),
      ).toBeInTheDocument();
    },
  );

  it.each(Object.entries(BROKEN_LINK) as Array<[DiagnosticId, string]>)(
    'marks the connection that %s breaks (%s)',
    async (id, link) => {
      const diagnostic = DIAGNOSTICS[id];
      server.use(http.get(STATUS_URL, () => json(statusWithDiagnostic(id))));
      await renderCard();

      const connections = await screen.findByRole('list', {
        name: 'Connections',
      });
      const connection = within(connections)
        .getAllByRole('listitem')
        .find(li => li.getAttribute('data-link') === link);
      expect(connection).toHaveTextContent(
        `${diagnostic.severity === 'error' ? 'Broken' : 'Check'}: ${
          diagnostic.summary
        }`,
      );
    },
  );

  it('shows Argo CD Applications in argocd mode', async () => {
    server.use(
      http.get(STATUS_URL, () =>
        json(statusWithDiagnostic('argocd-destination')),
      ),
    );
    await renderCard();

    expect(
      await screen.findByRole('region', { name: 'Argo CD Applications' }),
    ).toHaveTextContent('successfully synced (all tasks run)');
    expect(screen.getByRole('list', { name: 'Connections' })).toHaveTextContent(
      'via Argo CD cluster Secret and Application destination',
    );
  });

  it('lists errors before warnings and infos', async () => {
    const status = statusWithDiagnostic('not-reconciled');
    status.diagnostics = [
      DIAGNOSTICS['not-reconciled'],
      DIAGNOSTICS['cr-on-wrong-cluster'],
      DIAGNOSTICS['source-missing'],
    ];
    server.use(http.get(STATUS_URL, () => json(status)));
    await renderCard();

    const list = await screen.findByRole('list', { name: 'Diagnostics' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map(li => li.getAttribute('data-diagnostic')),
    ).toEqual(['source-missing', 'cr-on-wrong-cluster', 'not-reconciled']);
  });
});
