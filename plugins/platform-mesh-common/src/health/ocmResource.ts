import type { KubernetesObject } from '../types/kubernetes';
import type { Health, OcmResourceStatus } from '../types/status';
import { findCondition, isConditionTrue } from './conditions';
import { kstatusHealth } from './kstatusHealth';
import { boundedText, isRecord } from './text';

/**
 * Health of an OCM `delivery.ocm.software/v1alpha1` Resource: the kstatus rules of
 * `kstatusHealth` on its conditions (the OCM controller writes `Ready`, with
 * `observedGeneration`); a Resource no OCM controller has looked at yet (no conditions) is
 * `progressing`, never `failed`.
 *
 * @param resource - the Resource object
 */
export function ocmResourceHealth(resource: KubernetesObject): Health {
  return kstatusHealth(resource);
}

function field(obj: unknown, ...path: string[]): unknown {
  let value: unknown = obj;
  for (const key of path) {
    if (!isRecord(value)) return undefined;
    value = value[key];
  }
  return value;
}

/**
 * Describes an OCM Resource for the status answer: its health, the reason and message of
 * `Stalled` (when stalled) or `Ready`, the resource it names inside the OCM component
 * (`spec.resource.byReference.resource.name`, e.g. `chart`) and the version it resolved
 * (`status.resource.version`, else `status.component.version`).
 *
 * @param resource - the Resource object
 */
export function describeOcmResource(
  resource: KubernetesObject,
): OcmResourceStatus {
  const condition = isConditionTrue(resource, 'Stalled')
    ? findCondition(resource, 'Stalled')
    : findCondition(resource, 'Ready');
  const reason = boundedText(condition?.reason);
  const message = boundedText(condition?.message);
  const resourceName = boundedText(
    field(resource, 'spec', 'resource', 'byReference', 'resource', 'name'),
  );
  const version =
    boundedText(field(resource, 'status', 'resource', 'version')) ??
    boundedText(field(resource, 'status', 'component', 'version'));
  return {
    name: resource.metadata.name,
    namespace: resource.metadata.namespace ?? '',
    health: ocmResourceHealth(resource),
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
    ...(resourceName ? { resourceName } : {}),
    ...(version ? { version } : {}),
  };
}
