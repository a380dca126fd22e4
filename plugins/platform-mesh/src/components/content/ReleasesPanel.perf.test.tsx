import '@testing-library/jest-dom';
import { useState } from 'react';
import { act, screen, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { ReleaseStatus } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { platformMeshApiRef } from '../../api';
import { healthyRelease, REF } from '../__fixtures__';
import { createClient } from '../__testUtils__/renderCard';
import { ReleasesPanel } from './ReleasesPanel';

const mockRenders = { count: 0 };
jest.mock('../HealthStatus', () => {
  const actual = jest.requireActual('../HealthStatus');
  return {
    ...actual,
    HealthStatus: (props: any) => {
      mockRenders.count++;
      const Actual = actual.HealthStatus;
      return <Actual {...props} />;
    },
  };
});

/** 100 releases, every tenth failing. */
const HUNDRED: ReleaseStatus[] = Array.from({ length: 100 }, (_, i) => ({
  ...healthyRelease(`release-${i}`, `chart-${i}`, '1.0.0'),
  health: i % 10 === 0 ? 'failed' : 'healthy',
}));

/** What a poll brings: new objects (parsed JSON), the same content. */
function hundredReleases(): ReleaseStatus[] {
  return HUNDRED.map(r => ({ ...r }));
}

const onView = () => {};
let setReleases: (releases: ReleaseStatus[]) => void = () => {};

function Harness() {
  const [releases, set] = useState(hundredReleases);
  setReleases = set;
  return (
    <ReleasesPanel
      releases={releases}
      diagnostics={[]}
      instanceRef={REF}
      canReconcile={false}
      onView={onView}
    />
  );
}

describe('ReleasesPanel with 100 releases', () => {
  it('renders the failing rows only, and a poll with equal releases re-renders no row', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[platformMeshApiRef, createClient()]]}>
        <Harness />
      </TestApiProvider>,
    );
    // healthy rows collapsed: the ten failing rows and the header
    expect(
      within(screen.getByRole('table', { name: 'Releases' })).getAllByRole(
        'row',
      ),
    ).toHaveLength(11);
    const afterFirst = mockRenders.count;
    expect(afterFirst).toBeGreaterThanOrEqual(10);

    // the next poll: new objects with equal content
    act(() => setReleases(hundredReleases().map(r => ({ ...r }))));
    expect(mockRenders.count).toBe(afterFirst);

    // a changed release re-renders its row only
    act(() =>
      setReleases(
        hundredReleases().map((r, i) =>
          i === 0 ? { ...r, message: 'changed' } : r,
        ),
      ),
    );
    expect(mockRenders.count).toBe(afterFirst + 1);
    expect(screen.getByText('changed')).toBeInTheDocument();
  });
});
