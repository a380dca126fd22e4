import readyLeftoverA7 from '../health/__fixtures__/recorded/A7-platformmesh-ready-true-with-stale-kcpsetup-error.json';
import type { PlatformMesh } from '../types/platformMesh';
import {
  countFinalizers,
  formatFinalizers,
  instanceDeletion,
} from './instanceDeletion';

const FINALIZER = 'platform-mesh.core.platform-mesh.io/finalizer';

describe('instanceDeletion', () => {
  it('is undefined while the PlatformMesh is not being deleted', () => {
    expect(
      instanceDeletion(readyLeftoverA7 as unknown as PlatformMesh),
    ).toBeUndefined();
  });

  it('keeps the finalizers as given, duplicates included', () => {
    const pm = JSON.parse(JSON.stringify(readyLeftoverA7)) as PlatformMesh;
    pm.metadata.deletionTimestamp = '2026-12-01T19:40:00Z';
    expect(instanceDeletion(pm)).toEqual({
      since: '2026-12-01T19:40:00Z',
      finalizers: [FINALIZER, FINALIZER],
    });
    delete pm.metadata.finalizers;
    expect(instanceDeletion(pm)).toEqual({
      since: '2026-12-01T19:40:00Z',
      finalizers: [],
    });
  });
});

describe('countFinalizers and formatFinalizers', () => {
  it.each<[string, string[], Array<{ name: string; count: number }>, string]>([
    ['none', [], [], 'none'],
    ['one', ['a/f'], [{ name: 'a/f', count: 1 }], 'a/f'],
    [
      "the operator's finalizer twice, as v0.81.14 writes it",
      [FINALIZER, FINALIZER],
      [{ name: FINALIZER, count: 2 }],
      `${FINALIZER} (×2)`,
    ],
    [
      'mixed, in order of first appearance',
      ['b/f', 'a/f', 'b/f'],
      [
        { name: 'b/f', count: 2 },
        { name: 'a/f', count: 1 },
      ],
      'b/f (×2), a/f',
    ],
  ])('%s', (_, finalizers, counted, text) => {
    expect(countFinalizers(finalizers)).toEqual(counted);
    expect(formatFinalizers(finalizers)).toBe(text);
  });
});
