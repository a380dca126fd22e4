import { Document } from 'yaml';
import type { PlatformMeshProfile } from '../types/profile';
import { quoteTemplateScalars } from './templates';

/**
 * Serializes a profile as `profile.yaml`: plain YAML with every template expression inside a
 * single-quoted string, no line folding, stable key order (the object's own order).
 *
 * @param profile - the profile to serialize
 */
export function stringifyProfile(profile: PlatformMeshProfile): string {
  const doc = new Document(profile);
  quoteTemplateScalars(doc);
  return doc.toString({ lineWidth: 0, indentSeq: false });
}
