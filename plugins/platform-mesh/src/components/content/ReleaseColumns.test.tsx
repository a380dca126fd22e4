import '@testing-library/jest-dom';
import { registerMswTestHooks } from '@backstage/test-utils';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { screen, within } from '@testing-library/react';
import type {
  InstanceStatus,
  ReleaseStatus,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { failedStatus } from '../__fixtures__';
import { json, renderV2, STATUS_URL } from '../__testUtils__/renderV2';
import { PlatformMeshContent } from './PlatformMeshContent';

const server = setupServer();
registerMswTestHooks(server);

function withReleases(releases: ReleaseStatus[]): InstanceStatus {
  return { ...structuredClone(failedStatus), releases };
}

const failing: ReleaseStatus = {
  kind: 'HelmRelease',
  name: 'cert-manager',
  namespace: 'platform-mesh-system',
  health: 'degraded',
  reason: 'ArtifactFailed',
  suspended: false,
  targetsRemoteCluster: true,
  chartSource: 'OCIRepository/cert-manager',
  lastAttemptedRevision: 'v1.17.0@sha256:0a1b',
};

describe('the releases table', () => {
  it('names the chart source of a release without history and the revision Flux last attempted', async () => {
    server.use(http.get(STATUS_URL, () => json(withReleases([failing]))));
    await renderV2(<PlatformMeshContent refreshIntervalMs={0} />);
    const table = await screen.findByRole(
      'table',
      { name: 'Releases' },
      { timeout: 10_000 },
    );
    const row = within(table).getByRole('row', { name: /cert-manager/ });
    expect(row).toHaveTextContent('from OCIRepository/cert-manager');
    expect(row).toHaveTextContent('last attempted v1.17.0');
    // no Argo CD columns for a Flux instance
    expect(
      within(table).queryByRole('columnheader', { name: 'Sync (Argo CD)' }),
    ).not.toBeInTheDocument();
  });

  it("gives Argo CD's sync and health their own columns", async () => {
    const app: ReleaseStatus = {
      kind: 'Application',
      name: 'portal',
      namespace: 'platform-mesh-system',
      health: 'failed',
      reason: 'OperationFailed',
      suspended: false,
      targetsRemoteCluster: true,
      syncStatus: 'OutOfSync',
      healthStatus: 'Missing',
    };
    server.use(http.get(STATUS_URL, () => json(withReleases([app]))));
    await renderV2(<PlatformMeshContent refreshIntervalMs={0} />);
    const table = await screen.findByRole(
      'table',
      { name: 'Releases' },
      { timeout: 10_000 },
    );
    expect(
      within(table).getByRole('columnheader', { name: 'Sync (Argo CD)' }),
    ).toBeInTheDocument();
    expect(
      within(table).getByRole('columnheader', { name: 'Health (Argo CD)' }),
    ).toBeInTheDocument();
    const row = within(table).getByRole('row', { name: /portal/ });
    expect(within(row).getByText('OutOfSync')).toBeInTheDocument();
    expect(within(row).getByText('Missing')).toBeInTheDocument();
  });
});
