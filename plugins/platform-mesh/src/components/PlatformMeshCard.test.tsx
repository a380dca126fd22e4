import '@testing-library/jest-dom';
import { registerMswTestHooks } from '@backstage/test-utils';
import { delay, http } from 'msw';
import { setupServer } from 'msw/node';
import {
  act,
  fireEvent,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  configuredTargets,
  entityWithAnnotation,
  FAILED_RELEASE_MESSAGE,
  failedStatus,
  FORBIDDEN_INFRA_MESSAGE,
  forbiddenBody,
  forbiddenInfraStatus,
  healthyStatus,
  INFRA_ERROR_MESSAGE,
  logsForbiddenBody,
  notFoundBody,
  partialStatus,
  PROGRESSING_MESSAGE,
  progressingStatus,
  serverErrorBody,
} from './__fixtures__';
import {
  BASE_URL,
  json,
  LOGS_URL,
  renderCard,
  STATUS_URL,
} from './__testUtils__/renderCard';
import { formatAge, formatRelative } from './time';

const server = setupServer();
registerMswTestHooks(server);

function section(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

function releaseRow(name: string, title = 'HelmReleases'): HTMLElement {
  const row = within(section(title))
    .getAllByRole('row')
    .find(r => r.querySelector('td')?.firstChild?.textContent === name);
  if (!row) throw new Error(`no table row for ${name}`);
  return row;
}

function pipelineStep(step: string): HTMLElement {
  const item = within(screen.getByRole('list', { name: 'Condition pipeline' }))
    .getAllByRole('listitem')
    .find(li => li.getAttribute('data-step') === step);
  if (!item) throw new Error(`no pipeline step ${step}`);
  return item;
}

describe('PlatformMeshCard', () => {
  it('shows a healthy instance: health, ref, observed time, pipeline, releases and topology', async () => {
    server.use(http.get(STATUS_URL, () => json(healthyStatus)));
    await renderCard();

    expect(
      await screen.findByRole('status', { name: 'Overall health: Healthy' }),
    ).toHaveTextContent('Healthy');
    expect(screen.getByTestId('platform-mesh-instance-ref')).toHaveTextContent(
      'dev/platform-mesh-system/platform-mesh-sample',
    );
    // the fixtures' times are relative to when they loaded: on a loaded machine a test may run
    // minutes later, so the expected age is computed now
    expect(screen.getByText(/observed/)).toHaveTextContent(
      `observed ${formatRelative(healthyStatus.instance.observedAt)}`,
    );

    const steps = within(
      screen.getByRole('list', { name: 'Condition pipeline' }),
    ).getAllByRole('listitem');
    expect(steps.map(s => s.getAttribute('data-step'))).toEqual([
      'DeploymentSubroutine',
      'KcpsetupSubroutine',
      'ProvidersecretSubroutine',
      'FeatureToggleSubroutine',
      'WaitSubroutine',
      'Ready',
    ]);
    expect(pipelineStep('Ready')).toHaveTextContent(
      'The PlatformMesh is ready',
    );
    expect(pipelineStep('Ready')).toHaveTextContent('reason Complete');
    expect(screen.queryByText('Blocking')).not.toBeInTheDocument();
    expect(screen.queryByText('stale')).not.toBeInTheDocument();

    const certManager = releaseRow('cert-manager');
    expect(certManager).toHaveTextContent('v1.18.2');
    expect(certManager).toHaveTextContent('Healthy');
    expect(certManager).toHaveTextContent('UpgradeSucceeded');
    expect(certManager).toHaveTextContent(/40m ago/);
    expect(
      within(section('Diagnostics')).getByText('No problems found.'),
    ).toBeInTheDocument();

    const links = within(
      screen.getByRole('list', { name: 'Connections' }),
    ).getAllByRole('listitem');
    expect(links.map(l => l.textContent)).toEqual([
      expect.stringMatching(/^operator → runtimeOK/),
      expect.stringMatching(/^operator → infraOK/),
      expect.stringMatching(/^infra → runtimeOK.*spec\.kubeConfig/),
    ]);
    expect(
      screen.getByRole('listitem', {
        name: 'Operator cluster operator: Reachable',
      }),
    ).toHaveTextContent(
      'Secret platform-mesh-system/platform-mesh-kubeconfig: present',
    );
  });

  it('highlights the stopped step of a progressing instance and marks stale steps', async () => {
    server.use(http.get(STATUS_URL, () => json(progressingStatus)));
    await renderCard();

    expect(
      await screen.findByRole('status', {
        name: 'Overall health: Progressing',
      }),
    ).toBeInTheDocument();
    const deployment = pipelineStep('DeploymentSubroutine');
    expect(deployment).toHaveAttribute('aria-current', 'step');
    expect(deployment).toHaveTextContent('Blocking');
    expect(deployment).toHaveTextContent(PROGRESSING_MESSAGE);
    expect(deployment).toHaveTextContent('reason Stopped');
    expect(deployment).toHaveTextContent('status False');
    const stopped = progressingStatus.conditions.find(
      c => c.type === 'DeploymentSubroutine',
    );
    expect(deployment).toHaveTextContent(
      `changed ${formatAge(stopped?.lastTransitionTime)} ago`,
    );
    expect(deployment).toHaveTextContent('Progressing');
    expect(screen.getAllByText('Blocking')).toHaveLength(1);

    for (const step of [
      'KcpsetupSubroutine',
      'ProvidersecretSubroutine',
      'FeatureToggleSubroutine',
      'WaitSubroutine',
      'Ready',
    ]) {
      expect(
        within(pipelineStep(step)).getByLabelText(
          'stale: evaluated for generation 3 of 4',
        ),
      ).toHaveTextContent('stale');
    }
    expect(within(deployment).queryByText('stale')).not.toBeInTheDocument();
    expect(releaseRow('cert-manager')).toHaveTextContent(
      "Running 'install' action with timeout of 5m0s",
    );
  });

  it('shows a stalled HelmRelease first, with reason, version and message', async () => {
    server.use(http.get(STATUS_URL, () => json(failedStatus)));
    await renderCard();

    expect(
      await screen.findByRole('status', { name: 'Overall health: Failed' }),
    ).toBeInTheDocument();
    const rows = within(section('HelmReleases')).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('kcp-operator');
    const row = releaseRow('kcp-operator');
    expect(row).toHaveTextContent('Failed');
    expect(row).toHaveTextContent('RetriesExceeded');
    expect(row).toHaveTextContent('0.9.1');
    expect(row).toHaveTextContent(FAILED_RELEASE_MESSAGE);
    expect(row).not.toHaveTextContent('Suspended');
    expect(pipelineStep('WaitSubroutine')).toHaveAttribute(
      'aria-current',
      'step',
    );
    expect(pipelineStep('WaitSubroutine')).toHaveTextContent(
      'HelmRelease platform-mesh-system/kcp-operator is not ready: Stalled (RetriesExceeded)',
    );
  });

  it('shows what it has when the infra cluster is unreachable, with the error where the releases would be', async () => {
    server.use(http.get(STATUS_URL, () => json(partialStatus)));
    await renderCard();

    expect(
      await screen.findByRole('status', { name: 'Overall health: Unknown' }),
    ).toBeInTheDocument();
    // The runtime's conditions are still there.
    expect(pipelineStep('Ready')).toHaveTextContent(
      'The PlatformMesh is ready',
    );
    // The releases section explains itself instead of being blank.
    expect(section('HelmReleases')).toHaveTextContent(
      `HelmReleases could not be read from the infra cluster "infra". infra: unreachable — ${INFRA_ERROR_MESSAGE}`,
    );
    expect(section('Diagnostics')).toHaveTextContent(
      'Checks on the infra cluster could not run: it could not be read.',
    );
    const infra = screen.getByRole('listitem', {
      name: 'Infra cluster infra: Unreachable',
    });
    expect(infra).toHaveTextContent(
      `infra: unreachable — ${INFRA_ERROR_MESSAGE}`,
    );
    const infraToRuntime = within(
      screen.getByRole('list', { name: 'Connections' }),
    )
      .getAllByRole('listitem')
      .find(li => li.getAttribute('data-link') === 'infra → runtime');
    expect(infraToRuntime).toHaveTextContent(
      'Not checked: infra could not be read',
    );
  });

  it('shows a typed forbidden error for the cluster role it applies to', async () => {
    server.use(http.get(STATUS_URL, () => json(forbiddenInfraStatus)));
    await renderCard();

    await screen.findByRole('status', { name: 'Overall health: Unknown' });
    expect(section('HelmReleases')).toHaveTextContent(
      `infra: forbidden — ${FORBIDDEN_INFRA_MESSAGE}`,
    );
    expect(
      screen.getByRole('listitem', {
        name: 'Infra cluster infra: Partly readable',
      }),
    ).toHaveTextContent(`infra: forbidden — ${FORBIDDEN_INFRA_MESSAGE}`);
  });

  it('says the user lacks platform-mesh.status.read on 403', async () => {
    server.use(http.get(STATUS_URL, () => json(forbiddenBody, 403)));
    await renderCard();

    expect(
      await screen.findByText(
        /You lack the platform-mesh.status.read permission/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('status', { name: /Overall health/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Operator logs' }),
    ).not.toBeInTheDocument();
  });

  it('says the instance was not found on 404, naming the ref', async () => {
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
      screen.getByText(
        /PlatformMesh platform-mesh-system\/platform-mesh-sample not found on cluster runtime/,
      ),
    ).toBeInTheDocument();
  });

  it('explains the expected format of a malformed annotation without calling the backend', async () => {
    // No handler: msw fails the test on any request.
    await renderCard({}, entityWithAnnotation('platform-mesh-sample'));

    expect(
      screen.getByText('Malformed platform-mesh.io/instance annotation'),
    ).toBeInTheDocument();
    expect(screen.getByText('platform-mesh-sample')).toBeInTheDocument();
    expect(screen.getByText('<target>/<namespace>/<name>')).toBeInTheDocument();
  });

  it('shows a designed loading state while the first answer is pending', async () => {
    server.use(
      http.get(STATUS_URL, async () => {
        await delay('infinite');
        return json({});
      }),
    );
    await renderCard();

    expect(
      screen.getByText(
        'Loading the status of dev/platform-mesh-system/platform-mesh-sample…',
      ),
    ).toBeInTheDocument();
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Refresh' })).toBeInTheDocument();
  });

  it('shows other backend errors in a ResponseErrorPanel', async () => {
    server.use(http.get(STATUS_URL, () => json(serverErrorBody, 500)));
    await renderCard();

    expect(
      (await screen.findAllByText(/status cache is not initialised/)).length,
    ).toBeGreaterThan(0);
  });

  it('refreshes on the Refresh button, also from the keyboard', async () => {
    let calls = 0;
    server.use(
      http.get(STATUS_URL, () => {
        calls += 1;
        return json(calls === 1 ? healthyStatus : failedStatus);
      }),
    );
    await renderCard();
    await screen.findByRole('status', { name: 'Overall health: Healthy' });

    const refresh = screen.getByRole('button', { name: 'Refresh' });
    act(() => refresh.focus());
    await userEvent.keyboard('{Enter}');

    expect(
      await screen.findByRole('status', { name: 'Overall health: Failed' }),
    ).toBeInTheDocument();
    expect(calls).toBe(2);
  });

  it('refreshes on its own at the given interval', async () => {
    let calls = 0;
    server.use(
      http.get(STATUS_URL, () => {
        calls += 1;
        return json(calls < 3 ? healthyStatus : progressingStatus);
      }),
    );
    await renderCard({ refreshIntervalMs: 30 });

    expect(
      await screen.findByRole('status', {
        name: 'Overall health: Progressing',
      }),
    ).toBeInTheDocument();
    expect(calls).toBeGreaterThanOrEqual(3);
  });

  it('keeps the last status and warns when a refresh fails', async () => {
    let calls = 0;
    server.use(
      http.get(STATUS_URL, () => {
        calls += 1;
        return calls === 1 ? json(healthyStatus) : json(serverErrorBody, 500);
      }),
    );
    await renderCard();
    await screen.findByRole('status', { name: 'Overall health: Healthy' });

    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));

    expect(
      await screen.findByText(/Could not refresh the status/),
    ).toBeInTheDocument();
    expect(releaseRow('cert-manager')).toHaveTextContent('v1.18.2');
  });

  it('opens the operator logs in a drawer, monospace', async () => {
    let tail: string | null = null;
    server.use(
      http.get(STATUS_URL, () => json(healthyStatus)),
      http.get(LOGS_URL, ({ request }) => {
        tail = new URL(request.url).searchParams.get('tailLines');
        return json({
          pods: [
            {
              name: 'platform-mesh-operator-7c9d8f6b5-x2k4q',
              lines: [
                'INFO reconciling PlatformMesh platform-mesh-system/platform-mesh-sample',
                'INFO DeploymentSubroutine complete',
              ],
              truncated: true,
            },
          ],
        });
      }),
    );
    await renderCard({ logTailLines: 20 });
    await screen.findByRole('status', { name: 'Overall health: Healthy' });

    await userEvent.click(
      screen.getByRole('button', { name: 'Operator logs' }),
    );

    const dialog = await screen.findByRole('dialog', {
      name: 'Operator logs · dev/platform-mesh-system/platform-mesh-sample',
    });
    const log = await within(dialog).findByText(
      /INFO DeploymentSubroutine complete/,
    );
    expect(log.tagName).toBe('PRE');
    expect(log).toHaveTextContent(
      'INFO reconciling PlatformMesh platform-mesh-system/platform-mesh-sample',
    );
    expect(
      within(dialog).getByText('platform-mesh-operator-7c9d8f6b5-x2k4q'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('Showing the last 2 lines.'),
    ).toBeInTheDocument();
    expect(tail).toBe('20');

    await userEvent.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('says the user lacks platform-mesh.logs.read when the logs are denied', async () => {
    server.use(
      http.get(STATUS_URL, () => json(healthyStatus)),
      http.get(LOGS_URL, () => json(logsForbiddenBody, 403)),
    );
    await renderCard();
    await screen.findByRole('status', { name: 'Overall health: Healthy' });

    await userEvent.click(
      screen.getByRole('button', { name: 'Operator logs' }),
    );

    const dialog = await screen.findByRole('dialog');
    expect(
      await within(dialog).findByText(
        /You lack the platform-mesh.logs.read permission/,
      ),
    ).toBeInTheDocument();
    // The status is still there behind the (modal) drawer.
    expect(screen.getByText('v1.18.2')).toBeInTheDocument();
  });
});
