'use strict';

// Jest global setup of every workspace package (the root package.json's `jest.globalSetup`, so
// that no published manifest names this private package): start the dev clusters, or reuse
// running ones (the CLI holds a lock, so a developer's `yarn clusters start` and a test run never
// race), for the packages whose tests use them: a backend-side package with a dev dependency on
// `@internal/dev-clusters`. The servers keep running after the tests, so the next run starts in
// seconds; `yarn clusters stop` ends them.

const fs = require('node:fs');
const path = require('node:path');
const { runCli } = require('../lib/cli');

/** True when the tests of the package whose `src` is `rootDir` use the dev clusters. */
function usesDevClusters(rootDir) {
  try {
    const pkg = JSON.parse(
      fs.readFileSync(path.resolve(rootDir, '..', 'package.json'), 'utf8'),
    );
    const role = pkg.backstage?.role ?? '';
    return (
      !!pkg.devDependencies?.['@internal/dev-clusters'] &&
      !role.startsWith('frontend') &&
      role !== 'web-library'
    );
  } catch {
    return false;
  }
}

module.exports = async function globalSetup(_globalConfig, projectConfig) {
  if (!usesDevClusters(projectConfig.rootDir)) return;
  // Output goes to stderr so that Jest's own output stays readable.
  const res = runCli(['start'], {
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (res.status !== 0) {
    throw new Error(
      `dev-clusters start failed (exit ${res.status}); see the output above and packages/dev-clusters/.state/*.log`,
    );
  }
};
