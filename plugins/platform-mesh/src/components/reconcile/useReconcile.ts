import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type {
  InstanceRef,
  ReconcileRequest,
  ReconcileResult,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { platformMeshApiRef } from '../../api';

/** Where one Reconcile button is. */
export interface ReconcileState {
  phase: 'idle' | 'pending' | 'done' | 'error';
  result?: ReconcileResult;
  error?: Error;
}

/**
 * Sends Reconcile requests for one instance through the plugin's API client, one at a time, and
 * keeps the outcome of the last one. `onDone` runs after a successful request (e.g. to refresh
 * the status, which then shows the controller's reaction).
 */
export function useReconcile(
  instanceRef: InstanceRef,
  onDone?: (result: ReconcileResult) => void,
) {
  const api = useApi(platformMeshApiRef);
  const [state, setState] = useState<ReconcileState>({ phase: 'idle' });
  const mounted = useRef(true);
  const onDoneRef = useRef(onDone);
  onDoneRef.current = onDone;
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const { target, namespace, name } = instanceRef;
  const run = useCallback(
    async (request: ReconcileRequest) => {
      setState({ phase: 'pending' });
      try {
        const result = await api.reconcile({ target, namespace, name }, request);
        if (!mounted.current) return;
        setState({ phase: 'done', result });
        onDoneRef.current?.(result);
      } catch (e) {
        if (!mounted.current) return;
        setState({
          phase: 'error',
          error: e instanceof Error ? e : new Error(String(e)),
        });
      }
    },
    [api, target, namespace, name],
  );
  return { ...state, run };
}
