import type { KubernetesObject } from '@platform-mesh-backstage/plugin-platform-mesh-common';
import { isClusterRequestError } from '../client/ClusterRequestError';
import type { ClusterClient } from '../client/types';
import type { ResolvedResource } from '../discovery/types';
import { diffObjects } from './diffObjects';
import { normalizeObject, ownership } from './normalizeObject';
import { toApplyError } from './toApplyError';
import type {
  ApplyAction,
  ApplyFailure,
  ApplyItem,
  DryRunObjectResult,
  DryRunOptions,
} from './types';

/** One object of an apply, resolved against its cluster. */
export interface PlannedObject {
  /** Its position in the apply. */
  index: number;
  item: ApplyItem;
  /** `Kind namespace/name`. */
  label: string;
  client: ClusterClient;
  resource: ResolvedResource;
}

/**
 * The server-side dry run of one object. With `diff` (the default) the object is read first, to
 * tell `unchanged` from `configured` and to compute the diff; without it, one request: the dry run,
 * whose resourceVersion tells whether the object exists. A `crd-missing` answer for a type that
 * discovery resolved means the CRD went away since: that group's discovery is dropped, so the next
 * look-up sees it.
 *
 * @param step - the object
 * @param options - field manager, force, diff, signal
 * @param secrets - values to redact from errors
 */
export async function dryRunObject(
  step: PlannedObject,
  options: DryRunOptions & { fieldManager: string },
  secrets: string[],
): Promise<{ result: DryRunObjectResult } | { failure: ApplyFailure }> {
  const { item, client, label, resource } = step;
  const fail = (error: unknown) => ({
    failure: {
      cluster: item.cluster,
      object: label,
      error: toApplyError(error, secrets),
    },
  });
  const meta = item.object.metadata;
  const wantDiff = options.diff !== false;

  let before: KubernetesObject | undefined;
  let beforeKnown = wantDiff;
  if (wantDiff) {
    try {
      before = await client.tryGet(
        {
          apiVersion: item.object.apiVersion,
          kind: item.object.kind,
          name: meta.name,
          namespace: meta.namespace,
        },
        { signal: options.signal },
      );
    } catch (error) {
      // Server-side apply does not need read access; without it we cannot diff, but can still apply.
      if (
        !(
          isClusterRequestError(error) &&
          error.clusterError.type === 'forbidden'
        )
      ) {
        return fail(error);
      }
      beforeKnown = false;
    }
  }

  let after: KubernetesObject;
  try {
    after = await client.apply(item.object, {
      dryRun: true,
      fieldManager: options.fieldManager,
      force: options.force,
      signal: options.signal,
    });
  } catch (error) {
    if (
      isClusterRequestError(error) &&
      error.clusterError.type === 'crd-missing'
    ) {
      client.discovery.invalidate(resource.group);
      const groupVersion = resource.group
        ? `${resource.group}/${resource.version}`
        : resource.version;
      return {
        failure: {
          cluster: item.cluster,
          object: label,
          error: {
            type: 'crd-missing',
            message: `${resource.kind} is no longer served by ${groupVersion} (its CRD was removed after discovery found it)`,
            resource: error.clusterError.resource,
            statusCode: error.clusterError.statusCode,
          },
        },
      };
    }
    return fail(error);
  }

  const dryRunVersion = after.metadata?.resourceVersion;
  const existed = beforeKnown
    ? before !== undefined
    : Boolean(dryRunVersion && dryRunVersion !== '0');
  let action: ApplyAction;
  if (!existed) {
    action = 'created';
  } else if (
    before &&
    JSON.stringify(normalizeObject(before)) ===
      JSON.stringify(normalizeObject(after)) &&
    ownership(before) === ownership(after)
  ) {
    action = 'unchanged';
  } else {
    action = 'configured';
  }
  const notes =
    wantDiff && !beforeKnown
      ? ['no read access: the change could not be previewed']
      : undefined;
  let diff: DryRunObjectResult['diff'] = [];
  if (before) diff = diffObjects(before, after);
  else if (wantDiff) {
    diff = diffObjects(undefined, beforeKnown ? after : item.object);
  }
  const resourceVersion = before?.metadata?.resourceVersion ?? dryRunVersion;
  return {
    result: {
      cluster: item.cluster,
      object: label,
      action,
      diff,
      ...(notes ? { notes } : {}),
      existed,
      ...(existed && resourceVersion ? { resourceVersion } : {}),
    },
  };
}
