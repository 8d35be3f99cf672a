import type { Matcher, MatchResult } from '../core/matcher.js';
import type { PookRequest } from '../core/pook-request.js';
import { showValue } from '../core/show-value.js';
import { type ExpectedValues, expectedKeys, keyDifferences, type ParamValue, shownKeys } from './param-values.js';

/**
 * Matches the whole query: exactly these keys, no other, each with its
 * values as `ParamMatcher` reads them (a string: exactly that one value; a
 * string[]: those values in order; a RegExp or regex string `re/…/`: every
 * value matches). `{}` expects no query at all. Key order does not count.
 *
 * @example
 * ```ts
 * new ExactQueryMatcher({ page: '2' }).match(request).pass; // false for ?page=2&debug=1
 * ```
 */
export class ExactQueryMatcher implements Matcher {
  readonly name = 'query';
  readonly #expected: ReadonlyMap<string, ExpectedValues>;

  /**
   * @param query - every expected key with its value(s)
   * @throws PookInvalidArgumentError when `query` is not an object, or on a bad value, naming its key
   */
  constructor(query: Record<string, ParamValue>) {
    this.#expected = expectedKeys('query', query);
  }

  /** What this matcher expects, on one line. */
  summary(): string {
    return `query exactly ${showValue(shownKeys(this.#expected), 60)}`;
  }

  /**
   * The verdict alone (the matching hot path).
   * @param request - the request to check
   */
  test(request: PookRequest): boolean {
    return keyDifferences(this.#expected, request.query).length === 0;
  }

  /** @param request - the request to check */
  match(request: PookRequest): MatchResult {
    const differences = keyDifferences(this.#expected, request.query);
    return {
      pass: differences.length === 0,
      expectation: this.name,
      expected: shownKeys(this.#expected),
      actual: request.url.search,
      ...(differences.length === 0 ? {} : { differences }),
    };
  }
}
