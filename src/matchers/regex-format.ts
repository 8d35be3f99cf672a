import { PookInvalidArgumentError } from '../core/errors/invalid-argument-error.js';
import { testRegExp } from './regexp.js';

// Python pook reads a string of the form `re/<pattern>/` as a regular
// expression. pook reads it the same way in url(), path(), header values,
// type(), param values and body(), so Python definitions carry over
// unchanged (docs/mocks.md, "Regex strings"). The pattern is Python `re`
// syntax: what JavaScript writes differently is translated, and what it
// cannot express is refused where the mock is defined.

/**
 * Whether `value` has the form Python pook reads as a regular expression: a
 * string starting with `re/` and ending with `/`, longer than `re/` itself
 * (`re//`, the empty pattern, included).
 *
 * @example
 * ```ts
 * isRegexFormat('re/^Bearer /'); // true
 * isRegexFormat('re/');          // false
 * ```
 */
export function isRegexFormat(value: unknown): value is string {
  return typeof value === 'string' && value.length > 3 && value.startsWith('re/') && value.endsWith('/');
}

/**
 * A regex-format string compiled: the RegExp, and the string as written,
 * which matches itself too (Python pook compares for equality first).
 */
export interface RegexFormat {
  /** The string as written, `re/…/` included (a lone surrogate in it replaced with U+FFFD). */
  readonly written: string;
  /** The pattern between `re/` and the last `/`, as a JavaScript RegExp. */
  readonly regexp: RegExp;
}

/**
 * Compiles a regex-format string (`re/<pattern>/`), or returns `undefined`
 * for any other string.
 * @param argument - the argument named in the error
 * @param value - the string as the user wrote it
 * @throws PookInvalidArgumentError when the pattern cannot be compiled
 *
 * @example
 * ```ts
 * regexFormat('header', 're/json/')?.regexp; // /json/u
 * regexFormat('header', 'application/json'); // undefined
 * ```
 */
export function regexFormat(argument: string, value: string): RegexFormat | undefined {
  if (!isRegexFormat(value)) return undefined;
  try {
    const { source, flags } = fromPython(value.slice(3, -1));
    // A request's text is well-formed (decoding replaces a lone surrogate
    // with U+FFFD): the string as written is compared the same way.
    return { written: value.replace(LONE_SURROGATE, '\ufffd'), regexp: new RegExp(source, flags) };
  } catch (cause) {
    throw new PookInvalidArgumentError(
      argument,
      `${JSON.stringify(value)} is a regex string (re/…/, read as in Python pook), but its pattern does not compile (${(cause as Error).message}); write a RegExp literal or pook.regex() instead`,
      { cause },
    );
  }
}

/**
 * Python pook's comparison of a regex-format expectation: the value equals
 * the string as written, or the pattern is found in it (`re.search`).
 *
 * @example
 * ```ts
 * testRegexFormat(regexFormat('body', 're/"id":\\d+/')!, '{"id":42}'); // true
 * ```
 */
export function testRegexFormat(format: RegexFormat, value: string): boolean {
  return value === format.written || testRegExp(format.regexp, value);
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** A quantifier Python accepts: `{m}`, `{m,}`, `{m,n}` or `{,n}`. */
const QUANTIFIER = /^\{(?:\d+(?:,\d*)?|,\d+)\}/;
/** The characters JavaScript's Unicode mode lets a backslash escape as themselves. */
const SYNTAX = '^$\\.*+?()[]{}|/';
/** Python's global inline flags, which must open the pattern. */
const GLOBAL_FLAGS = /^\(\?([aiLmsux]+)\)/;

/**
 * A Python `re` pattern as the source and flags of an equivalent JavaScript
 * RegExp in Unicode mode (code points, as Python's `str` patterns; unknown
 * escapes are errors, as in Python). Translated: the opening inline flags
 * `(?i)`, `(?m)`, `(?s)`; `(?P<name>…)`, `(?P=name)`, `(?#…)`; `\A`, `\Z`,
 * `\a`, `\U`; escaped punctuation; braces and brackets Python reads as
 * literal characters; `{,n}`.
 * @throws SyntaxError on a construct JavaScript has no equivalent for
 */
function fromPython(pattern: string): { source: string; flags: string } {
  let flags = 'u';
  let i = 0;
  const global = GLOBAL_FLAGS.exec(pattern);
  if (global !== null) {
    for (const flag of global[1]!) {
      if (flag === 'L' || flag === 'x') throw new SyntaxError(`the inline flag (?${flag}) has no JavaScript equivalent`);
      // `a` (ASCII classes) is what JavaScript's \w, \d and \b always are; `u` is Python's default.
      if ((flag === 'i' || flag === 'm' || flag === 's') && !flags.includes(flag)) flags += flag;
    }
    i = global[0].length;
  }
  let out = '';
  let inClass = false;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '\\') {
      const code = pattern.codePointAt(i + 1);
      if (code === undefined) throw new SyntaxError('the pattern ends with a backslash');
      const next = String.fromCodePoint(code);
      i += 1 + next.length;
      out += escapeFromPython(next, code, inClass, pattern, i);
      if (next === 'U') i += 8;
      continue;
    }
    i++;
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += '[';
      if (pattern[i] === '^') {
        out += '^';
        i++;
      }
      // A `]` first in a set is a literal `]` in Python, an empty set in JavaScript.
      if (pattern[i] === ']') {
        out += '\\]';
        i++;
      }
    } else if (c === ']' || c === '}') {
      out += `\\${c}`;
    } else if (c === '{') {
      const quantifier = QUANTIFIER.exec(pattern.slice(i - 1))?.[0];
      if (quantifier === undefined) out += '\\{';
      else {
        out += quantifier.startsWith('{,') ? `{0${quantifier.slice(1)}` : quantifier;
        i += quantifier.length - 1;
      }
    } else if (c === '(' && pattern.startsWith('?P<', i)) {
      out += '(?<';
      i += 3;
    } else if (c === '(' && (pattern.startsWith('?P=', i) || pattern.startsWith('?#', i))) {
      const end = pattern.indexOf(')', i);
      if (end === -1) throw new SyntaxError(`unterminated group at ${i - 1}`);
      if (pattern[i + 1] === 'P') out += `\\k<${pattern.slice(i + 3, end)}>`;
      i = end + 1;
    } else {
      out += c;
    }
  }
  return { source: out, flags };
}

/** One escape (`\` then `next`, whose code point is `code`) in JavaScript's Unicode-mode syntax; `rest` starts after it. */
function escapeFromPython(next: string, code: number, inClass: boolean, pattern: string, rest: number): string {
  // Python: an escaped character that is not an ASCII letter or digit
  // stands for itself; JavaScript's Unicode mode allows only these few.
  if (!/^[A-Za-z0-9]$/.test(next)) {
    if (SYNTAX.includes(next) || (inClass && next === '-')) return `\\${next}`;
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  }
  if (next === 'A' && !inClass) return '(?<![\\s\\S])';
  if (next === 'Z' && !inClass) return '(?![\\s\\S])';
  if (next === 'a') return '\\x07';
  if (next === 'U') {
    const hex = /^[0-9A-Fa-f]{8}/.exec(pattern.slice(rest))?.[0];
    if (hex === undefined) throw new SyntaxError('\\U needs 8 hex digits');
    return `\\u{${hex}}`;
  }
  if (next === 'N') throw new SyntaxError('named characters (\\N{…}) have no JavaScript equivalent');
  // The rest means the same in both (\d, \w, \s, \b, \n, \x41, \1…); an
  // unknown one is an error in both.
  return `\\${next}`;
}
