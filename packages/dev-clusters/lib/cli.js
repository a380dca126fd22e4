'use strict';

// Builds (once per source change) and runs the dev-clusters CLI (Go, in ../go).
// Plain CommonJS on purpose: no TypeScript in this package.

const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const packageRoot = path.resolve(__dirname, '..');
const goDir = path.join(packageRoot, 'go');
const binDir = path.join(packageRoot, '.bin');

// Hash of everything the CLI is built from (Go files, go.mod, go.sum; not the etcd module).
function sourceHash() {
  const hash = crypto.createHash('sha256');
  const walk = dir => {
    for (const entry of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (full !== path.join(goDir, 'etcd')) walk(full);
      } else if (/\.go$|^go\.(mod|sum)$/.test(entry.name)) {
        hash.update(path.relative(goDir, full));
        hash.update(fs.readFileSync(full));
      }
    }
  };
  walk(goDir);
  return hash.digest('hex').slice(0, 12);
}

function goEnv() {
  return { ...process.env, PM_DEV_ROOT: packageRoot };
}

/** Returns the path of the CLI binary, building it when the sources changed. */
function ensureCli() {
  const dir = path.join(binDir, `devclusters-${sourceHash()}`);
  const bin = path.join(dir, 'devclusters');
  if (fs.existsSync(bin)) return bin;
  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.error || go.status !== 0) {
    throw new Error(
      'dev-clusters needs Go (1.26 or newer) on PATH to build the API servers and its CLI',
    );
  }
  fs.mkdirSync(dir, { recursive: true });
  const tmp = `${bin}.tmp-${process.pid}`;
  const res = spawnSync(
    'go',
    ['build', '-buildvcs=false', '-o', tmp, './cmd/devclusters'],
    {
      cwd: goDir,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: goEnv(),
    },
  );
  if (res.status !== 0) {
    throw new Error(
      `building the dev-clusters CLI failed (exit ${res.status})`,
    );
  }
  fs.renameSync(tmp, bin);
  // Drop CLI builds of older sources.
  for (const name of fs.readdirSync(binDir)) {
    if (name.startsWith('devclusters-') && path.join(binDir, name) !== dir) {
      fs.rmSync(path.join(binDir, name), { recursive: true, force: true });
    }
  }
  return bin;
}

/**
 * Runs the CLI with the given arguments. stdio defaults to 'inherit'.
 * Returns the spawnSync result; throws when it cannot start.
 */
function runCli(args, options = {}) {
  const bin = ensureCli();
  const res = spawnSync(bin, args, {
    stdio: 'inherit',
    env: goEnv(),
    ...options,
  });
  if (res.error) throw res.error;
  return res;
}

module.exports = { ensureCli, runCli, packageRoot };
