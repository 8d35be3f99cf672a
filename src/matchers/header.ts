import { assertHeaderName, assertHeaderValue, withoutOuterSpace } from '../core/arguments.js';
import type { Matcher, MatchResult } from '../core/matcher.js';
import type { PookRequest } from '../core/pook-request.js';
import { showValue } from '../core/show-value.js';
import { type RegexFormat, regexFormat, testRegexFormat } from './regex-format.js';
import { testRegExp } from './regexp.js';

/**
 * Matches one request header: the name case-insensitively, the value exactly
 * (case-sensitive; spaces and tabs around it do not count, as HTTP drops
 * them), by RegExp, or by a regex string `re/…/` as Python pook reads it
 * (docs/mocks.md). Multiple values are joined with `', '`.
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
  /** Expected value (a regex string `re/…/` compiled to its RegExp). */
  readonly value: string | RegExp;
  readonly #format: RegexFormat | undefined;

  /**
   * @param name - header name (any case)
   * @param value - exact value, RegExp or regex string `re/…/`
   */
  constructor(name: string, value: string | RegExp) {
    assertHeaderName('header', name);
    const argument = `header "${name}"`;
    this.#format = typeof value === 'string' ? regexFormat(argument, value) : undefined;
    if (this.#format === undefined && !(value instanceof RegExp)) assertHeaderValue(argument, value);
    this.header = name.toLowerCase();
    this.value = this.#format?.regexp ?? (typeof value === 'string' ? withoutOuterSpace(value) : value);
    this.name = `header "${this.header}"`;
  }

  /** What this matcher expects, on one line. */
  summary(): string {
    return `${this.name}: ${showValue(this.value, 60)}`;
  }

  /** @param request - the request to check */
  match(request: PookRequest): MatchResult {
    const actual = request.headers.get(this.header);
    const pass = actual !== null && this.#test(actual);
    return { pass, expectation: this.name, expected: this.value, actual: actual ?? undefined, ...(actual === null ? { reason: 'header is missing' } : {}) };
  }

  #test(actual: string): boolean {
    if (this.#format !== undefined) return testRegexFormat(this.#format, actual);
    return typeof this.value === 'string' ? actual === this.value : testRegExp(this.value, actual);
  }
}
