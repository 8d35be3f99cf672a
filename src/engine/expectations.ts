import { type Matcher, type MatchResult, toMatchResult } from '../core/matcher.js';
import type { PookRequest } from '../core/pook-request.js';
import { CustomMatcherAdapter } from '../matchers/custom.js';
import { MethodMatcher } from '../matchers/method.js';
import { PathMatcher } from '../matchers/path.js';
import { UrlMatcher } from '../matchers/url.js';
import { routeKey } from './route-key.js';

// Built-in matchers are pure: a report may evaluate them again. Custom
// matchers (`use()`, `addMatcher()`) are the user's code, which may count or
// consume state: they are called while matching only, and a report reuses
// what they returned then (docs/when-nothing-matches.md#your-functions-in-a-report).

/** What a mock's custom matchers returned during a match attempt, by position among its expectations (unset: not reached). */
export type SeenResults = Array<MatchResult | undefined>;

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
  #custom = false;

  /** Adds an expectation. */
  add(matcher: Matcher): void {
    this.#matchers.push(matcher);
    if (matcher instanceof CustomMatcherAdapter) this.#custom = true;
  }

  /** Whether a custom matcher (the user's code) is among the expectations. */
  get hasCustom(): boolean {
    return this.#custom;
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
   * {@link Expectations.test}, keeping what each custom matcher it reaches
   * returned in `seen`, at the matcher's position, for the report.
   * @param request - the request as the mock sees it
   * @param mock - the mock, for custom matchers
   * @param seen - where the custom matchers' results go
   */
  testSeen(request: PookRequest, mock: unknown, seen: SeenResults): boolean {
    const matchers = this.#matchers;
    for (let i = 0; i < matchers.length; i++) {
      const matcher = matchers[i]!;
      if (matcher instanceof CustomMatcherAdapter) {
        const result = matcher.match(request, mock);
        seen[i] = result;
        if (!result.pass) return false;
      } else if (!(matcher.test === undefined ? toMatchResult(matcher.match(request, mock), matcher.name).pass : matcher.test(request))) return false;
    }
    return true;
  }

  /**
   * Every expectation's result with its reasons, for a report, without
   * calling a custom matcher: built-in matchers are evaluated (they are
   * pure), custom ones give what they returned during the match attempt
   * (`seen`); the names of those it did not reach are added to `notEvaluated`
   * instead, and have no result.
   * @param request - the request as the mock saw it
   * @param seen - the custom matchers' results from the match attempt, if the mock was tried
   * @param notEvaluated - receives the names of the custom matchers not reached
   */
  resultsSeen(request: PookRequest, seen: SeenResults | undefined, notEvaluated: string[]): MatchResult[] {
    const results: MatchResult[] = [];
    this.#matchers.forEach((matcher, i) => {
      if (matcher instanceof CustomMatcherAdapter) {
        const result = seen?.[i];
        if (result === undefined) notEvaluated.push(matcher.name);
        else results.push(result);
      } else {
        results.push(evaluate(matcher, request, undefined));
      }
    });
    return results;
  }

  /**
   * Every expectation's result with its reasons, evaluated now, custom
   * matchers included (for `mock.explain()`). A matcher that throws fails
   * with the error's message.
   * @param request - the request as the mock sees it
   * @param mock - the mock, for custom matchers
   */
  results(request: PookRequest, mock: unknown): MatchResult[] {
    return this.#matchers.map((matcher) => evaluate(matcher, request, mock));
  }

  /**
   * Whether a URL with a host but no path is expected, and nothing else
   * says which path: such a mock matches every path of that host (pook's
   * rule), which the reports point out (docs/mocks.md#origin-and-path).
   */
  anyPath(): boolean {
    let host = false;
    for (const matcher of this.#matchers) {
      if (matcher instanceof PathMatcher) return false;
      if (matcher instanceof UrlMatcher) {
        if (matcher.expected instanceof RegExp || matcher.expected.pathname !== undefined) return false;
        host = true;
      }
    }
    return host;
  }

  /**
   * The route key the mock can be filed under (src/engine/route-key.ts), when
   * a literal method and a literal path are expected: the path of a literal
   * URL, else a literal `path`. With a literal URL host it is a host key
   * (`GET api.test/users`); without one (no URL, or a RegExp URL), a path
   * key (`GET /users`), which requests to any host look up. Matchers only add conditions, so the
   * key is necessary for a match, never sufficient.
   */
  routeKey(): string | undefined {
    let method: string | undefined;
    let url: { readonly hostname: string; readonly pathname: string } | undefined;
    let host: string | undefined;
    let path: string | undefined;
    for (const matcher of this.#matchers) {
      if (matcher instanceof MethodMatcher) {
        if (method === undefined && typeof matcher.method === 'string' && matcher.method !== '*') method = matcher.method;
      } else if (matcher instanceof UrlMatcher) {
        const expected = matcher.expected;
        if (expected instanceof RegExp) continue;
        if (expected.pathname !== undefined) url ??= { hostname: expected.hostname, pathname: expected.pathname };
        else host ??= expected.hostname;
      } else if (matcher instanceof PathMatcher && typeof matcher.path === 'string') path ??= matcher.path;
    }
    if (method === undefined) return undefined;
    if (url !== undefined) return routeKey(method, url.hostname, url.pathname);
    if (path === undefined) return undefined;
    return routeKey(method, host ?? '', path);
  }
}

/** A matcher's result with its reasons; one that throws fails with the error's message. */
function evaluate(matcher: Matcher, request: PookRequest, mock: unknown): MatchResult {
  try {
    return toMatchResult(matcher.match(request, mock), matcher.name);
  } catch (error) {
    return { pass: false, expectation: matcher.name, reason: `threw ${(error as Error).message}` };
  }
}
