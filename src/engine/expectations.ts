import { type Matcher, type MatchResult, toMatchResult } from '../core/matcher.js';
import type { PookRequest } from '../core/pook-request.js';
import { MethodMatcher } from '../matchers/method.js';
import { UrlMatcher } from '../matchers/url.js';
import { routeKey } from './route-key.js';

/**
 * A mock's request expectations, in definition order: the mock matches a
 * request when every one holds.
 *
 * @example
 * ```ts
 * const expectations = new Expectations();
 * expectations.add(new MethodMatcher('GET'));
 * expectations.test(request, mock); // true for a GET
 * ```
 */
export class Expectations {
  readonly #matchers: Matcher[] = [];

  /** Adds an expectation. */
  add(matcher: Matcher): void {
    this.#matchers.push(matcher);
  }

  /** One line per expectation, in definition order (`method GET`, `header "accept": …`). */
  get summaries(): readonly string[] {
    return this.#matchers.map((matcher) => (typeof matcher.summary === 'function' ? matcher.summary() : matcher.name));
  }

  /**
   * Whether every expectation holds. Uses each matcher's allocation-free
   * `test()` where it has one: every request is tried against many mocks,
   * most of which fail.
   * @param request - the request as the mock sees it
   * @param mock - the mock, for custom matchers
   */
  test(request: PookRequest, mock: unknown): boolean {
    for (const matcher of this.#matchers) {
      if (!(matcher.test === undefined ? toMatchResult(matcher.match(request, mock), matcher.name).pass : matcher.test(request))) return false;
    }
    return true;
  }

  /**
   * Every expectation's result with its reasons, for reports. A matcher that
   * throws fails with the error's message.
   * @param request - the request as the mock sees it
   * @param mock - the mock, for custom matchers
   */
  results(request: PookRequest, mock: unknown): MatchResult[] {
    return this.#matchers.map((matcher) => {
      try {
        return toMatchResult(matcher.match(request, mock), matcher.name);
      } catch (error) {
        return { pass: false, expectation: matcher.name, reason: `threw ${(error as Error).message}` } satisfies MatchResult;
      }
    });
  }

  /**
   * The route key the mock can be filed under (src/engine/route-key.ts): set
   * when a literal method and a literal URL with a path are expected.
   */
  routeKey(): string | undefined {
    let method: string | undefined;
    let url: { readonly hostname: string; readonly pathname: string } | undefined;
    for (const matcher of this.#matchers) {
      if (matcher instanceof MethodMatcher) {
        if (method === undefined && typeof matcher.method === 'string' && matcher.method !== '*') method = matcher.method;
      } else if (matcher instanceof UrlMatcher && url === undefined) {
        const expected = matcher.expected;
        if (!(expected instanceof RegExp) && expected.pathname !== undefined) url = { hostname: expected.hostname, pathname: expected.pathname };
      }
    }
    return method === undefined || url === undefined ? undefined : routeKey(method, url.hostname, url.pathname);
  }
}
