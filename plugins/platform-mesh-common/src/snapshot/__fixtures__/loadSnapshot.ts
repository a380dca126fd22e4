import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import type { InstanceSnapshot } from '../InstanceSnapshot';

/**
 * Test helper: a fresh copy of a snapshot fixture from this folder.
 *
 * @param name - the fixture's base name, without `.yaml`
 */
export function loadSnapshot(
  name: 'snapshot-fluxcd-remote-healthy' | 'snapshot-argocd-remote-healthy',
): InstanceSnapshot {
  return parse(
    readFileSync(join(__dirname, `${name}.yaml`), 'utf8'),
  ) as InstanceSnapshot;
}
