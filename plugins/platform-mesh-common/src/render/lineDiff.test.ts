import { diffLines, formatLineDiff } from './lineDiff';

const lines = (n: number, prefix = 'line') =>
  Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);

describe('diffLines', () => {
  it('gives no hunks for equal texts', () => {
    expect(diffLines('a\nb\n', 'a\nb\n')).toEqual([]);
    expect(formatLineDiff('', '')).toBe('');
  });

  it('shows one changed line with three lines of context and a unified header', () => {
    const before = lines(20);
    const after = [...before];
    after[9] = 'line 10 changed';
    expect(formatLineDiff(before.join('\n'), after.join('\n'))).toBe(
      [
        '@@ -7,7 +7,7 @@',
        ' line 7',
        ' line 8',
        ' line 9',
        '-line 10',
        '+line 10 changed',
        ' line 11',
        ' line 12',
        ' line 13',
      ].join('\n'),
    );
  });

  it('keeps far-apart changes in separate hunks and near ones together', () => {
    const before = lines(40);
    const after = [...before];
    after[2] = 'changed 3';
    after[6] = 'changed 7';
    after[30] = 'changed 31';
    const hunks = diffLines(before.join('\n'), after.join('\n'));
    expect(
      hunks.map(h => [h.oldStart, h.oldLines, h.newStart, h.newLines]),
    ).toEqual([
      [1, 10, 1, 10],
      [28, 7, 28, 7],
    ]);
    expect(hunks[0].lines.filter(l => l.startsWith('-'))).toEqual([
      '-line 3',
      '-line 7',
    ]);
  });

  it('aligns insertions and deletions on the common lines (a profile service added)', () => {
    const before = [
      'components:',
      '  services:',
      '    account-operator:',
      '      enabled: true',
      '    portal:',
      '      enabled: true',
    ].join('\n');
    const after = [
      'components:',
      '  services:',
      '    account-operator:',
      '      enabled: true',
      '    cnpg-operator:',
      '      enabled: true',
      '      repoURL: ghcr.io/cloudnative-pg/charts',
      '    portal:',
      '      enabled: false',
    ].join('\n');
    expect(formatLineDiff(before, after, { context: 1 })).toBe(
      [
        '@@ -4,3 +4,6 @@',
        '       enabled: true',
        '+    cnpg-operator:',
        '+      enabled: true',
        '+      repoURL: ghcr.io/cloudnative-pg/charts',
        '     portal:',
        '-      enabled: true',
        '+      enabled: false',
      ].join('\n'),
    );
  });

  it('numbers hunks of a text that was empty or becomes empty', () => {
    expect(formatLineDiff('', 'a\nb')).toBe('@@ -0,0 +1,2 @@\n+a\n+b');
    expect(formatLineDiff('a\nb\n', '')).toBe('@@ -1,2 +0,0 @@\n-a\n-b');
  });

  it('stays correct on texts too large for the table (removed, then added)', () => {
    const before = lines(2500, 'old');
    const after = lines(2500, 'new');
    const hunks = diffLines(before.join('\n'), after.join('\n'), {
      context: 0,
    });
    expect(hunks).toHaveLength(1);
    expect(hunks[0].lines.filter(l => l.startsWith('-'))).toHaveLength(2500);
    expect(hunks[0].lines.filter(l => l.startsWith('+'))).toHaveLength(2500);
  });

  it('re-applying the hunks to the old text gives the new text (random edits)', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 50; round++) {
      const before = lines(30 + Math.floor(random() * 30));
      const after = before.flatMap(line => {
        const r = random();
        if (r < 0.1) return [];
        if (r < 0.2) return [`${line} edited`];
        if (r < 0.25) return [line, `inserted after ${line}`];
        return [line];
      });
      const result = [...before];
      let shift = 0;
      for (const hunk of diffLines(before.join('\n'), after.join('\n'))) {
        const replacement = hunk.lines
          .filter(l => !l.startsWith('-'))
          .map(l => l.slice(1));
        const start =
          (hunk.oldLines === 0 ? hunk.oldStart : hunk.oldStart - 1) + shift;
        result.splice(start, hunk.oldLines, ...replacement);
        shift += replacement.length - hunk.oldLines;
      }
      expect(result).toEqual(after);
    }
  });
});
