/**
 * Options of `diffLines` and {@link formatLineDiff}.
 *
 * @alpha
 */
export interface LineDiffOptions {
  /** Unchanged lines shown around each change (default 3). */
  context?: number;
}

/**
 * One hunk of a line diff, as in a unified diff: where it starts in the old and the new text
 * (1-based; the line before the hunk when it has no lines there), how many lines it spans in each,
 * and its lines, each starting with `' '` (unchanged), `'-'` (removed) or `'+'` (added).
 */
interface LineDiffHunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: string[];
}

type Op = { kind: ' ' | '-' | '+'; line: string };

/**
 * The middle part (after common prefix and suffix) is compared with a longest-common-subsequence
 * table only up to this many cells; a larger middle is shown as removed, then added (still a
 * correct diff, only not the shortest).
 */
const MAX_TABLE_CELLS = 4_000_000;

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function middleOps(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map(line => ({ kind: '+', line }));
  if (m === 0) return a.map(line => ({ kind: '-', line }));
  if ((n + 1) * (m + 1) > MAX_TABLE_CELLS) {
    return [
      ...a.map(line => ({ kind: '-' as const, line })),
      ...b.map(line => ({ kind: '+' as const, line })),
    ];
  }
  // lcs[i * (m + 1) + j]: length of the LCS of a[i..] and b[j..]
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? lcs[(i + 1) * width + j + 1] + 1
          : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i] });
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j] > lcs[i * width + j + 1]) {
      ops.push({ kind: '-', line: a[i++] });
    } else {
      ops.push({ kind: '+', line: b[j++] });
    }
  }
  while (i < n) ops.push({ kind: '-', line: a[i++] });
  while (j < m) ops.push({ kind: '+', line: b[j++] });
  return removalsFirst(ops);
}

/**
 * Ties between keeping an old or a new line are broken towards additions, so that common lines
 * match as late as possible (an inserted block shows as one block); then, as in unified diffs,
 * every run of changed lines lists its removals before its additions.
 */
function removalsFirst(ops: Op[]): Op[] {
  const result: Op[] = [];
  let removed: Op[] = [];
  let added: Op[] = [];
  const flush = () => {
    result.push(...removed, ...added);
    removed = [];
    added = [];
  };
  for (const op of ops) {
    if (op.kind === '-') removed.push(op);
    else if (op.kind === '+') added.push(op);
    else {
      flush();
      result.push(op);
    }
  }
  flush();
  return result;
}

function allOps(before: string[], after: string[]): Op[] {
  let prefix = 0;
  while (
    prefix < before.length &&
    prefix < after.length &&
    before[prefix] === after[prefix]
  ) {
    prefix++;
  }
  let suffix = 0;
  while (
    suffix < before.length - prefix &&
    suffix < after.length - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  ) {
    suffix++;
  }
  const same = (lines: string[]): Op[] =>
    lines.map(line => ({ kind: ' ', line }));
  return [
    ...same(before.slice(0, prefix)),
    ...middleOps(
      before.slice(prefix, before.length - suffix),
      after.slice(prefix, after.length - suffix),
    ),
    ...same(before.slice(before.length - suffix)),
  ];
}

/**
 * A line-level diff of two texts (a longest common subsequence of their lines), grouped into
 * hunks with `context` unchanged lines around each change; changes closer than twice the context
 * share a hunk. Equal texts give no hunks. Pure: compares the texts it is given, so never pass a
 * Secret's values.
 *
 * @param before - the old text
 * @param after - the new text
 * @param options - context lines
 */
export function diffLines(
  before: string,
  after: string,
  options: LineDiffOptions = {},
): LineDiffHunk[] {
  const context = Math.max(0, Math.floor(options.context ?? 3));
  const ops = allOps(splitLines(before), splitLines(after));
  // Old and new line number (1-based) before each op.
  const oldAt: number[] = [];
  const newAt: number[] = [];
  let oldLine = 1;
  let newLine = 1;
  for (const op of ops) {
    oldAt.push(oldLine);
    newAt.push(newLine);
    if (op.kind !== '+') oldLine++;
    if (op.kind !== '-') newLine++;
  }
  const changed = ops.flatMap((op, index) => (op.kind === ' ' ? [] : [index]));
  const hunks: LineDiffHunk[] = [];
  let k = 0;
  while (k < changed.length) {
    const start = Math.max(0, changed[k] - context);
    let end = changed[k];
    while (k + 1 < changed.length && changed[k + 1] - end <= 2 * context + 1) {
      end = changed[++k];
    }
    k++;
    const last = Math.min(ops.length - 1, end + context);
    const slice = ops.slice(start, last + 1);
    const oldLines = slice.filter(op => op.kind !== '+').length;
    const newLines = slice.filter(op => op.kind !== '-').length;
    hunks.push({
      oldStart: oldLines === 0 ? oldAt[start] - 1 : oldAt[start],
      oldLines,
      newStart: newLines === 0 ? newAt[start] - 1 : newAt[start],
      newLines,
      lines: slice.map(op => `${op.kind}${op.line}`),
    });
  }
  return hunks;
}

/**
 * `diffLines` as text: each hunk's `@@ -oldStart,oldLines +newStart,newLines @@` header,
 * then its lines. Empty when the texts are equal.
 *
 * @param before - the old text
 * @param after - the new text
 * @param options - context lines
 * @alpha
 */
export function formatLineDiff(
  before: string,
  after: string,
  options: LineDiffOptions = {},
): string {
  return diffLines(before, after, options)
    .map(hunk =>
      [
        `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`,
        ...hunk.lines,
      ].join('\n'),
    )
    .join('\n');
}
