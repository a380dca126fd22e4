// Tests of the catalog opt-out toggle (node --test; the consumer lane runs them first).
import test from 'node:test';
import assert from 'node:assert/strict';
import { OPT_OUT_ANNOTATION, optOutPatch } from './catalogOptOut.mjs';

test('off removes the opt-out annotation with a merge-patch null', () => {
  assert.deepEqual(optOutPatch('off'), {
    metadata: { annotations: { [OPT_OUT_ANNOTATION]: null } },
  });
});

test('on restores the value the seeded scenarios carry', () => {
  assert.deepEqual(optOutPatch('on'), {
    metadata: { annotations: { [OPT_OUT_ANNOTATION]: 'repository' } },
  });
});
