import type fs from 'node:fs';
import { describe } from '../core/arguments.js';
import { builtin } from '../core/builtin.js';
import { equalBytes, isBytes, utf8 } from '../core/bytes.js';
import { PookInvalidArgumentError } from '../core/errors/invalid-argument-error.js';
import type { Matcher, MatchResult } from '../core/matcher.js';
import type { PookRequest } from '../core/pook-request.js';
import { showValue } from '../core/show-value.js';
import { type RegexFormat, regexFormat, testRegexFormat } from './regex-format.js';
import { testRegExp } from './regexp.js';

const EMPTY = new Uint8Array(0);
const fatal = new TextDecoder('utf-8', { fatal: true });

/** Whether the body decodes as UTF-8 without a replacement character standing for bad bytes. */
function isText(request: PookRequest): boolean {
  if (!request.text.includes('\uFFFD')) return true;
  try {
    fatal.decode(request.body);
    return true;
  } catch {
    return false;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array | undefined): boolean {
  if (b === undefined) return a.byteLength === 0;
  return equalBytes(a, b);
}

/**
 * Matches the request body: a string or bytes must be equal exactly, a
 * RegExp is searched in the decoded text, and so is the pattern of a regex
 * string `re/…/`, as Python pook reads it (docs/mocks.md).
 *
 * @example
 * ```ts
 * new BodyMatcher('hello').match(request).pass;
 * new BodyMatcher(/"id":\s*\d+/).match(request).pass;
 * ```
 */
export class BodyMatcher implements Matcher {
  readonly name: string;
  /** Expected bytes, or a RegExp over the text. */
  readonly expected: Uint8Array | RegExp;
  readonly #display: string | RegExp;
  readonly #binary: boolean;
  readonly #format: RegexFormat | undefined;

  /**
   * @param body - exact text, exact bytes, a RegExp or a regex string `re/…/`
   * @param name - label in reports (`'body'` or `'file'`)
   */
  constructor(body: string | Uint8Array | RegExp, name = 'body') {
    this.name = name;
    this.#format = typeof body === 'string' ? regexFormat(name, body) : undefined;
    if (this.#format !== undefined) {
      this.expected = this.#format.regexp;
      this.#display = this.#format.regexp;
      this.#binary = false;
    } else if (typeof body === 'string') {
      this.expected = utf8(body);
      this.#display = body;
      this.#binary = false;
    } else if (isBytes(body) || body instanceof RegExp) {
      this.expected = body;
      this.#display = body instanceof RegExp ? body : `<${body.byteLength} bytes>`;
      this.#binary = isBytes(body);
    } else {
      throw new PookInvalidArgumentError(name, `expected a string, Uint8Array or RegExp, got ${describe(body)}`);
    }
  }

  /**
   * A matcher for a file's bytes, read now (at definition time).
   * @param path - file path
   * @throws PookInvalidArgumentError when the file cannot be read
   */
  static fromFile(path: string): BodyMatcher {
    let bytes: Uint8Array;
    const { readFileSync } = builtin<typeof fs>('node:fs', 'a body matched against a file');
    try {
      bytes = readFileSync(path);
    } catch (cause) {
      throw new PookInvalidArgumentError('file', `cannot read ${JSON.stringify(path)} (${(cause as Error).message})`, { cause });
    }
    return new BodyMatcher(bytes, 'file');
  }

  /** What this matcher expects, on one line. */
  summary(): string {
    return `${this.name}: ${this.#binary ? String(this.#display) : showValue(this.#display, 60)}`;
  }

  /** @param request - the request to check */
  test(request: PookRequest): boolean {
    const format = this.#format;
    if (format !== undefined) return testRegexFormat(format, request.text);
    return this.expected instanceof RegExp ? testRegExp(this.expected, request.text) : sameBytes(this.expected, request.body);
  }

  /**
   * The verdict with both values in full, for reports and tools: `expected`
   * is the string, the bytes or the RegExp given; `actual` is the body's text,
   * or its bytes when bytes were expected or the body is not UTF-8 text.
   * @param request - the request to check
   */
  match(request: PookRequest): MatchResult {
    const bytes = this.#binary || !isText(request);
    const actual = bytes ? (request.body ?? EMPTY) : request.text;
    const expected = this.#binary ? this.expected : this.#display;
    return { pass: this.test(request), expectation: this.name, expected, actual };
  }
}
