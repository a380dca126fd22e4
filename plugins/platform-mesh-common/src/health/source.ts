import type { FluxSource } from '../types/flux';
import type { Health, SourceStatus } from '../types/status';
import { findCondition, getConditions, isConditionTrue } from './conditions';
import { kstatusHealth } from './kstatusHealth';
import { boundedText } from './text';

/**
 * Health of a Flux source (OCIRepository, HelmRepository, GitRepository): `kstatusHealth`,
 * except that a HelmRepository of `type: oci` without conditions is `healthy`: the
 * source-controller treats it as a static object and never writes conditions on it.
 *
 * @param source - the source object
 */
export function sourceHealth(source: FluxSource): Health {
  if (
    source.kind === 'HelmRepository' &&
    source.spec?.type === 'oci' &&
    source.spec.suspend !== true &&
    getConditions(source).length === 0
  ) {
    return 'healthy';
  }
  return kstatusHealth(source);
}

/**
 * Describes a Flux source for the status answer: health, the reason and message of Stalled (when
 * stalled) or Ready, its URL (`spec.url`, else `status.url`) and the revision of its artifact.
 *
 * @param source - the source object
 */
export function describeSource(source: FluxSource): SourceStatus {
  const condition = isConditionTrue(source, 'Stalled')
    ? findCondition(source, 'Stalled')
    : findCondition(source, 'Ready');
  return {
    kind: source.kind,
    name: source.metadata.name,
    namespace: source.metadata.namespace ?? '',
    health: sourceHealth(source),
    reason: boundedText(condition?.reason),
    message: boundedText(condition?.message),
    url: boundedText(source.spec?.url) ?? boundedText(source.status?.url),
    revision: boundedText(source.status?.artifact?.revision),
  };
}
