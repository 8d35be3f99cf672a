// Where two texts part: the offset of the first character that differs, and
// its line and column, as an editor counts them (both from 1).

/** A place in a text: `offset` from 0, `line` and `column` from 1 (columns count UTF-16 code units, as JavaScript strings do). */
export interface TextPosition {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/**
 * The offset of the first code unit where `a` and `b` differ: the length of
 * the shorter one when it is a prefix of the other, `-1` when they are equal.
 *
 * @example
 * ```ts
 * firstDifference('abc', 'abd'); // 2
 * firstDifference('ab', 'abc');  // 2
 * ```
 */
export function firstDifference(a: string, b: string): number {
  if (a === b) return -1;
  const shared = Math.min(a.length, b.length);
  let i = 0;
  while (i < shared && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/**
 * The line and column of `offset` in `text`. A `\r\n` ends a line as `\n`
 * does; the `\r` is the last column of its line.
 */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { offset, line, column: offset - start + 1 };
}
