#!/usr/bin/env node
'use strict';

// `yarn clusters <command>`: builds the CLI (and, on `start`, the API servers) when needed,
// then runs it. See ../README.md.

const { runCli } = require('../lib/cli');

try {
  const res = runCli(process.argv.slice(2));
  process.exit(res.status === null ? 1 : res.status);
} catch (e) {
  console.error(`dev-clusters: ${e.message}`);
  process.exit(1);
}
