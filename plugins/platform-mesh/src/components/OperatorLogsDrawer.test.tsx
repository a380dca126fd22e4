import '@testing-library/jest-dom';
import { registerMswTestHooks } from '@backstage/test-utils';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { healthyStatus } from './__fixtures__';
import {
  json,
  LOGS_URL,
  renderCard,
  STATUS_URL,
} from './__testUtils__/renderCard';

const server = setupServer();
registerMswTestHooks(server);

const source = {
  cluster: 'pm-operator',
  namespace: 'platform-mesh-system',
  labelSelector: 'app=platform-mesh-operator',
};

async function openLogs(answer: object) {
  server.use(
    http.get(STATUS_URL, () => json(healthyStatus)),
    http.get(LOGS_URL, () => json(answer)),
  );
  await renderCard();
  await screen.findByRole('status', { name: 'Overall health: Healthy' });
  await userEvent.click(screen.getByRole('button', { name: 'Operator logs' }));
  return screen.findByRole('dialog');
}

describe('OperatorLogsDrawer', () => {
  it("shows a failing pod's error next to the logs of the pod that worked", async () => {
    const dialog = await openLogs({
      source,
      pods: [
        {
          name: 'operator-a',
          container: 'platform-mesh-operator',
          lines: ['INFO reconciled'],
          truncated: false,
        },
        {
          name: 'operator-b',
          container: 'platform-mesh-operator',
          lines: [],
          truncated: false,
          error: { type: 'forbidden', message: 'cannot get pods/log' },
        },
      ],
    });
    const a = await within(dialog).findByRole('region', {
      name: 'Logs of pod operator-a',
    });
    expect(within(a).getByText('INFO reconciled').tagName).toBe('PRE');
    expect(
      within(a).getByLabelText('container platform-mesh-operator'),
    ).toBeInTheDocument();
    const b = within(dialog).getByRole('region', {
      name: 'Logs of pod operator-b',
    });
    expect(within(b).getByRole('alert')).toHaveTextContent(
      'The log of this pod could not be read: forbidden — cannot get pods/log',
    );
    expect(within(b).queryByText('(no log lines)')).not.toBeInTheDocument();
  });

  it('says which label selector and namespace matched no pod', async () => {
    const dialog = await openLogs({ source, pods: [] });
    expect(
      await within(dialog).findByText(
        'No operator pod matches app=platform-mesh-operator in namespace platform-mesh-system of the operator cluster "pm-operator" (platformMesh.operatorLogs.labelSelector).',
      ),
    ).toBeInTheDocument();
  });
});
