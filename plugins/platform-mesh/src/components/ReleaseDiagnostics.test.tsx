import '@testing-library/jest-dom';
import { registerMswTestHooks } from '@backstage/test-utils';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { screen, within } from '@testing-library/react';
import {
  RELEASE_PROBLEMS,
  statusWithReleaseProblem,
  type ReleaseDiagnosticId,
} from './__fixtures__';
import { HEALTH_LABELS } from './healthStyle';
import { json, renderCard, STATUS_URL } from './__testUtils__/renderCard';

const RELEASE_IDS = (
  Object.keys(RELEASE_PROBLEMS) as ReleaseDiagnosticId[]
).filter(id => RELEASE_PROBLEMS[id].release);

const server = setupServer();
registerMswTestHooks(server);

function releaseRow(name: string): HTMLElement {
  const row = within(screen.getByRole('region', { name: 'HelmReleases' }))
    .getAllByRole('row')
    .find(r => r.querySelector('td')?.firstChild?.textContent === name);
  if (!row) throw new Error(`no table row for ${name}`);
  return row;
}

describe('PlatformMeshCard release diagnostics', () => {
  it.each(Object.keys(RELEASE_PROBLEMS) as ReleaseDiagnosticId[])(
    '%s: the finding with its hint, next to a release and an overall that say the same',
    async id => {
      const { diagnostic, overall } = RELEASE_PROBLEMS[id];
      server.use(
        http.get(STATUS_URL, () => json(statusWithReleaseProblem(id))),
      );
      await renderCard();

      expect(
        await screen.findByRole('status', {
          name: `Overall health: ${HEALTH_LABELS[overall]}`,
        }),
      ).toBeInTheDocument();
      const diagnostics = screen.getByRole('region', {
        name: 'Diagnostics (1)',
      });
      expect(diagnostics).not.toHaveTextContent('No problems found');
      const [item] = within(diagnostics).getAllByRole('listitem');
      expect(item).toHaveAttribute('data-diagnostic', id);
      expect(item).toHaveTextContent(diagnostic.summary);
      expect(item).toHaveTextContent(`How to fix: ${diagnostic.hint}`);
    },
  );

  it.each(RELEASE_IDS)(
    '%s: the release row is first and says what is wrong, without a progress indicator',
    async id => {
      const release = RELEASE_PROBLEMS[id].release!;
      server.use(
        http.get(STATUS_URL, () => json(statusWithReleaseProblem(id))),
      );
      await renderCard();
      await screen.findByRole('region', { name: 'Diagnostics (1)' });

      const row = releaseRow(release.name);
      // problems first
      expect(
        within(
          screen.getByRole('region', { name: 'HelmReleases' }),
        ).getAllByRole('row')[1],
      ).toBe(row);
      expect(row).toHaveTextContent(HEALTH_LABELS[release.health]);
      expect(row).toHaveTextContent(release.reason!);
      // a failing release with Reconciling=True is not shown as in progress
      expect(row.querySelector('[data-health]')).not.toHaveAttribute(
        'data-health',
        'progressing',
      );
      expect(row).not.toHaveTextContent('Progressing');
    },
  );

  it('pipeline-stopped: the stopped step blocks, the steps after it are not reached and do not spin', async () => {
    server.use(
      http.get(STATUS_URL, () =>
        json(statusWithReleaseProblem('pipeline-stopped')),
      ),
    );
    await renderCard();

    const pipeline = await screen.findByRole('list', {
      name: 'Condition pipeline',
    });
    const steps = within(pipeline).getAllByRole('listitem');
    expect(steps[0]).toHaveAttribute('aria-current', 'step');
    for (const step of steps.slice(1, 5)) {
      expect(step).toHaveTextContent('Not reached');
      expect(step.querySelector('[data-health]')).toHaveAttribute(
        'data-health',
        'unknown',
      );
    }
  });

  it('release-kubeconfig-error breaks the infra → runtime link', async () => {
    server.use(
      http.get(STATUS_URL, () =>
        json(statusWithReleaseProblem('release-kubeconfig-error')),
      ),
    );
    await renderCard();

    const connections = await screen.findByRole('list', {
      name: 'Connections',
    });
    const link = within(connections)
      .getAllByRole('listitem')
      .find(li => li.getAttribute('data-link') === 'infra → runtime');
    expect(link).toHaveTextContent(
      `Broken: ${RELEASE_PROBLEMS['release-kubeconfig-error'].diagnostic.summary}`,
    );
  });
});
