// Tests of the packed README's link check (node --test; the consumer lane runs them first).
import test from 'node:test';
import assert from 'node:assert/strict';
import { readmeLinkProblems } from './checkTarball.mjs';

const files = [
  'package.json',
  'README.md',
  'rbac/applier.yaml',
  'docs/card.png',
];

test('links and images to files in the tarball pass, as do URLs and anchors', () => {
  const readme = [
    '![The card](docs/card.png)',
    'See [`rbac/applier.yaml`](rbac/applier.yaml) and [RBAC](#rbac).',
    'More [on GitHub](https://github.com/o/r/blob/main/README.md).',
    '```ts',
    'const x = [a](../not-a-link);',
    '```',
  ].join('\n');
  assert.deepEqual(readmeLinkProblems(readme, files), []);
});

test('a repository-relative link outside the package is named', () => {
  const readme =
    'See [examples/rbac](../../examples/rbac) and [results](bench/results.md#goals).';
  assert.deepEqual(readmeLinkProblems(readme, files), [
    'README.md links to ../../examples/rbac, which is not in the tarball',
    'README.md links to bench/results.md#goals, which is not in the tarball',
  ]);
});
