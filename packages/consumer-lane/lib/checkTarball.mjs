#!/usr/bin/env node
// Checks that a packed tarball is what npm would get and describes it (scripts/consumer-lane.sh).
//
//   node checkTarball.mjs <package.tgz>
//
// Fails, with every problem named, when the packed package.json still has `workspace:` ranges,
// points `main`, `module`, `types`, `exports` or `typesVersions` at a file the tarball does not
// have, points at `src/`, or has no `dist/`. Prints `{ name, version, role }` as JSON on success.
import { execFileSync } from 'node:child_process';

/**
 * The problems of a packed package (its package.json and the list of its files).
 *
 * @param {Record<string, any>} pkg the packed package.json
 * @param {string[]} files the tarball's file paths without the leading `package/`
 * @returns {string[]}
 */
export function tarballProblems(pkg, files) {
  const problems = [];
  const has = new Set(files);
  const targets = [];
  for (const key of ['main', 'module', 'types']) {
    if (pkg[key]) targets.push([key, pkg[key]]);
  }
  const walk = (value, where) => {
    if (typeof value === 'string') targets.push([where, value]);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        // `backstage: '@backstage/FrontendPlugin'`: the feature type prepack adds, not a file
        if (k !== 'backstage') walk(v, `${where}.${k}`);
      }
    }
  };
  walk(pkg.exports, 'exports');
  walk(pkg.typesVersions, 'typesVersions');
  for (const [where, target] of targets) {
    const file = target.replace(/^\.\//, '');
    if (file.includes('*')) continue;
    if (/^src\//.test(file))
      problems.push(`${where} points at ${target} (sources are not published)`);
    else if (!has.has(file))
      problems.push(
        `${where} points at ${target}, which is not in the tarball`,
      );
  }
  if (!files.some(f => f.startsWith('dist/')))
    problems.push('no dist/ in the tarball');
  for (const field of [
    'dependencies',
    'peerDependencies',
    'optionalDependencies',
  ]) {
    for (const [name, range] of Object.entries(pkg[field] ?? {})) {
      if (/^(workspace|link|portal|file):/.test(String(range))) {
        problems.push(
          `${field}.${name} is "${range}" (not resolvable from a registry)`,
        );
      }
    }
  }
  if (pkg.private) problems.push('the package is private');
  return problems;
}

/**
 * The problems of a packed README: a relative link or image (`[x](rbac/a.yaml)`,
 * `![x](docs/card.png)`) whose file is not in the tarball, so it would be broken on the registry's
 * page. Links with a scheme, anchors and `mailto:` are not checked.
 *
 * @param {string} readme the packed README.md
 * @param {string[]} files the tarball's file paths without the leading `package/`
 * @returns {string[]}
 */
export function readmeLinkProblems(readme, files) {
  const has = new Set(files);
  const problems = [];
  const prose = readme.replace(/^```[\s\S]*?^```/gm, '');
  for (const [, target] of prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
    const file = decodeURI(target.split('#')[0]).replace(/^\.\//, '');
    if (file.startsWith('../') || !has.has(file)) {
      problems.push(
        `README.md links to ${target}, which is not in the tarball`,
      );
    }
  }
  return problems;
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const tarball = process.argv[2];
  const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map(f => f.replace(/^package\//, ''));
  const pkg = JSON.parse(
    execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], {
      encoding: 'utf8',
    }),
  );
  const problems = tarballProblems(pkg, files);
  if (files.includes('README.md')) {
    const readme = execFileSync(
      'tar',
      ['-xzOf', tarball, 'package/README.md'],
      {
        encoding: 'utf8',
      },
    );
    problems.push(...readmeLinkProblems(readme, files));
  } else {
    problems.push('no README.md in the tarball');
  }
  if (problems.length) {
    for (const p of problems) console.error(`${pkg.name}: ${p}`);
    process.exit(1);
  }
  console.log(
    JSON.stringify({
      name: pkg.name,
      version: pkg.version,
      role: pkg.backstage?.role ?? '',
      files: files.length,
    }),
  );
}
