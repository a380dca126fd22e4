#!/usr/bin/env node
// Moves a created app's @backstage/* dependencies to the versions of this repo's Backstage release
// (scripts/consumer-lane.sh), as `backstage-cli versions:bump` would: the newest create-app in the
// registry makes an older release's app than the one our packages are built against, and without
// its seed lockfile the caret ranges mix releases (an app's own plugins then fail at start).
//
//   node alignRelease.mjs <appDir> <repo yarn.lock> <repo backstage.json>
//
// Only raises ranges (never lowers one), only for packages the repo's lockfile resolves.
import fs from 'node:fs';
import path from 'node:path';

/** `1.2.3` compared with `1.10.0`: negative, zero or positive. */
export function compareVersions(a, b) {
  const pa = a.split(/[.-]/).map(n => parseInt(n, 10) || 0);
  const pb = b.split(/[.-]/).map(n => parseInt(n, 10) || 0);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

/**
 * The newest resolved version of each `@backstage/*` package in a Yarn 4 lockfile.
 *
 * @param {string} lockfile
 * @returns {Map<string, string>}
 */
export function backstageVersions(lockfile) {
  const versions = new Map();
  for (const m of lockfile.matchAll(
    /^ {2}resolution: "(@backstage\/[^@"]+)@npm:([0-9][^"]*)"$/gm,
  )) {
    const [, name, version] = m;
    if (version.includes('-')) continue; // prereleases
    if (!versions.has(name) || compareVersions(version, versions.get(name)) > 0)
      versions.set(name, version);
  }
  return versions;
}

/**
 * Raises the `@backstage/*` ranges of one package.json object; returns the changes.
 *
 * @param {Record<string, any>} pkg
 * @param {Map<string, string>} versions
 */
export function alignPackage(pkg, versions) {
  const changes = [];
  for (const field of ['dependencies', 'devDependencies']) {
    for (const [name, range] of Object.entries(pkg[field] ?? {})) {
      const ours = versions.get(name);
      const current = /^\^?([0-9][^ ]*)$/.exec(range)?.[1];
      if (!ours || !current || compareVersions(ours, current) <= 0) continue;
      pkg[field][name] = `^${ours}`;
      changes.push(`${name} ${range} -> ^${ours}`);
    }
  }
  return changes;
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const [appDir, lockFile, backstageJson] = process.argv.slice(2);
  const versions = backstageVersions(fs.readFileSync(lockFile, 'utf8'));
  const files = [path.join(appDir, 'package.json')];
  for (const dir of fs.readdirSync(path.join(appDir, 'packages'))) {
    const file = path.join(appDir, 'packages', dir, 'package.json');
    if (fs.existsSync(file)) files.push(file);
  }
  let count = 0;
  for (const file of files) {
    const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
    const changes = alignPackage(pkg, versions);
    count += changes.length;
    fs.writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
  }
  const release = JSON.parse(fs.readFileSync(backstageJson, 'utf8')).version;
  fs.writeFileSync(
    path.join(appDir, 'backstage.json'),
    `${JSON.stringify({ version: release }, null, 2)}\n`,
  );
  console.log(
    `aligned to Backstage ${release}: ${count} @backstage/* ranges raised`,
  );
}
