#!/usr/bin/env node
// Wires the packed packages into the fresh app exactly as their READMEs say (scripts/consumer-lane.sh).
//
//   node wire.mjs <appDir> <packed.json>
//
// packed.json: [{ name, version, role, tarball, readme }] (absolute paths). It
//   1. points the app's root `resolutions` at the tarballs, so that the `^version` ranges between
//      our packages resolve to the packed siblings, never to a registry;
//   2. follows each plugin README's steps (see readmeSteps.mjs): `yarn --cwd <dir> add <ours>` becomes
//      the dependency `^<version>` in <dir>/package.json (what `yarn add` writes; one install
//      follows), file edits are merged into the app's files (see applySnippet.mjs);
//   3. fails, naming the README, when a plugin's README has no install command for the plugin itself
//      or no edit of the app: a step the README does not tell is a README defect.
// Prints one line per change; exits 1 with the reasons on failure.
import fs from 'node:fs';
import path from 'node:path';
import { installSteps } from './readmeSteps.mjs';
import { applySnippet } from './applySnippet.mjs';

/** The README sections a user follows, by Backstage package role. */
export const SECTIONS_BY_ROLE = {
  'backend-plugin': ['Installation'],
  'backend-plugin-module': ['Installation'],
  'frontend-plugin': ['Installation', 'New frontend system'],
};

const readJson = file => JSON.parse(fs.readFileSync(file, 'utf8'));
const writeJson = (file, value) =>
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

/**
 * Wires `packed` into the app at `appDir`.
 *
 * @param {string} appDir
 * @param {{ name: string, version: string, role: string, tarball: string, readme: string }[]} packed
 * @returns {{ changes: string[], problems: string[] }}
 */
export function wire(appDir, packed) {
  const changes = [];
  const problems = [];
  const byName = new Map(packed.map(p => [p.name, p]));

  const rootPkgFile = path.join(appDir, 'package.json');
  const rootPkg = readJson(rootPkgFile);
  rootPkg.resolutions = { ...rootPkg.resolutions };
  for (const p of packed) {
    rootPkg.resolutions[p.name] = `file:${p.tarball}`;
  }
  writeJson(rootPkgFile, rootPkg);
  changes.push(`package.json: resolutions for ${packed.length} tarballs`);

  for (const p of packed) {
    const sections = SECTIONS_BY_ROLE[p.role];
    if (!sections) continue; // libraries: installed as dependencies of the plugins
    const readmeName = `${path.basename(path.dirname(p.readme))}/README.md`;
    let steps;
    try {
      steps = installSteps(
        fs.readFileSync(p.readme, 'utf8'),
        sections,
        readmeName,
      );
    } catch (e) {
      problems.push(e.message);
      continue;
    }
    const addsItself = steps.some(
      s => s.type === 'add' && s.packages.includes(p.name),
    );
    if (!addsItself) {
      problems.push(
        `${readmeName}: no "yarn --cwd <dir> add ${
          p.name
        }" in ## ${sections.join(' / ## ')}`,
      );
    }
    if (!steps.some(s => s.type === 'edit')) {
      problems.push(
        `${readmeName}: no edit of the app (a code block starting with "// <file>") in ## ${sections.join(
          ' / ## ',
        )}`,
      );
    }
    for (const step of steps) {
      try {
        if (step.type === 'add') {
          const pkgFile = path.join(appDir, step.cwd, 'package.json');
          if (!fs.existsSync(pkgFile)) {
            throw new Error(
              `${step.where}: the fresh app has no ${step.cwd}/package.json`,
            );
          }
          const pkg = readJson(pkgFile);
          for (const name of step.packages) {
            const ours = byName.get(name);
            if (!ours) {
              throw new Error(
                `${step.where}: "${name}" is not one of the packed packages (${[
                  ...byName.keys(),
                ].join(', ')})`,
              );
            }
            pkg.dependencies = {
              ...pkg.dependencies,
              [name]: `^${ours.version}`,
            };
            changes.push(
              `${step.cwd}/package.json: + ${name}@^${ours.version} (${step.where})`,
            );
          }
          writeJson(pkgFile, pkg);
        } else {
          const file = path.join(appDir, step.file);
          if (!fs.existsSync(file)) {
            throw new Error(`${step.where}: the fresh app has no ${step.file}`);
          }
          const result = applySnippet(
            fs.readFileSync(file, 'utf8'),
            step.code,
            step.where,
          );
          fs.writeFileSync(file, result.source);
          for (const c of result.changes)
            changes.push(`${step.file}: ${c} (${step.where})`);
        }
      } catch (e) {
        problems.push(e.message);
      }
    }
  }
  return { changes, problems };
}

if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === new URL(import.meta.url).pathname
) {
  const [appDir, packedFile] = process.argv.slice(2);
  if (!appDir || !packedFile) {
    console.error('usage: node wire.mjs <appDir> <packed.json>');
    process.exit(2);
  }
  const { changes, problems } = wire(appDir, readJson(packedFile));
  for (const c of changes) console.log(`  ${c}`);
  for (const p of problems) console.error(`README DEFECT: ${p}`);
  process.exit(problems.length ? 1 : 0);
}
