import { isBytes, utf8 } from '../core/bytes.js';
import { formatByteDifference } from './byte-difference.js';
import { hasControlCharacters } from './escape-text.js';
import { formatTextDifference } from './text-difference.js';

// Which picture of a difference a failed expectation gets: short one-line
// values keep `expected "a", got "b"`; long or multi-line texts get a window
// or a line diff; bytes get a hex dump, unless both sides are text.

/** Past this many characters (both values, as JSON), `expected …, got …` on one line says less than a window. */
const SHORT = 120;
const fatal = new TextDecoder('utf-8', { fatal: true });

/** The bytes as text when they are UTF-8 with no control character but tabs and line breaks. */
function asText(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = fatal.decode(bytes);
  } catch {
    return undefined;
  }
  return hasControlCharacters(text) ? undefined : text;
}

/**
 * The lines that show how `actual` differs from `expected` (the first one
 * follows `✗ name: `), or `undefined` when the one-line `expected …, got …`
 * says it best (short values, or values that are neither text nor bytes).
 *
 * @example
 * ```ts
 * formatValueDifference('GET', 'POST');                 // undefined
 * formatValueDifference(Uint8Array.of(0, 1), Uint8Array.of(0, 2)); // a headline and a hex dump
 * ```
 */
export function formatValueDifference(expected: unknown, actual: unknown): string[] | undefined {
  if (isBytes(expected) || isBytes(actual)) {
    if ((typeof expected !== 'string' && !isBytes(expected)) || (typeof actual !== 'string' && !isBytes(actual))) return undefined;
    const e = typeof expected === 'string' ? utf8(expected) : expected;
    const a = typeof actual === 'string' ? utf8(actual) : actual;
    const eText = typeof expected === 'string' ? expected : asText(e);
    const aText = typeof actual === 'string' ? actual : asText(a);
    return eText !== undefined && aText !== undefined ? formatTextDifference(eText, aText) : formatByteDifference(e, a);
  }
  if (typeof expected !== 'string' || typeof actual !== 'string') return undefined;
  const long = JSON.stringify(expected).length + JSON.stringify(actual).length > SHORT;
  if (!long && !expected.includes('\n') && !actual.includes('\n')) return undefined;
  return formatTextDifference(expected, actual);
}
