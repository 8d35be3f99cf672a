import { assertHeaderValue } from '../core/arguments.js';
import { resolveContentType } from '../core/content-types.js';
import type { Matcher, MatchResult } from '../core/matcher.js';
import type { PookRequest } from '../core/pook-request.js';
import { showValue } from '../core/show-value.js';
import { withoutOuterSpace } from './header.js';
import { type RegexFormat, regexFormat, testRegexFormat } from './regex-format.js';

const mediaType = (value: string): string => value.split(';', 1)[0]!.trim().toLowerCase();
const normalise = (value: string): string =>
  value
    .replace(/\s*;\s*/g, '; ')
    .trim()
    .toLowerCase();

/**
 * Matches the request Content-Type. Aliases: `json`, `xml`, `html`, `text`,
 * `form` and `urlencoded`. A type without parameters compares the media type
 * only (`'json'` matches `application/json; charset=utf-8`); a type with
 * parameters must equal them too. A regex string `re/…/` is searched in the
 * whole header value, as Python pook does (docs/mocks.md).
 *
 * @example
 * ```ts
 * new ContentTypeMatcher('json').match(request).pass;
 * ```
 */
export class ContentTypeMatcher implements Matcher {
  readonly name = 'content-type';
  /** Expected media type (aliases resolved; a regex string as written). */
  readonly type: string;
  readonly #format: RegexFormat | undefined;

  /** @param type - a media type, an alias such as `'json'`, or a regex string `re/…/` */
  constructor(type: string) {
    this.#format = typeof type === 'string' ? regexFormat('type', type) : undefined;
    if (this.#format === undefined) assertHeaderValue('type', type);
    this.type = this.#format === undefined ? resolveContentType(withoutOuterSpace(type)) : type;
  }

  /** What this matcher expects, on one line. */
  summary(): string {
    return `content-type: ${showValue(this.#format?.regexp ?? this.type)}`;
  }

  /** @param request - the request to check */
  match(request: PookRequest): MatchResult {
    const actual = request.headers.get('content-type');
    const format = this.#format;
    if (format !== undefined)
      return { pass: actual !== null && testRegexFormat(format, actual), expectation: 'content-type', expected: format.regexp, actual: actual ?? undefined };
    const pass = actual !== null && (this.type.includes(';') ? normalise(actual) === normalise(this.type) : mediaType(actual) === mediaType(this.type));
    return { pass, expectation: 'content-type', expected: this.type, actual: actual ?? undefined };
  }
}
