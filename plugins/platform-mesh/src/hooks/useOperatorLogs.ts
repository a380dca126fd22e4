import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useApi } from '@backstage/core-plugin-api';
import {
  formatInstanceRef,
  parseInstanceRef,
  type InstanceRef,
} from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { platformMeshApiRef, type OperatorLogs } from '../api';

/**
 * What {@link useOperatorLogs} returns.
 *
 * @public
 */
export interface OperatorLogsState {
  value?: OperatorLogs;
  error?: Error;
  loading: boolean;
  retry: () => void;
}

/**
 * Loads the operator's recent log lines for an instance while `enabled` (e.g. while the drawer is
 * open). Needs the `platform-mesh.logs.read` permission; a denial comes back as the error.
 *
 * @param ref - the instance
 * @param options - `enabled` (default true) and `tailLines` (default 50)
 * @public
 */
export function useOperatorLogs(
  ref: InstanceRef | undefined,
  options: { enabled?: boolean; tailLines?: number } = {},
): OperatorLogsState {
  const { enabled = true, tailLines = 50 } = options;
  const api = useApi(platformMeshApiRef);
  const key = ref ? formatInstanceRef(ref) : undefined;
  const { value, error, loading, retry } = useAsyncRetry(async () => {
    const instance = parseInstanceRef(key);
    if (!enabled || !instance) return undefined;
    return api.getOperatorLogs(instance, tailLines);
  }, [api, key, enabled, tailLines]);
  return { value, error, loading, retry };
}
