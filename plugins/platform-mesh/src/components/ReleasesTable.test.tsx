import '@testing-library/jest-dom';
import { registerMswTestHooks } from '@backstage/test-utils';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { screen, within } from '@testing-library/react';
import { statusWithReleases } from './__fixtures__';
import { json, renderCard, STATUS_URL } from './__testUtils__/renderCard';

const server = setupServer();
registerMswTestHooks(server);

/** The data rows (the header and the pagination footer are rows too). */
function dataRows(region: HTMLElement): HTMLElement[] {
  return within(region)
    .getAllByRole('row')
    .filter(row => row.querySelectorAll('td').length === 5);
}

describe('ReleasesTable', () => {
  it('renders a card with 100 HelmReleases (render time is printed, not asserted)', async () => {
    const status = statusWithReleases(100);
    server.use(http.get(STATUS_URL, () => json(status)));

    // Warm-up render so module loading and JSS set-up are not part of the measurement.
    const warmUp = await renderCard();
    await screen.findByText('100 HelmReleases');
    warmUp.unmount();

    const start = performance.now();
    await renderCard();
    await screen.findByText('100 HelmReleases');
    const elapsed = performance.now() - start;
    // eslint-disable-next-line no-console
    console.log(
      `PlatformMeshCard with 100 HelmReleases: first render incl. fetch ${elapsed.toFixed(
        0,
      )} ms (jsdom)`,
    );

    const region = screen.getByRole('region', { name: 'HelmReleases' });
    // Problems first, in the backend's order; the table pages at 20 rows and offers search.
    const rows = dataRows(region);
    expect(rows).toHaveLength(20);
    expect(rows[0]).toHaveTextContent('component-000');
    expect(rows[0]).toHaveTextContent('Failed');
    expect(rows[0]).toHaveTextContent('1.0.0');
    expect(rows[3]).toHaveTextContent('Progressing');
    expect(within(region).getByRole('textbox')).toBeInTheDocument(); // search
  });

  it('shows suspension and app version', async () => {
    const status = statusWithReleases(5);
    status.releases[2].suspended = true;
    server.use(http.get(STATUS_URL, () => json(status)));
    await renderCard();

    const region = await screen.findByRole('region', { name: 'HelmReleases' });
    const rows = dataRows(region);
    expect(rows).toHaveLength(5);
    expect(rows[2]).toHaveTextContent('Suspended');
    expect(rows[1]).not.toHaveTextContent('Suspended');
    expect(rows[2]).toHaveTextContent('app v1.2');
  });
});
