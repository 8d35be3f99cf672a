import { resolveContentType } from '../core/content-types.js';
import type { Matcher, MatchResult } from '../core/matcher.js';
import type { PookRequest } from '../core/pook-request.js';
import { showValue } from '../core/show-value.js';
import { type RegexFormat, regexFormat, testRegexFormat } from './regex-format.js';

const mediaType = (value: string): string => value.split(';', 1)[0]!.trim().toLowerCase();
const normalise = (value: string): string =>
  value
    .replace(/\s*;\s*/g, '; ')
    .trim()
    .toLowerCase();

/**
 * Matches the request Content-Type. Aliases: `json`, `xml`, `html`, `text`,
 * `form`, `form-data` and `urlencoded`; anything else must be a media type
 * (`type/subtype`) or a regex string, or the constructor throws. A type
 * without parameters compares the media type
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

  /**
   * @param type - a media type, an alias such as `'json'`, or a regex string `re/…/`
   * @throws PookInvalidArgumentError (argument `type`) for anything else
   */
  constructor(type: string) {
    this.#format = typeof type === 'string' ? regexFormat('type', type) : undefined;
    this.type = this.#format === undefined ? resolveContentType('type', type) : type;
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
