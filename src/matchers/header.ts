import { assertHeaderName, assertHeaderValue } from '../core/arguments.js';
import type { Matcher, MatchResult } from '../core/matcher.js';
import type { PookRequest } from '../core/pook-request.js';
import { showValue } from '../core/show-value.js';
import { testRegExp } from './regexp.js';

/**
 * Matches one request header: the name case-insensitively, the value exactly
 * (case-sensitive) or by RegExp. Multiple values are joined with `', '`.
 *
 * @example
 * ```ts
 * new HeaderMatcher('Authorization', /^Bearer /).match(request).pass;
 * ```
 */
export class HeaderMatcher implements Matcher {
  readonly name: string;
  /** Lower-case header name. */
  readonly header: string;
  /** Expected value. */
  readonly value: string | RegExp;

  /**
   * @param name - header name (any case)
   * @param value - exact value or RegExp
   */
  constructor(name: string, value: string | RegExp) {
    assertHeaderName('header', name);
    if (!(value instanceof RegExp)) assertHeaderValue(`header "${name}"`, value);
    this.header = name.toLowerCase();
    this.value = value;
    this.name = `header "${this.header}"`;
  }

  /** What this matcher expects, on one line. */
  summary(): string {
    return `${this.name}: ${showValue(this.value, 60)}`;
  }

  /** @param request - the request to check */
  match(request: PookRequest): MatchResult {
    const actual = request.headers.get(this.header);
    const pass = actual !== null && (typeof this.value === 'string' ? actual === this.value : testRegExp(this.value, actual));
    return { pass, expectation: this.name, expected: this.value, actual: actual ?? undefined, ...(actual === null ? { reason: 'header is missing' } : {}) };
  }
}
