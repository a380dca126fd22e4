import '@testing-library/jest-dom';
import { registerMswTestHooks } from '@backstage/test-utils';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { InstanceStatus } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import {
  annotatedEntityNamed,
  failedStatus,
  healthyStatus,
  minutesAgo,
} from '../__fixtures__';
import {
  json,
  OBJECTS_URL,
  RECONCILE_URL,
  renderV2,
  STATUS_URL,
} from '../__testUtils__/renderV2';
import { PlatformMeshContent } from './PlatformMeshContent';

const server = setupServer();
registerMswTestHooks(server);

function renderTab(options: Parameters<typeof renderV2>[1] = {}) {
  return renderV2(<PlatformMeshContent refreshIntervalMs={0} />, options);
}

function releasesTable() {
  return screen.getByRole('table', { name: 'Releases' });
}

/** The failed fixture with kcp workspaces, OCM Resources and a deletion in progress. */
function richStatus(): InstanceStatus {
  const status = structuredClone(failedStatus);
  status.kcpWorkspaces = [
    { name: 'root:orgs', phase: 'Ready' },
    { name: 'root:platform-mesh-system', phase: 'Initializing' },
  ];
  status.ocmResources = [
    {
      name: 'kcp-operator',
      namespace: 'platform-mesh-system',
      health: 'failed',
      reason: 'GetComponentVersionFailed',
      message: 'component version not found',
      resourceName: 'chart',
    },
  ];
  status.instance.deletion = {
    since: minutesAgo(5),
    finalizers: [
      'platform-mesh.core.platform-mesh.io/finalizer',
      'platform-mesh.core.platform-mesh.io/finalizer',
    ],
  };
  status.releases[0] = { ...status.releases[0], failures: 3, revision: 2 };
  return status;
}

describe('PlatformMeshContent', () => {
  it('healthy releases are collapsed by default and can be shown', async () => {
    server.use(http.get(STATUS_URL, () => json(failedStatus)));
    await renderTab();

    await screen.findByRole('status', { name: 'Overall health: Failed' });
    // only the failed release is a row; the seven healthy ones are behind the toggle
    expect(within(releasesTable()).getAllByRole('row')).toHaveLength(2);
    expect(screen.getByText('7 healthy releases hidden.')).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Show 7 healthy releases' }),
    );
    expect(within(releasesTable()).getAllByRole('row')).toHaveLength(9);
    expect(
      screen.getByRole('button', { name: 'Hide healthy releases' }),
    ).toHaveAttribute('aria-expanded', 'true');
  });

  it('the pipeline, diagnostics, topology, kcp workspaces, OCM Resources, deletion and failure counts', async () => {
    const consoleError = jest.spyOn(console, 'error');
    server.use(http.get(STATUS_URL, () => json(richStatus())));
    await renderTab();
    await screen.findByRole('status', { name: 'Overall health: Failed' });

    expect(screen.getByRole('list', { name: 'Condition pipeline' })).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Connections' })).toBeInTheDocument();
    const kcp = screen.getByRole('table', { name: 'kcp workspaces' });
    expect(kcp).toHaveTextContent('root:orgsReady');
    expect(kcp).toHaveTextContent('root:platform-mesh-systemInitializing');
    const ocm = screen.getByRole('table', { name: 'OCM Resources' });
    expect(ocm).toHaveTextContent('kcp-operatorFailedGetComponentVersionFailed');
    expect(screen.getByTestId('platform-mesh-deletion')).toHaveTextContent(
      'waiting for finalizers: platform-mesh.core.platform-mesh.io/finalizer (×2)',
    );
    const row = within(releasesTable()).getAllByRole('row')[1];
    expect(row).toHaveTextContent('3 failed attempts');
    expect(row).toHaveTextContent('revision 2');
    // no heading level is skipped: card titles are h2 below the page's h1
    expect(screen.getAllByRole('heading', { level: 2 }).length).toBeGreaterThan(3);
    // no React key or DOM-nesting warnings
    const warnings = consoleError.mock.calls
      .map(args => String(args[0]))
      .filter(text =>
        /unique "key"|validateDOMNesting|cannot be a descendant/.test(text),
      );
    consoleError.mockRestore();
    expect(warnings).toEqual([]);
  });

  it('says when the OCM Resources could not be read, and when the operator wrote no workspaces', async () => {
    server.use(http.get(STATUS_URL, () => json(healthyStatus)));
    await renderTab();
    await screen.findByRole('status', { name: 'Overall health: Healthy' });
    expect(
      screen.getByText(
        'The OCM Resources could not be read (the runtime cluster or the Resource CRD).',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('The operator has written no kcp workspaces.'),
    ).toBeInTheDocument();
  });

  it('Reconcile with force for a RetriesExceeded HelmRelease sends force: true', async () => {
    const requests: unknown[] = [];
    server.use(
      http.get(STATUS_URL, () => json(failedStatus)),
      http.post(RECONCILE_URL, async ({ request }) => {
        requests.push(await request.json());
        return json({
          object: {
            role: 'infra',
            cluster: 'infra',
            kind: 'HelmRelease',
            namespace: 'platform-mesh-system',
            name: 'kcp-operator',
          },
          requestedAt: '2025-03-01T12:00:00Z',
          annotations: {},
        });
      }),
    );
    await renderTab();
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Reconcile HelmRelease kcp-operator with force',
      }),
    );
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]).toEqual({
      kind: 'HelmRelease',
      namespace: 'platform-mesh-system',
      name: 'kcp-operator',
      force: true,
    });
    expect(
      await screen.findByText(/^Reconcile requested at /),
    ).toBeInTheDocument();
  });

  it('without platform-mesh.reconcile there are no Reconcile buttons', async () => {
    server.use(http.get(STATUS_URL, () => json(failedStatus)));
    await renderTab({
      reconcile: 'deny',
      entity: annotatedEntityNamed('tab-reconcile-denied'),
    });
    await screen.findByRole('status', { name: 'Overall health: Failed' });
    expect(screen.queryByRole('button', { name: /^Reconcile/ })).toBeNull();
    // the raw object stays available
    expect(
      screen.getByRole('button', { name: 'View the YAML of HelmRelease kcp-operator' }),
    ).toBeInTheDocument();
  });

  it('the raw object drawer shows the object as YAML', async () => {
    const requested: string[] = [];
    server.use(
      http.get(STATUS_URL, () => json(failedStatus)),
      http.get(`${OBJECTS_URL}/*`, ({ request }) => {
        requested.push(new URL(request.url).pathname);
        return json({
          role: 'infra',
          cluster: 'infra',
          kind: 'HelmRelease',
          namespace: 'platform-mesh-system',
          name: 'kcp-operator',
          object: {
            apiVersion: 'helm.toolkit.fluxcd.io/v2',
            kind: 'HelmRelease',
            metadata: { name: 'kcp-operator', namespace: 'platform-mesh-system' },
            spec: { interval: '5m' },
          },
        });
      }),
    );
    await renderTab();
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'View the YAML of HelmRelease kcp-operator',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'HelmRelease platform-mesh-system/kcp-operator',
    });
    const yaml = await within(dialog).findByTestId('platform-mesh-raw-yaml');
    expect(yaml.textContent).toContain('apiVersion: helm.toolkit.fluxcd.io/v2');
    expect(yaml.textContent).toContain('  interval: 5m');
    expect(requested).toEqual([
      '/api/platform-mesh/instances/dev/platform-mesh-system/platform-mesh-sample/objects/infra/HelmRelease/platform-mesh-system/kcp-operator',
    ]);
  });
});
