import { describe, expect, it } from 'vitest';
import { escapeText, hasControlCharacters } from '../../src/diagnostics/escape-text.js';
import { diffLines } from '../../src/diagnostics/line-diff.js';
import { formatTextDifference } from '../../src/diagnostics/text-difference.js';
import { firstDifference, positionAt } from '../../src/diagnostics/text-position.js';

// The helpers behind a report's picture of two texts that differ: where they
// part, the window around it, the line diff, and escaping.

/** Both texts rebuilt from an edit script: kept and removed lines give the expected text, kept and added ones the actual text. */
function rebuild(script: ReturnType<typeof diffLines>): [string, string] {
  return [
    script
      .filter((l) => l.kind !== '+')
      .map((l) => l.text)
      .join('\n'),
    script
      .filter((l) => l.kind !== '-')
      .map((l) => l.text)
      .join('\n'),
  ];
}

describe('firstDifference and positionAt', () => {
  it('finds the first differing offset, the end of a prefix, or -1', () => {
    expect(firstDifference('abc', 'abc')).toBe(-1);
    expect(firstDifference('', '')).toBe(-1);
    expect(firstDifference('abc', 'xbc')).toBe(0);
    expect(firstDifference('abc', 'abx')).toBe(2);
    expect(firstDifference('ab', 'abc')).toBe(2);
    expect(firstDifference('abc', 'ab')).toBe(2);
    expect(firstDifference('', 'a')).toBe(0);
  });

  it('counts lines and columns from 1; \\r\\n ends a line like \\n', () => {
    expect(positionAt('abc', 0)).toEqual({ offset: 0, line: 1, column: 1 });
    expect(positionAt('ab\ncd', 3)).toEqual({ offset: 3, line: 2, column: 1 });
    expect(positionAt('ab\r\ncd\r\nef', 9)).toEqual({ offset: 9, line: 3, column: 2 });
    expect(positionAt('ab\r\ncd', 2)).toEqual({ offset: 2, line: 1, column: 3 });
  });
});

describe('escapeText', () => {
  it('escapes control characters, bidirectional controls, lone surrogates and backslashes; keeps other text', () => {
    expect(escapeText('a\r\nb\tc\u0000\u001b[31m\u007f\u0085')).toBe('a\\r\\nb\\tc\\u0000\\u001b[31m\\u007f\\u0085');
    expect(escapeText('x\u202ey\u2066')).toBe('x\\u202ey\\u2066');
    expect(escapeText('C:\\temp')).toBe('C:\\\\temp');
    expect(escapeText('é ✓ 😀 \uFFFD')).toBe('é ✓ 😀 \uFFFD');
    expect(escapeText('😀'.slice(0, 1))).toBe('\\ud83d');
    expect(escapeText('😀'.slice(1))).toBe('\\ude00');
  });

  it('hasControlCharacters ignores tabs, line breaks and backslashes', () => {
    expect(hasControlCharacters('a\tb\r\nc\\')).toBe(false);
    expect(hasControlCharacters('a\u0000')).toBe(true);
    expect(hasControlCharacters('a\u001b[0m')).toBe(true);
  });
});

describe('diffLines', () => {
  it('keeps, removes and adds lines in order, and rebuilds both texts', () => {
    const script = diffLines('a\nb\nc\nd', 'a\nB\nc\nd\ne');
    expect(script.map((l) => `${l.kind}${l.text}`)).toEqual([' a', '-b', '+B', ' c', ' d', '+e']);
    expect(rebuild(script)).toEqual(['a\nb\nc\nd', 'a\nB\nc\nd\ne']);
  });

  it('finds the shortest script on interleaved changes (Myers)', () => {
    const expected = ['a', 'b', 'c', 'a', 'b', 'b', 'a'].join('\n');
    const actual = ['c', 'b', 'a', 'b', 'a', 'c'].join('\n');
    const script = diffLines(expected, actual);
    expect(script.filter((l) => l.kind !== ' ')).toHaveLength(5); // the edit distance of the classic example
    expect(rebuild(script)).toEqual([expected, actual]);
  });

  it('empty against non-empty, and a side that is a prefix of the other', () => {
    expect(rebuild(diffLines('', 'a\nb'))).toEqual(['', 'a\nb']);
    expect(diffLines('a\nb', 'a\nb\nc').map((l) => l.kind)).toEqual([' ', ' ', '+']);
    expect(diffLines('a\nb\nc', 'a').map((l) => l.kind)).toEqual([' ', '-', '-']);
  });

  it('stays correct past its edit budget (the middle is removed, then added)', () => {
    const expected = Array.from({ length: 600 }, (_, i) => `line ${i}`).join('\n');
    const actual = Array.from({ length: 600 }, (_, i) => `LINE ${i}`).join('\n');
    const script = diffLines(expected, actual);
    expect(rebuild(script)).toEqual([expected, actual]);
    expect(script.filter((l) => l.kind === '-')).toHaveLength(600);
  });
});

