import { stringify } from 'yaml';
import type { KubernetesObject } from '../types/kubernetes';

/**
 * Serializes objects as one multi-document YAML stream (`---` separated), e.g. for the render
 * action's workspace files. Multi-line strings (the profile) are written as literal blocks.
 * Secrets are written as they are: redact them first with `redactObject` unless the output
 * is meant to hold credentials.
 *
 * @param objects - the objects, in order
 * @alpha
 */
export function stringifyManifests(objects: KubernetesObject[]): string {
  return objects
    .map(object => stringify(object, { lineWidth: 0, blockQuote: 'literal' }))
    .join('---\n');
}
