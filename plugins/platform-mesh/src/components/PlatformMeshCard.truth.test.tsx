import '@testing-library/jest-dom';
import { registerMswTestHooks } from '@backstage/test-utils';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { screen, within } from '@testing-library/react';
import {
  configuredTargets,
  entityWithAnnotation,
  infraSecretMissingStatus,
  notFoundBody,
  RUNTIME_ERROR_MESSAGE,
  runtimeUnreachableStatus,
  unknownTargetBody,
} from './__fixtures__';
import {
  BASE_URL,
  json,
  renderCard,
  STATUS_URL,
} from './__testUtils__/renderCard';

const server = setupServer();
registerMswTestHooks(server);

function section(name: string | RegExp): HTMLElement {
  return screen.getByRole('region', { name });
}

function link(name: string): HTMLElement {
  const item = within(screen.getByRole('list', { name: 'Connections' }))
    .getAllByRole('listitem')
    .find(li => li.getAttribute('data-link') === name);
  if (!item) throw new Error(`no link ${name}`);
  return item;
}

describe('PlatformMeshCard tells the truth', () => {
  it.each(['unknown', 'healthy'] as const)(
    'runtime unreachable is not healthy (backend overall %s): last known conditions with their age',
    async overall => {
      server.use(
        http.get(STATUS_URL, () => json(runtimeUnreachableStatus(overall))),
      );
      await renderCard();

      expect(
        await screen.findByRole('status', { name: 'Overall health: Unknown' }),
      ).toBeInTheDocument();
      expect(
        screen.queryByRole('status', { name: 'Overall health: Healthy' }),
      ).not.toBeInTheDocument();

      const conditions = section('Conditions');
      expect(
        within(conditions).getByTestId('conditions-last-known'),
      ).toHaveTextContent(
        `Last known conditions, read 12 minutes ago: the runtime cluster "runtime" cannot be read now (runtime: unreachable — ${RUNTIME_ERROR_MESSAGE}). They may have changed since.`,
      );
      expect(conditions).toHaveTextContent(
        'from the runtime cluster "runtime", last read 12 minutes ago',
      );
      const steps = within(
        screen.getByRole('list', { name: 'Condition pipeline' }),
      ).getAllByRole('listitem');
      expect(steps).toHaveLength(6);
      for (const step of steps) {
        expect(step.querySelector('[data-health]')).toHaveAttribute(
          'data-health',
          'unknown',
        );
        expect(step).toHaveTextContent('Last known: Healthy');
      }
      expect(screen.queryByText('Blocking')).not.toBeInTheDocument();

      // the header says how old each part is
      expect(screen.getByTestId('platform-mesh-observed')).toHaveTextContent(
        'observed: runtime 12 minutes ago · infra just now · operator just now',
      );
      expect(section('HelmReleases')).toHaveTextContent(
        'from the infra cluster "infra", read just now',
      );
      expect(
        screen.getByRole('listitem', {
          name: 'Runtime cluster runtime: Unreachable',
        }),
      ).toHaveTextContent('last read 12 minutes ago');
    },
  );

  it('says the checks could not run completely when the answer is unknown, never "No problems found"', async () => {
    const status = runtimeUnreachableStatus();
    status.diagnostics = [];
    server.use(http.get(STATUS_URL, () => json(status)));
    await renderCard();

    const diagnostics = await screen.findByRole('region', {
      name: 'Diagnostics',
    });
    expect(diagnostics).not.toHaveTextContent('No problems found');
    expect(diagnostics).toHaveTextContent(
      'The checks could not run completely; nothing was found in what could be read.',
    );
    expect(diagnostics).toHaveTextContent(
      'Checks on the runtime cluster could not run: it could not be read.',
    );
  });

  it('adds the incomplete note next to findings of an unknown answer', async () => {
    server.use(http.get(STATUS_URL, () => json(runtimeUnreachableStatus())));
    await renderCard();

    const diagnostics = await screen.findByRole('region', {
      name: 'Diagnostics (1)',
    });
    expect(
      within(diagnostics).getByTestId('diagnostics-incomplete'),
    ).toHaveTextContent('The checks could not run completely');
  });

  it('does not say "infra → runtime: OK" next to its missing Secret', async () => {
    server.use(http.get(STATUS_URL, () => json(infraSecretMissingStatus())));
    await renderCard();

    await screen.findByRole('list', { name: 'Connections' });
    expect(
      screen.getByRole('list', { name: 'Secrets on the infra cluster' })
        .textContent,
    ).toContain(
      'Secret platform-mesh-system/platform-mesh-runtime-secret: missing',
    );
    const infraToRuntime = link('infra → runtime');
    expect(infraToRuntime).not.toHaveTextContent(/OK/);
    expect(infraToRuntime).toHaveTextContent(
      'Broken: Secret platform-mesh-system/platform-mesh-runtime-secret: missing',
    );
    expect(infraToRuntime.querySelector('[data-health]')).toHaveAttribute(
      'data-health',
      'failed',
    );
    expect(link('operator → runtime')).toHaveTextContent('OK');
  });

  it('an unknown target: the server message once, and the configured targets', async () => {
    const entity = entityWithAnnotation(
      'nosuchtarget/platform-mesh-system/platform-mesh-sample',
    );
    server.use(
      http.get(
        `${BASE_URL}/instances/nosuchtarget/platform-mesh-system/platform-mesh-sample/status`,
        () => json(unknownTargetBody, 404),
      ),
      http.get(`${BASE_URL}/targets`, () => json(configuredTargets)),
    );
    await renderCard({}, entity);

    expect(
      await screen.findByText('Target nosuchtarget is not configured'),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Unknown target "nosuchtarget"')).toHaveLength(
      1,
    );
    expect(screen.queryByText(/found no PlatformMesh/)).not.toBeInTheDocument();
    expect(
      await screen.findByTestId('platform-mesh-configured-targets'),
    ).toHaveTextContent('The configured targets are dev, argo.');
  });

  it('a missing instance of a known target: the server message once', async () => {
    server.use(
      http.get(STATUS_URL, () => json(notFoundBody, 404)),
      http.get(`${BASE_URL}/targets`, () => json(configuredTargets)),
    );
    await renderCard();

    expect(
      await screen.findByText(
        'Instance dev/platform-mesh-system/platform-mesh-sample not found',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(notFoundBody.error.message, { exact: false }),
    ).toHaveLength(1);
    expect(screen.queryByText(/found no PlatformMesh/)).not.toBeInTheDocument();
    expect(
      screen.queryByTestId('platform-mesh-configured-targets'),
    ).not.toBeInTheDocument();
  });
});
