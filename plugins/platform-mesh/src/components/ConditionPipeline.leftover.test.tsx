import '@testing-library/jest-dom';
import { registerMswTestHooks } from '@backstage/test-utils';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { screen, within } from '@testing-library/react';
import {
  FINALIZER,
  healthyStatus,
  LEFTOVER_ERROR_MESSAGE,
  leftoverStatus,
  notReachedDeletingStatus,
  WAIT_MESSAGE,
} from './__fixtures__';
import { json, renderCard, STATUS_URL } from './__testUtils__/renderCard';

const server = setupServer();
registerMswTestHooks(server);

function pipelineStep(step: string): HTMLElement {
  const item = within(screen.getByRole('list', { name: 'Condition pipeline' }))
    .getAllByRole('listitem')
    .find(li => li.getAttribute('data-step') === step);
  if (!item) throw new Error(`no pipeline step ${step}`);
  return item;
}

/** The health a step shows (`data-health` of its status), and whether it shows a spinner. */
function shown(step: string) {
  const item = pipelineStep(step);
  return {
    health: item.querySelector('[data-health]')?.getAttribute('data-health'),
    spinner: !!item.querySelector('[aria-label="Status running"]'),
    text: item.querySelector('[data-health]')?.textContent,
  };
}

describe('ConditionPipeline: leftover and not-reached steps', () => {
  it('shows conditions left over from an earlier run muted, not as failures, and blocks on the live step', async () => {
    server.use(http.get(STATUS_URL, () => json(leftoverStatus)));
    await renderCard();
    await screen.findByRole('list', { name: 'Condition pipeline' });

    const kcp = pipelineStep('KcpsetupSubroutine');
    expect(kcp).toHaveAttribute('data-leftover', 'true');
    expect(kcp).toHaveTextContent(LEFTOVER_ERROR_MESSAGE);
    expect(kcp).toHaveTextContent('Left over from an earlier run');
    expect(kcp).not.toHaveAttribute('aria-current');
    expect(shown('KcpsetupSubroutine')).toEqual({
      health: 'unknown',
      spinner: false,
      text: 'Left over',
    });
    expect(kcp.querySelector('[aria-label="Status error"]')).toBeNull();
    for (const step of [
      'ProvidersecretSubroutine',
      'FeatureToggleSubroutine',
    ]) {
      expect(pipelineStep(step)).toHaveAttribute('data-leftover', 'true');
      expect(shown(step).spinner).toBe(false);
    }

    const wait = pipelineStep('WaitSubroutine');
    expect(wait).toHaveAttribute('aria-current', 'step');
    expect(wait).toHaveTextContent('Blocking');
    expect(wait).toHaveTextContent(WAIT_MESSAGE);
    expect(wait).not.toHaveAttribute('data-leftover');
    expect(shown('WaitSubroutine')).toMatchObject({
      health: 'progressing',
      spinner: true,
    });
    expect(screen.getAllByText('Blocking')).toHaveLength(1);
    expect(screen.queryByText(/Deleting since/)).not.toBeInTheDocument();
  });

  it('shows steps the current run has not reached without a progress spinner', async () => {
    server.use(http.get(STATUS_URL, () => json(notReachedDeletingStatus)));
    await renderCard();
    await screen.findByRole('list', { name: 'Condition pipeline' });

    expect(pipelineStep('DeploymentSubroutine')).toHaveAttribute(
      'aria-current',
      'step',
    );
    for (const step of [
      'KcpsetupSubroutine',
      'ProvidersecretSubroutine',
      'FeatureToggleSubroutine',
      'WaitSubroutine',
    ]) {
      expect(pipelineStep(step)).toHaveAttribute('data-not-reached', 'true');
      expect(pipelineStep(step)).toHaveTextContent('Not reached yet');
      expect(shown(step)).toEqual({
        health: 'unknown',
        spinner: false,
        text: 'Not reached',
      });
    }
  });

  it('says since when a deleted instance waits for which finalizers, each once with its count', async () => {
    server.use(http.get(STATUS_URL, () => json(notReachedDeletingStatus)));
    await renderCard();

    const notice = await screen.findByTestId('platform-mesh-deletion');
    expect(notice).toHaveTextContent(
      `— waiting for finalizers: ${FINALIZER} (×2)`,
    );
    expect(notice).toHaveTextContent(/^Deleting since .+\(12 minutes ago\)/);
    expect(notice.querySelector('time')).toHaveAttribute(
      'dateTime',
      notReachedDeletingStatus.instance.deletion!.since,
    );
  });

  it('shows no deletion line for an instance that is not being deleted', async () => {
    server.use(http.get(STATUS_URL, () => json(healthyStatus)));
    await renderCard();
    await screen.findByRole('list', { name: 'Condition pipeline' });
    expect(
      screen.queryByTestId('platform-mesh-deletion'),
    ).not.toBeInTheDocument();
  });
});
