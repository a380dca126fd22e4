#!/usr/bin/env node
// Fails when the source of a plugin imports itself in a circle: reads every .ts/.tsx file under
// plugins/*/src (tests included), follows relative imports and re-exports (type-only ones too,
// since a circle of types is still a circle of modules), and prints each circle it finds.
// Usage: node scripts/check-import-cycles.mjs [root ...]  (default: plugins/*/src)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXTENSIONS = ['.ts', '.tsx'];

function defaultRoots() {
  const plugins = path.join(repo, 'plugins');
  return fs
    .readdirSync(plugins, { withFileTypes: true })
    .filter(d => d.isDirectory())
    .map(d => path.join(plugins, d.name, 'src'))
    .filter(dir => fs.existsSync(dir));
}

function sourceFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') out.push(...sourceFiles(full));
    } else if (
      EXTENSIONS.some(ext => entry.name.endsWith(ext)) &&
      !entry.name.endsWith('.d.ts')
    ) {
      out.push(full);
    }
  }
  return out;
}

function resolveRelative(from, specifier) {
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [
    base,
    ...EXTENSIONS.map(ext => base + ext),
    ...EXTENSIONS.map(ext => path.join(base, `index${ext}`)),
  ];
  // `./x.js` written for ESM resolution of `./x.ts`
  if (/\.[cm]?js$/.test(base)) {
    const stem = base.replace(/\.[cm]?js$/, '');
    candidates.push(...EXTENSIONS.map(ext => stem + ext));
  }
  return candidates.find(c => fs.existsSync(c) && fs.statSync(c).isFile());
}

/** The graph: file → the files it imports (relative specifiers only). */
export function importGraph(files) {
  const graph = new Map();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const info = ts.preProcessFile(text, true, true);
    const targets = new Set();
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = resolveRelative(file, fileName);
      if (target) targets.add(target);
    }
    graph.set(file, [...targets]);
  }
  return graph;
}

/** Strongly connected components with more than one file (or a file importing itself). */
export function circles(graph) {
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = start => {
    // iterative Tarjan: the graphs are small, but recursion depth should not depend on them
    const work = [{ node: start, next: 0 }];
    indices.set(start, index);
    low.set(start, index);
    index++;
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work[work.length - 1];
      const edges = graph.get(frame.node) ?? [];
      if (frame.next < edges.length) {
        const to = edges[frame.next++];
        if (!indices.has(to)) {
          indices.set(to, index);
          low.set(to, index);
          index++;
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node), indices.get(to)));
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent), low.get(frame.node)));
      }
      if (low.get(frame.node) === indices.get(frame.node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = (graph.get(frame.node) ?? []).includes(frame.node);
        if (component.length > 1 || selfLoop) found.push(component.sort());
      }
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return found;
}

function main() {
  const roots = process.argv.slice(2).length
    ? process.argv.slice(2).map(r => path.resolve(r))
    : defaultRoots();
  const files = roots.flatMap(sourceFiles);
  const found = circles(importGraph(files));
  if (found.length === 0) {
    console.log(`import cycles: none in ${files.length} files`);
    return 0;
  }
  console.error(`import cycles: ${found.length} found`);
  for (const component of found) {
    console.error(
      `  - ${component.map(f => path.relative(repo, f)).join('\n    ')}`,
    );
  }
  return 1;
}

if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  process.exitCode = main();
}