describe('formatTextDifference', () => {
  it('one-line texts: where they part, and a window with a caret under it', () => {
    const expected = `${'x'.repeat(100)}"note":"ok"}`;
    const actual = `${'x'.repeat(100)}"note":"ko"}`;
    const lines = formatTextDifference(expected, actual);
    expect(lines).toEqual([
      'first difference at line 1, column 109 (offset 108); expected 112 characters, got 112 characters',
      `expected: …${'x'.repeat(32)}"note":"ok"}`,
      `actual:   …${'x'.repeat(32)}"note":"ko"}`,
      `${' '.repeat(51)}^`,
    ]);
    expect(lines[1]![lines[3]!.length - 1]).toBe('o');
    expect(lines[2]![lines[3]!.length - 1]).toBe('k');
  });

  it('a difference at offset 0', () => {
    expect(formatTextDifference('abc', 'xbc')).toEqual([
      'first difference at line 1, column 1 (offset 0); expected 3 characters, got 3 characters',
      'expected: abc',
      'actual:   xbc',
      '          ^',
    ]);
  });

  it('a difference at the very end, and one side a prefix of the other', () => {
    expect(formatTextDifference('abc', 'abd')[0]).toBe('first difference at line 1, column 3 (offset 2); expected 3 characters, got 3 characters');
    expect(formatTextDifference('abc', 'abcdef')).toEqual([
      'the actual text goes on where the expected one ends, at line 1, column 4 (offset 3); expected 3 characters, got 6 characters',
      'expected: abc',
      'actual:   abcdef',
      '             ^',
    ]);
    expect(formatTextDifference('abcdef', 'abc')[0]).toBe(
      'the actual text ends at line 1, column 4 (offset 3), before the expected one does; expected 6 characters, got 3 characters',
    );
  });

  it('empty against non-empty', () => {
    expect(formatTextDifference('', 'abc')).toEqual(['expected an empty text, got 3 characters', 'expected: ', 'actual:   abc', '          ^']);
    expect(formatTextDifference('a\nb', '')[0]).toBe('expected 2 lines (3 characters), got an empty text');
  });

  it('escapes control characters in the window, and keeps the caret aligned', () => {
    const lines = formatTextDifference('a\u0000b\u001bX', 'a\u0000b\u001bY');
    expect(lines.slice(1)).toEqual(['expected: a\\u0000b\\u001bX', 'actual:   a\\u0000b\\u001bY', `${' '.repeat(24)}^`]);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the report must not hold any control character
    expect(lines.join('\n')).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });

  it('multi-line texts: a unified line diff with two lines of context, in separate hunks when changes are far apart', () => {
    const words = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
    const expected = words.join('\n');
    const actual = [...words.slice(0, 2), 'THREE', ...words.slice(3), 'thirteen'].join('\n');
    expect(formatTextDifference(expected, actual)).toEqual([
      'first difference at line 3, column 1 (offset 8); expected 12 lines (62 characters), got 13 lines (71 characters)',
      '--- expected',
      '+++ actual',
      '@@ -1,5 +1,5 @@',
      ' one',
      ' two',
      '-three',
      '+THREE',
      ' four',
      ' five',
      '@@ -11,2 +11,3 @@',
      ' eleven',
      ' twelve',
      '+thirteen',
    ]);
    // Changes closer than twice the context share one hunk, as diff -u prints them.
    const close = formatTextDifference('a\nb\nc\nd\ne\nf', 'a\nB\nc\nd\ne\nF');
    expect(close.filter((line) => line.startsWith('@@'))).toEqual(['@@ -1,6 +1,6 @@']);
  });

  it('texts that differ only in their line endings (CRLF against LF) say so', () => {
    expect(formatTextDifference('a\nb\n', 'a\r\nb\r\n')).toEqual([
      'first difference at line 1, column 2 (offset 1); expected 3 lines (4 characters), got 3 lines (6 characters); only the line endings differ (expected \\n, got \\r\\n)',
      'expected: a\\nb\\n',
      'actual:   a\\r\\nb\\r\\n',
      '           ^',
    ]);
  });

  it('a CRLF text against an LF text that also differs: the diff shows the \\r', () => {
    const lines = formatTextDifference('a\r\nb\r\n', 'a\nc\n');
    expect(lines.slice(1)).toEqual(['--- expected', '+++ actual', '@@ -1,3 +1,3 @@', '-a\\r', '-b\\r', '+a', '+c', ' ']);
  });

  it('very long lines are cut around the place where they differ', () => {
    const expected = `head\n${'y'.repeat(5000)}A${'z'.repeat(5000)}\ntail`;
    const actual = `head\n${'y'.repeat(5000)}B${'z'.repeat(5000)}\ntail`;
    const lines = formatTextDifference(expected, actual);
    expect(lines[0]).toBe('first difference at line 2, column 5001 (offset 5005); expected 3 lines (10011 characters), got 3 lines (10011 characters)');
    expect(lines).toContain(`-…${'y'.repeat(40)}A${'z'.repeat(119)}…`);
    expect(lines).toContain(`+…${'y'.repeat(40)}B${'z'.repeat(119)}…`);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(200);
  });

  it('caps the diff at 40 lines and says how many changed lines are left out', () => {
    const expected = Array.from({ length: 200 }, (_, i) => `row ${i}`).join('\n');
    const actual = Array.from({ length: 200 }, (_, i) => (i % 4 === 0 ? `ROW ${i}` : `row ${i}`)).join('\n');
    const lines = formatTextDifference(expected, actual);
    const body = lines.filter((line) => /^[-+ ]/.test(line) && !/^(---|\+\+\+) /.test(line));
    expect(body).toHaveLength(40);
    expect(lines[lines.length - 1]).toMatch(/^… \d+ more changed lines not shown$/);
    const shownChanges = body.filter((line) => line.startsWith('-') || line.startsWith('+')).length;
    expect(Number(/\d+/.exec(lines[lines.length - 1]!)![0]) + shownChanges).toBe(100);
  });
});
