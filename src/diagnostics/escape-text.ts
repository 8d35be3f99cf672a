// Text pasted into a report is shown escaped: a control character (a NUL,
// an ANSI escape, a carriage return…) written raw would corrupt the
// terminal or the CI log that shows the report, or hide the very
// difference the report is about, and a lone surrogate (half of an emoji cut
// by a window) is not text at all. Backslashes are doubled so that a real
// `\n` and an escaped newline never look alike.

const SHORT: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' };

// C0 and C1 controls, DEL, bidirectional overrides and isolates (which
// reorder what follows them on screen), and lone surrogates.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\\]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * `text` with every control character, bidirectional control and lone
 * surrogate written as an escape (`\n`, `\r`, `\t`, `\u001b`), and `\` as `\\`.
 *
 * @example
 * ```ts
 * escapeText('a\r\nb\u0000'); // 'a\\r\\nb\\u0000'
 * ```
 */
export function escapeText(text: string): string {
  return text.replace(UNSAFE, (char) => SHORT[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Whether `text` has a character {@link escapeText} would escape, other than `\n`, `\r`, `\t` and `\`. */
export function hasControlCharacters(text: string): boolean {
  for (const match of text.matchAll(UNSAFE)) if (SHORT[match[0]] === undefined) return true;
  return false;
}
