'use strict';

// Jest global setup: start the dev clusters, or reuse running ones (the CLI holds a lock,
// so a developer's `yarn clusters start` and a test run never race). The servers keep
// running after the tests, so the next run starts in seconds; `yarn clusters stop` ends them.

const { runCli } = require('../lib/cli');

module.exports = async function globalSetup() {
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
