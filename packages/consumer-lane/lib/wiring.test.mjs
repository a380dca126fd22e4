// Tests of the README-following helpers (node --test; the consumer lane runs them first).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { installSteps, parseAddCommand } from './readmeSteps.mjs';
import { applySnippet, splitStatements } from './applySnippet.mjs';
import { wire } from './wire.mjs';

const fence = '```';
const backendReadme = `# pkg

## Installation

${fence}sh
yarn --cwd packages/backend add @acme/plugin-x-backend
${fence}

${fence}ts
// packages/backend/src/index.ts
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import(
    '@acme/plugin-x-backend'
  ),
);
${fence}

## Configuration

${fence}yaml
x: 1
${fence}
`;

const backendIndex = `import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-catalog-backend'));

backend.start();
`;

test('installSteps reads the install command and the file edit of a section', () => {
  const steps = installSteps(backendReadme, ['Installation'], 'x/README.md');
  assert.deepEqual(
    steps.map(s => s.type),
    ['add', 'edit'],
  );
  assert.deepEqual(steps[0].packages, ['@acme/plugin-x-backend']);
  assert.equal(steps[0].cwd, 'packages/backend');
  assert.equal(steps[1].file, 'packages/backend/src/index.ts');
  assert.match(steps[1].where, /^x\/README\.md:\d+ \(## Installation\)$/);
});

test('installSteps fails on a missing section and on a command it cannot follow', () => {
  assert.throws(
    () => installSteps(backendReadme, ['New frontend system'], 'x/README.md'),
    /no "## New frontend system" section/,
  );
  assert.throws(
    () => parseAddCommand('npm install @acme/x', 'here'),
    /cannot follow "npm install @acme\/x"/,
  );
  assert.deepEqual(parseAddCommand('yarn workspace app add @acme/x', 'here'), {
    type: 'add',
    cwd: 'packages/app',
    packages: ['@acme/x'],
  });
});

test('applySnippet adds a missing backend.add before backend.start and keeps existing ones once', () => {
  const [, edit] = installSteps(backendReadme, ['Installation'], 'x/README.md');
  const { source, changes } = applySnippet(backendIndex, edit.code, edit.where);
  assert.equal(changes.length, 1);
  assert.equal(source.match(/plugin-catalog-backend/g).length, 1);
  assert.ok(
    source.indexOf("'@acme/plugin-x-backend'") <
      source.indexOf('backend.start();'),
  );
  // applying it twice changes nothing
  assert.deepEqual(applySnippet(source, edit.code, edit.where).changes, []);
});

test('applySnippet merges imports and createApp features into the app', () => {
  const app = `import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { navModule } from './modules/nav';

export default createApp({
  features: [catalogPlugin, navModule],
});
`;
  const snippet = `// packages/app/src/App.tsx
import platformMeshPlugin from '@acme/plugin-x/alpha';

export default createApp({ features: [catalogPlugin, platformMeshPlugin] });`;
  const { source } = applySnippet(app, snippet, 'here');
  assert.match(
    source,
    /import { navModule } from '.\/modules\/nav';\nimport platformMeshPlugin from '@acme\/plugin-x\/alpha';\n/,
  );
  assert.match(
    source,
    /features: \[catalogPlugin, navModule, platformMeshPlugin\]/,
  );
});

test('applySnippet refuses a statement it does not understand', () => {
  assert.throws(
    () => applySnippet(backendIndex, 'const x = makeSomething();', 'R:1'),
    /R:1: cannot apply "const x = makeSomething\(\)/,
  );
  assert.deepEqual(splitStatements("a('x;y'); b();"), ["a('x;y');", 'b();']);
});

test('wire writes resolutions and dependencies, and names a README without an install command', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consumer-lane-wire-'));
  fs.mkdirSync(path.join(dir, 'app/packages/backend/src'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'x'));
  fs.mkdirSync(path.join(dir, 'y'));
  fs.writeFileSync(path.join(dir, 'app/package.json'), '{"name":"root"}');
  fs.writeFileSync(
    path.join(dir, 'app/packages/backend/package.json'),
    '{"name":"backend"}',
  );
  fs.writeFileSync(
    path.join(dir, 'app/packages/backend/src/index.ts'),
    backendIndex,
  );
  fs.writeFileSync(path.join(dir, 'x/README.md'), backendReadme);
  fs.writeFileSync(
    path.join(dir, 'y/README.md'),
    backendReadme.replace(/yarn --cwd[^\n]*/, ''),
  );
  const packed = [
    {
      name: '@acme/plugin-x-backend',
      version: '0.1.0',
      role: 'backend-plugin',
      tarball: '/t/x.tgz',
      readme: path.join(dir, 'x/README.md'),
    },
    {
      name: '@acme/plugin-y-backend',
      version: '0.2.0',
      role: 'backend-plugin-module',
      tarball: '/t/y.tgz',
      readme: path.join(dir, 'y/README.md'),
    },
    {
      name: '@acme/x-common',
      version: '0.1.0',
      role: 'common-library',
      tarball: '/t/c.tgz',
      readme: path.join(dir, 'x/README.md'),
    },
  ];
  const { problems } = wire(path.join(dir, 'app'), packed);
  const root = JSON.parse(
    fs.readFileSync(path.join(dir, 'app/package.json'), 'utf8'),
  );
  assert.equal(root.resolutions['@acme/x-common'], 'file:/t/c.tgz');
  const backend = JSON.parse(
    fs.readFileSync(
      path.join(dir, 'app/packages/backend/package.json'),
      'utf8',
    ),
  );
  assert.equal(backend.dependencies['@acme/plugin-x-backend'], '^0.1.0');
  assert.deepEqual(problems, [
    'y/README.md: no "yarn --cwd <dir> add @acme/plugin-y-backend" in ## Installation',
  ]);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('tarballProblems names workspace ranges, src entry points and missing files', async () => {
  const { tarballProblems } = await import('./checkTarball.mjs');
  const good = {
    name: '@acme/x',
    main: 'dist/index.cjs.js',
    types: 'dist/index.d.ts',
    exports: {
      '.': {
        backstage: '@backstage/BackendFeature',
        require: './dist/index.cjs.js',
        types: './dist/index.d.ts',
      },
      './package.json': './package.json',
    },
    dependencies: { '@acme/y': '^0.1.0' },
  };
  const files = ['package.json', 'dist/index.cjs.js', 'dist/index.d.ts'];
  assert.deepEqual(tarballProblems(good, files), []);
  const bad = {
    ...good,
    main: 'src/index.ts',
    exports: { './alpha': './dist/alpha.esm.js' },
    dependencies: { '@acme/y': 'workspace:^' },
  };
  assert.deepEqual(tarballProblems(bad, files), [
    'main points at src/index.ts (sources are not published)',
    'exports../alpha points at ./dist/alpha.esm.js, which is not in the tarball',
    'dependencies.@acme/y is "workspace:^" (not resolvable from a registry)',
  ]);
});

test('alignRelease raises @backstage ranges to the lockfile release, never lowers them', async () => {
  const { alignPackage, backstageVersions } = await import(
    './alignRelease.mjs'
  );
  const versions = backstageVersions(`"@backstage/backend-defaults@npm:^0.19.0":
  version: 0.19.0
  resolution: "@backstage/backend-defaults@npm:0.19.0"
"@backstage/backend-defaults@npm:^0.18.0":
  version: 0.18.0
  resolution: "@backstage/backend-defaults@npm:0.18.0"
"@backstage/cli@npm:^0.36.8":
  version: 0.36.8
  resolution: "@backstage/cli@npm:0.36.8"
`);
  assert.equal(versions.get('@backstage/backend-defaults'), '0.19.0');
  const pkg = {
    dependencies: {
      '@backstage/backend-defaults': '^0.18.0',
      '@backstage/plugin-x': '^1.0.0',
      pg: '^8.0.0',
    },
    devDependencies: { '@backstage/cli': '^0.37.0' },
  };
  assert.deepEqual(alignPackage(pkg, versions), [
    '@backstage/backend-defaults ^0.18.0 -> ^0.19.0',
  ]);
  assert.equal(pkg.devDependencies['@backstage/cli'], '^0.37.0');
});
