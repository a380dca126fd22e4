// Reads the install and wiring steps out of a package README, as a user would follow them.
//
// A step is a fenced code block of a named section ("## Installation", "## New frontend system"):
//   - a `sh` block with `yarn --cwd <dir> add <package...>` lines (an install command);
//   - a `ts`/`tsx` block whose first line is a `// <path>` comment (an edit of that file of the app).
// Anything else in those blocks is an error that names the README and the line: the lane must
// fail when a README asks for something it cannot follow, not guess.

/**
 * The sections of `markdown` (level-2 headings) by title, each with its fenced code blocks.
 *
 * @param {string} markdown
 * @returns {Map<string, { lang: string, code: string, line: number }[]>}
 */
export function codeBlocksBySection(markdown) {
  const sections = new Map();
  let section = '';
  let block = null;
  const lines = markdown.split('\n');
  lines.forEach((text, index) => {
    if (block) {
      if (/^\s*```\s*$/.test(text)) {
        sections.get(section).push({ ...block, code: block.lines.join('\n') });
        block = null;
      } else {
        block.lines.push(text);
      }
      return;
    }
    const heading = /^##\s+(.+?)\s*$/.exec(text);
    if (heading) {
      section = heading[1];
      if (!sections.has(section)) sections.set(section, []);
      return;
    }
    const fence = /^\s*```(\w*)/.exec(text);
    if (fence) {
      if (!sections.has(section)) sections.set(section, []);
      block = { lang: fence[1], lines: [], line: index + 2 };
    }
  });
  for (const blocks of sections.values()) {
    for (const b of blocks) delete b.lines;
  }
  return sections;
}

/**
 * The steps of the given sections of a README: install commands and file edits, in README order.
 * Throws when a section is missing or a block cannot be followed.
 *
 * @param {string} markdown the README
 * @param {string[]} sectionTitles e.g. `['Installation']`
 * @param {string} readmeName for messages, e.g. `plugins/platform-mesh/README.md`
 * @returns {({ type: 'add', cwd: string, packages: string[], where: string } | { type: 'edit', file: string, code: string, where: string })[]}
 */
export function installSteps(markdown, sectionTitles, readmeName) {
  const sections = codeBlocksBySection(markdown);
  const steps = [];
  for (const title of sectionTitles) {
    const blocks = sections.get(title);
    if (!blocks) {
      throw new Error(`${readmeName}: no "## ${title}" section`);
    }
    for (const block of blocks) {
      const where = `${readmeName}:${block.line} (## ${title})`;
      if (
        block.lang === 'sh' ||
        block.lang === 'bash' ||
        block.lang === 'shell'
      ) {
        for (const raw of block.code.split('\n')) {
          const line = raw.replace(/#.*$/, '').trim();
          if (!line) continue;
          steps.push({ ...parseAddCommand(line, where), where });
        }
      } else if (block.lang === 'ts' || block.lang === 'tsx') {
        const first = block.code.split('\n')[0];
        const file = /^\s*\/\/\s*(\S+\.(?:ts|tsx))\s*$/.exec(first);
        if (!file) {
          // an illustration, not a step (for example "what a policy looks like")
          continue;
        }
        steps.push({ type: 'edit', file: file[1], code: block.code, where });
      }
    }
  }
  return steps;
}

/**
 * `yarn --cwd <dir> add <package...>` (or `yarn workspace <name> add`) as `{ type, cwd, packages }`.
 *
 * @param {string} line
 * @param {string} where
 */
export function parseAddCommand(line, where) {
  const words = line.split(/\s+/);
  if (words[0] !== 'yarn') {
    throw new Error(
      `${where}: cannot follow "${line}" (only "yarn --cwd <dir> add <package>")`,
    );
  }
  let cwd = '.';
  let rest = words.slice(1);
  if (rest[0] === '--cwd' && rest[1]) {
    cwd = rest[1];
    rest = rest.slice(2);
  } else if (rest[0] === 'workspace' && rest[1]) {
    cwd = { app: 'packages/app', backend: 'packages/backend' }[rest[1]];
    if (!cwd)
      throw new Error(`${where}: unknown workspace "${rest[1]}" in "${line}"`);
    rest = rest.slice(2);
  }
  if (rest[0] !== 'add' || rest.length < 2) {
    throw new Error(
      `${where}: cannot follow "${line}" (only "yarn --cwd <dir> add <package>")`,
    );
  }
  const packages = rest.slice(1).filter(w => !w.startsWith('-'));
  if (packages.length === 0) {
    throw new Error(`${where}: "${line}" names no package`);
  }
  return { type: 'add', cwd, packages };
}
