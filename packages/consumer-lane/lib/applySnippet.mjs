// Applies a README's TypeScript snippet to a file of the fresh app, the way a user would merge it:
//   - `import ... from 'x';`           added unless the file imports 'x' already;
//   - `backend.add(...);`              added before `backend.start();` unless already there;
//   - `export default createApp({ features: [a, b] });`
//                                      the features missing from the app's createApp are appended.
// Any other statement is an error naming the README line: the lane cannot know what it means.

/**
 * The top-level statements of a snippet, comments removed.
 *
 * @param {string} code
 * @returns {string[]}
 */
export function splitStatements(code) {
  const text = code
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .map(l => l.replace(/^\s*\/\/.*$/, ''))
    .join('\n');
  const statements = [];
  let depth = 0;
  let quote = '';
  let current = '';
  for (const ch of text) {
    current += ch;
    if (quote) {
      if (ch === quote) quote = '';
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (ch === ';' && depth === 0) {
      statements.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements.filter(s => s && s !== ';');
}

const squash = s => s.replace(/\s+/g, '').replace(/,\)/g, ')');

/** The module of an import statement, or undefined. */
function importedModule(statement) {
  return /^import\s[\s\S]*?from\s+['"]([^'"]+)['"]/.exec(statement)?.[1];
}

/**
 * Applies `snippet` to `source`; returns the new source and what was done.
 *
 * @param {string} source the file of the fresh app
 * @param {string} snippet the README's code block
 * @param {string} where README location for messages
 * @returns {{ source: string, changes: string[] }}
 */
export function applySnippet(source, snippet, where) {
  let out = source;
  const changes = [];
  for (const statement of splitStatements(snippet)) {
    const mod = importedModule(statement);
    if (mod) {
      const already = [
        ...out.matchAll(/^import\s[\s\S]*?from\s+['"]([^'"]+)['"];?/gm),
      ];
      if (already.some(m => m[1] === mod)) continue;
      const last = already.at(-1);
      const at = last ? last.index + last[0].length : 0;
      out = `${out.slice(0, at)}${at ? '\n' : ''}${statement.replace(
        /;?$/,
        ';',
      )}\n${out.slice(at)}`;
      changes.push(`import from '${mod}'`);
      continue;
    }
    if (/^backend\.add\(/.test(statement)) {
      const present = splitStatements(out).some(
        s => squash(s) === squash(statement),
      );
      if (present) continue;
      const start = out.indexOf('backend.start();');
      if (start < 0)
        throw new Error(
          `${where}: the app's backend has no "backend.start();" to add before`,
        );
      out = `${out.slice(0, start)}${statement.replace(
        /;?$/,
        ';',
      )}\n\n${out.slice(start)}`;
      changes.push(squash(statement));
      continue;
    }
    const createApp =
      /^export\s+default\s+createApp\(\s*\{\s*features:\s*\[([^\]]*)\]/.exec(
        statement,
      );
    if (createApp) {
      const wanted = createApp[1]
        .split(',')
        .map(s => s.trim())
        .filter(Boolean);
      const target = /createApp\(\s*\{\s*features:\s*\[([^\]]*)\]/.exec(out);
      if (!target)
        throw new Error(
          `${where}: the app has no "createApp({ features: [...] })" to add to`,
        );
      const have = target[1]
        .split(',')
        .map(s => s.trim())
        .filter(Boolean);
      const missing = wanted.filter(f => !have.includes(f));
      if (missing.length === 0) continue;
      const list = [...have, ...missing].join(', ');
      const replaced = target[0].replace(/\[[^\]]*\]$/, `[${list}]`);
      out = `${out.slice(0, target.index)}${replaced}${out.slice(
        target.index + target[0].length,
      )}`;
      changes.push(`createApp features += ${missing.join(', ')}`);
      continue;
    }
    throw new Error(
      `${where}: cannot apply "${
        statement.split('\n')[0]
      }" (imports, backend.add and createApp features only)`,
    );
  }
  return { source: out, changes };
}
