import type { PropsWithChildren } from 'react';
import { TestApiProvider } from '@backstage/test-utils';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { InstanceStatus } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { platformMeshApiRef, type PlatformMeshApi } from '../api';
import { useInstanceStatus } from './useInstanceStatus';

const REF = {
  target: 'dev',
  namespace: 'platform-mesh-system',
  name: 'platform-mesh-sample',
};

function statusWithOverall(
  overall: InstanceStatus['instance']['overall'],
): InstanceStatus {
  return {
    instance: { ...REF, overall, deploymentTechnology: 'fluxcd' },
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
}

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => state,
  });
  document.dispatchEvent(new Event('visibilitychange'));
}

function setup(api: Partial<PlatformMeshApi>) {
  const wrapper = ({ children }: PropsWithChildren<{}>) => (
    <TestApiProvider apis={[[platformMeshApiRef, api]]}>
      {children}
    </TestApiProvider>
  );
  return wrapper;
}

describe('useInstanceStatus', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    setVisibility('visible');
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('loads, polls at the interval, and pauses while the tab is hidden', async () => {
    const getInstanceStatus = jest.fn(async () => statusWithOverall('healthy'));
    const { result } = renderHook(
      () => useInstanceStatus(REF, { intervalMs: 15_000 }),
      {
        wrapper: setup({ getInstanceStatus }),
      },
    );
    expect(result.current.loading).toBe(true);
    await waitFor(() =>
      expect(result.current.value?.instance.overall).toBe('healthy'),
    );
    expect(result.current.loading).toBe(false);
    expect(getInstanceStatus).toHaveBeenCalledTimes(1);
    expect(getInstanceStatus).toHaveBeenCalledWith(REF);

    await act(async () => {
      jest.advanceTimersByTime(15_000);
    });
    expect(getInstanceStatus).toHaveBeenCalledTimes(2);

    setVisibility('hidden');
    await act(async () => {
      jest.advanceTimersByTime(45_000);
    });
    expect(getInstanceStatus).toHaveBeenCalledTimes(2);

    // Back in view after more than an interval: refresh at once.
    await act(async () => {
      setVisibility('visible');
    });
    expect(getInstanceStatus).toHaveBeenCalledTimes(3);
  });

  it('keeps the last value when a refresh fails, and clears the error on the next success', async () => {
    const getInstanceStatus = jest
      .fn()
      .mockResolvedValueOnce(statusWithOverall('healthy'))
      .mockRejectedValueOnce(new Error('boom'))
      .mockResolvedValueOnce(statusWithOverall('failed'));
    const { result } = renderHook(
      () => useInstanceStatus(REF, { intervalMs: 0 }),
      {
        wrapper: setup({ getInstanceStatus }),
      },
    );
    await waitFor(() =>
      expect(result.current.value?.instance.overall).toBe('healthy'),
    );

    await act(async () => result.current.refresh());
    await waitFor(() => expect(result.current.error?.message).toBe('boom'));
    expect(result.current.value?.instance.overall).toBe('healthy');

    await act(async () => result.current.refresh());
    await waitFor(() =>
      expect(result.current.value?.instance.overall).toBe('failed'),
    );
    expect(result.current.error).toBeUndefined();

    // Interval 0: no polling.
    await act(async () => {
      jest.advanceTimersByTime(120_000);
    });
    expect(getInstanceStatus).toHaveBeenCalledTimes(3);
  });

  it('drops the answer of a superseded request', async () => {
    let resolveFirst: (s: InstanceStatus) => void = () => {};
    const getInstanceStatus = jest
      .fn()
      .mockImplementationOnce(
        () => new Promise<InstanceStatus>(r => (resolveFirst = r)),
      )
      .mockResolvedValueOnce(statusWithOverall('failed'));
    const { result } = renderHook(
      () => useInstanceStatus(REF, { intervalMs: 0 }),
      {
        wrapper: setup({ getInstanceStatus }),
      },
    );
    await act(async () => result.current.refresh());
    await waitFor(() =>
      expect(result.current.value?.instance.overall).toBe('failed'),
    );

    await act(async () => resolveFirst(statusWithOverall('healthy')));
    expect(result.current.value?.instance.overall).toBe('failed');
  });

  it('does nothing without an instance ref', async () => {
    const getInstanceStatus = jest.fn();
    const { result } = renderHook(() => useInstanceStatus(undefined), {
      wrapper: setup({ getInstanceStatus }),
    });
    await act(async () => {
      jest.advanceTimersByTime(60_000);
    });
    expect(result.current.loading).toBe(false);
    expect(getInstanceStatus).not.toHaveBeenCalled();
  });
});
