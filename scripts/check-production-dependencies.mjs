#!/usr/bin/env node
// No production dependency exists only for tests: every package in a plugin's `dependencies` is
// imported by the code it publishes, or its types appear in the declarations it publishes.
//
//   node scripts/check-production-dependencies.mjs < knip.json-report
//
// Reads the JSON report of `knip --strict --include dependencies` (strict: production files only,
// test files and type-only imports not counted), and accepts a dependency knip calls unused only
// when the package's API report (report*.api.md, what its published .d.ts import) imports it: a
// consumer's type-check needs it then. Anything else belongs in devDependencies.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The packages the API reports of a plugin folder import from.
 *
 * @param {string} dir the plugin folder
 * @returns {Set<string>}
 */
export function declaredImports(dir) {
  const names = new Set();
  for (const file of readdirSync(dir)) {
    if (!/^report(-.+)?\.api\.md$/.test(file)) continue;
    const text = readFileSync(join(dir, file), 'utf8');
    for (const [, spec] of text.matchAll(/^import .* from '([^']+)';$/gm)) {
      const parts = spec.split('/');
      names.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
    }
  }
  return names;
}

/**
 * The dependencies that only tests use, from knip's JSON report.
 *
 * @param {{ issues: Array<{ file: string, dependencies?: Array<{ name: string }> }> }} report
 * @param {(dir: string) => Set<string>} imports the packages a folder's declarations import
 * @returns {string[]} `<package.json>: <dependency>` for each
 */
export function testOnlyDependencies(report, imports = declaredImports) {
  const problems = [];
  for (const issue of report.issues) {
    const unused = issue.dependencies ?? [];
    if (unused.length === 0) continue;
    const declared = imports(dirname(issue.file));
    for (const { name } of unused) {
      if (!declared.has(name)) problems.push(`${issue.file}: ${name}`);
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = JSON.parse(readFileSync(0, 'utf8'));
  const problems = testOnlyDependencies(report);
  if (problems.length > 0) {
    console.error(
      'dependencies that neither the published code nor its declarations use (move them to devDependencies):',
    );
    for (const problem of problems) console.error(`  ${problem}`);
    process.exit(1);
  }
  console.log(
    'every production dependency is used by the published code or its declarations',
  );
}
