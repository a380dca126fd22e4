import type { PropsWithChildren } from 'react';
import { TestApiProvider } from '@backstage/test-utils';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { InstanceStatus } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { PlatformMeshClient, platformMeshApiRef } from '../api';
import { useInstanceStatus } from './useInstanceStatus';

const REF = { target: 'dev', namespace: 'pm-healthy', name: 'platform-mesh' };

const STATUS: InstanceStatus = {
  instance: { ...REF, overall: 'healthy', deploymentTechnology: 'fluxcd' },
  conditions: [],
  releases: [],
  sources: [],
  secrets: [],
  diagnostics: [],
  clusters: {
    operator: { name: 'operator', reachable: true },
    runtime: { name: 'runtime', reachable: true },
    infra: { name: 'infra', reachable: true },
  },
};

describe('useInstanceStatus with conditional requests', () => {
  it('refreshes with If-None-Match and keeps the previous value on 304', async () => {
    const fetch = jest
      .fn()
      .mockResolvedValueOnce(
        new Response(JSON.stringify(STATUS), { headers: { etag: '"abc"' } }),
      )
      .mockResolvedValue(new Response(null, { status: 304 }));
    const client = new PlatformMeshClient({
      discoveryApi: { getBaseUrl: async () => 'http://backstage.test/api/pm' },
      fetchApi: { fetch },
    });
    const wrapper = ({ children }: PropsWithChildren<{}>) => (
      <TestApiProvider apis={[[platformMeshApiRef, client]]}>
        {children}
      </TestApiProvider>
    );
    const { result } = renderHook(
      () => useInstanceStatus(REF, { intervalMs: 0 }),
      { wrapper },
    );
    await waitFor(() =>
      expect(result.current.value?.instance.overall).toBe('healthy'),
    );
    const shown = result.current.value;
    const firstFetchedAt = result.current.fetchedAt!;

    await act(async () => result.current.refresh());
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(result.current.refreshing).toBe(false));

    expect(fetch.mock.calls[1][1]).toEqual({
      headers: { 'If-None-Match': '"abc"' },
    });
    expect(result.current.value).toBe(shown);
    expect(result.current.error).toBeUndefined();
    expect(result.current.fetchedAt).toBeGreaterThanOrEqual(firstFetchedAt);
  });
});
