// Tests of check-production-dependencies.mjs (node --test; the test command runs them).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  declaredImports,
  testOnlyDependencies,
} from './check-production-dependencies.mjs';

const report = {
  issues: [
    {
      file: 'plugins/a/package.json',
      dependencies: [{ name: '@backstage/config' }, { name: 'msw' }],
    },
    { file: 'plugins/b/package.json', dependencies: [] },
  ],
};

test('a dependency knip calls unused fails unless the declarations import it', () => {
  const imports = dir =>
    new Set(dir === 'plugins/a' ? ['@backstage/config'] : []);
  assert.deepEqual(testOnlyDependencies(report, imports), [
    'plugins/a/package.json: msw',
  ]);
});

test('the API reports name the packages the declarations import, subpaths folded', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-deps-'));
  fs.writeFileSync(
    path.join(dir, 'report.api.md'),
    "```ts\nimport { Config } from '@backstage/config';\nimport type { z } from 'zod/v3';\n```\n",
  );
  fs.writeFileSync(
    path.join(dir, 'report-alpha.api.md'),
    "```ts\nimport { FilterPredicate } from '@backstage/filter-predicates';\n```\n",
  );
  fs.writeFileSync(path.join(dir, 'README.md'), "import { x } from 'nope';\n");
  assert.deepEqual([...declaredImports(dir)].sort(), [
    '@backstage/config',
    '@backstage/filter-predicates',
    'zod',
  ]);
});
