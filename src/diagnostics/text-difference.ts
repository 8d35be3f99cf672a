import { escapeText } from './escape-text.js';
import { type DiffLine, diffLines } from './line-diff.js';
import { plural } from './text.js';
import { firstDifference, positionAt } from './text-position.js';

// How a report shows two texts that differ (a body, a long header value):
// where they part — offset, line and column — then, for one-line texts, a
// window of both around that place with a caret under it, and for
// multi-line texts a line diff with context, as `diff -u` prints one. The
// output is bounded whatever the size of the texts.

/** Characters shown before and after the first difference in a window. */
const BEFORE = 40;
const AFTER = 60;
/** Lines of context around each change in a line diff. */
const CONTEXT = 2;
/** Diff lines shown at most (besides the `---`/`+++` header). */
const DIFF_LINES = 40;
/** Characters of one diff line shown at most. */
const DIFF_WIDTH = 160;

const characters = (text: string): string => plural(text.length, 'character');
const lines = (text: string): number => text.split('\n').length;

/** Where the texts part, in words, with their sizes. */
function headline(expected: string, actual: string, offset: number): string {
  const multiline = expected.includes('\n') || actual.includes('\n');
  const size = (text: string): string =>
    text.length === 0 ? 'an empty text' : multiline ? `${plural(lines(text), 'line')} (${characters(text)})` : characters(text);
  const sizes = `expected ${size(expected)}, got ${size(actual)}`;
  if (expected.length === 0 || actual.length === 0) return sizes;
  const { line, column } = positionAt(offset < expected.length ? expected : actual, offset);
  const at = `line ${line}, column ${column} (offset ${offset})`;
  if (offset === expected.length) return `the actual text goes on where the expected one ends, at ${at}; ${sizes}`;
  if (offset === actual.length) return `the actual text ends at ${at}, before the expected one does; ${sizes}`;
  return `first difference at ${at}; ${sizes}`;
}

/** `text[from, from + width)`, escaped, with `…` where it was cut. */
function excerpt(text: string, from: number, width: number): { shown: string; lead: number } {
  const start = Math.max(0, from);
  const end = Math.min(text.length, start + width);
  const head = start > 0 ? '…' : '';
  return { shown: `${head}${escapeText(text.slice(start, end))}${end < text.length ? '…' : ''}`, lead: head.length };
}

/** Both texts around `offset`, one above the other, and a caret under the first difference. */
function window(expected: string, actual: string, offset: number): string[] {
  const from = Math.max(0, offset - BEFORE);
  const e = excerpt(expected, from, offset - from + AFTER);
  const a = excerpt(actual, from, offset - from + AFTER);
  // The text before the difference is the same on both sides, and so is its escaped width.
  const caret = 10 + e.lead + escapeText(expected.slice(from, offset)).length;
  return [`expected: ${e.shown}`, `actual:   ${a.shown}`, `${' '.repeat(caret)}^`];
}

/** One diff line for a report: escaped, and cut around `focus` (the column where a changed line differs from its counterpart) when it is too long. */
function showLine(line: DiffLine, focus: number): string {
  if (line.text.length <= DIFF_WIDTH && focus < DIFF_WIDTH) return `${line.kind}${escapeText(line.text)}`;
  const from = focus < DIFF_WIDTH - AFTER ? 0 : focus - BEFORE;
  return `${line.kind}${excerpt(line.text, from, DIFF_WIDTH).shown}`;
}

/**
 * The columns where each changed line first differs from the line it
 * replaces: the i-th line of a run of `-` lines pairs with the i-th line of
 * the `+` run that follows it.
 */
function focusColumns(script: readonly DiffLine[]): number[] {
  const focus = script.map(() => 0);
  for (let i = 0; i < script.length; ) {
    if (script[i]!.kind !== '-') {
      i++;
      continue;
    }
    let removed = i;
    while (removed < script.length && script[removed]!.kind === '-') removed++;
    let added = removed;
    while (added < script.length && script[added]!.kind === '+') added++;
    for (let k = 0; k < Math.min(removed - i, added - removed); k++) {
      const column = Math.max(0, firstDifference(script[i + k]!.text, script[removed + k]!.text));
      focus[i + k] = column;
      focus[removed + k] = column;
    }
    i = added;
  }
  return focus;
}

/** A unified diff of the script: hunks of changes with {@link CONTEXT} lines around them, at most {@link DIFF_LINES} lines. */
function unified(script: readonly DiffLine[]): string[] {
  const focus = focusColumns(script);
  const shown = script.map(() => false);
  script.forEach((line, i) => {
    if (line.kind === ' ') return;
    for (let j = Math.max(0, i - CONTEXT); j <= Math.min(script.length - 1, i + CONTEXT); j++) shown[j] = true;
  });
  const out = ['--- expected', '+++ actual'];
  let written = 0;
  let left = 0;
  let expectedLine = 1;
  let actualLine = 1;
  for (let i = 0; i < script.length; ) {
    if (!shown[i]) {
      if (script[i]!.kind !== '+') expectedLine++;
      if (script[i]!.kind !== '-') actualLine++;
      i++;
      continue;
    }
    let end = i;
    while (end < script.length && shown[end]) end++;
    const hunk = script.slice(i, end);
    const inExpected = hunk.filter((line) => line.kind !== '+').length;
    const inActual = hunk.filter((line) => line.kind !== '-').length;
    if (written < DIFF_LINES) {
      out.push(`@@ -${inExpected === 0 ? expectedLine - 1 : expectedLine},${inExpected} +${inActual === 0 ? actualLine - 1 : actualLine},${inActual} @@`);
    }
    for (let j = i; j < end; j++) {
      if (written < DIFF_LINES) {
        out.push(showLine(script[j]!, focus[j]!));
        written++;
      } else if (script[j]!.kind !== ' ') left++;
    }
    expectedLine += inExpected;
    actualLine += inActual;
    i = end;
  }
  if (left > 0) out.push(`… ${plural(left, 'more changed line')} not shown`);
  return out;
}

/**
 * Two texts that differ, for a report: a headline that says where they
 * part and how long each is, then a window around the first difference
 * (one-line texts, or texts that differ only in their line endings) or a
 * line diff (multi-line texts). Control characters are escaped.
 *
 * @example
 * ```ts
 * formatTextDifference('{"note":"ok"}', '{"note":"ko"}');
 * // ['first difference at line 1, column 10 (offset 9); expected 13 characters, got 13 characters',
 * //  'expected: {"note":"ok"}', 'actual:   {"note":"ko"}', '                   ^']
 * ```
 */
export function formatTextDifference(expected: string, actual: string): string[] {
  const offset = firstDifference(expected, actual);
  if (offset === -1) return ['the texts are equal'];
  const head = headline(expected, actual, offset);
  if (!expected.includes('\n') && !actual.includes('\n')) return [head, ...window(expected, actual, offset)];
  if (expected.replaceAll('\r\n', '\n') === actual.replaceAll('\r\n', '\n')) {
    const crlf = (text: string): string => (text.includes('\r\n') ? '\\r\\n' : '\\n');
    return [`${head}; only the line endings differ (expected ${crlf(expected)}, got ${crlf(actual)})`, ...window(expected, actual, offset)];
  }
  return [head, ...unified(diffLines(expected, actual))];
}
