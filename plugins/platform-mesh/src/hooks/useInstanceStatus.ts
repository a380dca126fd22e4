import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  formatInstanceRef,
  parseInstanceRef,
  type InstanceRef,
  type InstanceStatus,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { platformMeshApiRef } from '../api';

/** Default auto-refresh interval: the backend answers from its cache, so polling is cheap. */
export const DEFAULT_REFRESH_INTERVAL_MS = 15_000;

/**
 * What {@link useInstanceStatus} returns.
 *
 * @public
 */
export interface InstanceStatusState {
  /** The last status received (kept while a refresh runs or after a refresh fails). */
  value?: InstanceStatus;
  /** The error of the last request; cleared by the next successful one. */
  error?: Error;
  /** True until the first answer (status or error) arrives. */
  loading: boolean;
  /** True while any request is in flight, including background refreshes. */
  refreshing: boolean;
  /** When the last successful answer arrived (ms since the epoch). */
  fetchedAt?: number;
  /** Fetches the status now. */
  refresh: () => void;
}

interface State {
  key?: string;
  value?: InstanceStatus;
  error?: Error;
  fetchedAt?: number;
  settled: boolean;
  inFlight: number;
}

function isHidden(): boolean {
  return (
    typeof document !== 'undefined' && document.visibilityState === 'hidden'
  );
}

/**
 * Loads an instance's status and keeps it fresh: every `intervalMs` (default 15 s, 0 turns it off)
 * while the browser tab is visible, at once when the tab becomes visible again after an interval
 * has passed, and on `refresh()`. Answers to superseded requests are dropped. Refreshes are
 * conditional (the client sends `If-None-Match`); an unchanged answer keeps the previous value.
 *
 * @param ref - the instance, or undefined when the entity does not name one
 * @param options - `intervalMs`: auto-refresh interval in milliseconds
 * @public
 */
export function useInstanceStatus(
  ref: InstanceRef | undefined,
  options: { intervalMs?: number } = {},
): InstanceStatusState {
  const { intervalMs = DEFAULT_REFRESH_INTERVAL_MS } = options;
  const api = useApi(platformMeshApiRef);
  const key = ref ? formatInstanceRef(ref) : undefined;
  const [state, setState] = useState<State>({
    key,
    settled: false,
    inFlight: 0,
  });
  const latestRequest = useRef(0);
  const lastStarted = useRef(0);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const load = useCallback(async () => {
    const instance = parseInstanceRef(key);
    if (!instance) return;
    const request = ++latestRequest.current;
    lastStarted.current = Date.now();
    setState(s => ({ ...s, inFlight: s.inFlight + 1 }));
    let outcome: Partial<State>;
    try {
      const value = await api.getInstanceStatus(instance);
      outcome = { value, error: undefined, fetchedAt: Date.now() };
    } catch (e) {
      outcome = { error: e instanceof Error ? e : new Error(String(e)) };
    }
    if (!mounted.current) return;
    setState(s => {
      const inFlight = Math.max(0, s.inFlight - 1);
      if (request !== latestRequest.current || s.key !== key) {
        return { ...s, inFlight };
      }
      // A `304 Not Modified` resolves with the status already shown: keep that very object, so
      // nothing below re-renders for an unchanged answer.
      if (outcome.value !== undefined && outcome.value === s.value) {
        return {
          ...s,
          error: undefined,
          fetchedAt: outcome.fetchedAt,
          settled: true,
          inFlight,
        };
      }
      return { ...s, ...outcome, settled: true, inFlight };
    });
  }, [api, key]);

  // A new instance: forget the previous one's data and load.
  useEffect(() => {
    setState({ key, settled: false, inFlight: 0 });
    latestRequest.current++;
    load();
  }, [key, load]);

  // Auto-refresh while the tab is visible.
  useEffect(() => {
    if (!key || !(intervalMs > 0)) return undefined;
    const timer = setInterval(() => {
      if (!isHidden()) load();
    }, intervalMs);
    const onVisibility = () => {
      if (!isHidden() && Date.now() - lastStarted.current >= intervalMs) load();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [key, intervalMs, load]);

  const current = state.key === key;
  return {
    value: current ? state.value : undefined,
    error: current ? state.error : undefined,
    loading: Boolean(key) && (!current || !state.settled),
    refreshing: state.inFlight > 0,
    fetchedAt: current ? state.fetchedAt : undefined,
    refresh: load,
  };
}
