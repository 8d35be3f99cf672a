import { resolveContentType } from '../core/content-types.js';
import type { Matcher, MatchResult } from '../core/matcher.js';
import type { PookRequest } from '../core/pook-request.js';
import { showValue } from '../core/show-value.js';

const mediaType = (value: string): string => value.split(';', 1)[0]!.trim().toLowerCase();
const normalise = (value: string): string =>
  value
    .replace(/\s*;\s*/g, '; ')
    .trim()
    .toLowerCase();

/**
 * Matches the request Content-Type. Aliases: `json`, `xml`, `html`, `text`,
 * `form`, `form-data` and `urlencoded`; anything else must be a media type
 * (`type/subtype`), or the constructor throws. A type without parameters compares the media type
 * only (`'json'` matches `application/json; charset=utf-8`); a type with
 * parameters must equal them too.
 *
 * @example
 * ```ts
 * new ContentTypeMatcher('json').match(request).pass;
 * ```
 */
export class ContentTypeMatcher implements Matcher {
  readonly name = 'content-type';
  /** Expected media type (aliases resolved). */
  readonly type: string;

  /**
   * @param type - a media type or an alias such as `'json'`
   * @throws PookInvalidArgumentError (argument `type`) for anything else
   */
  constructor(type: string) {
    this.type = resolveContentType('type', type);
  }

  /** What this matcher expects, on one line. */
  summary(): string {
    return `content-type: ${showValue(this.type)}`;
  }

  /** @param request - the request to check */
  match(request: PookRequest): MatchResult {
    const actual = request.headers.get('content-type');
    const pass = actual !== null && (this.type.includes(';') ? normalise(actual) === normalise(this.type) : mediaType(actual) === mediaType(this.type));
    return { pass, expectation: 'content-type', expected: this.type, actual: actual ?? undefined };
  }
}
