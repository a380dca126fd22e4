'use strict';

// Reads what `yarn clusters start` wrote, for integration tests.

const fs = require('node:fs');
const path = require('node:path');

const stateDir = path.resolve(__dirname, '..', '.state');

/**
 * Returns the contents of .state/clusters.json:
 * { clusters: { operator|runtime|infra: { name, url, caData, tokens: { admin, reader, applier, backstage } } } }
 * caData is the base64 of the CA certificate (PEM). Tokens are per cluster.
 */
function loadDevClusters() {
  const file = path.join(stateDir, 'clusters.json');
  if (!fs.existsSync(file)) {
    throw new Error(
      `${file} does not exist: start the dev clusters first (yarn clusters start)`,
    );
  }
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

module.exports = { loadDevClusters, stateDir };
