import type { PookRequest } from './pook-request.js';

// The contract between a mock and its expectations: a matcher answers with a
// result that says why, never by throwing (docs/mocks.md).

/**
 * One structural difference between an expected and an actual value: a JSON
 * or XML path, or a URL part (`scheme`, `host`, `port`, `path`).
 *
 * @example
 * ```ts
 * const d: Difference = { path: '$.user.name', kind: 'changed', expected: 'ada', actual: 'bob' };
 * ```
 */
export interface Difference {
  /** JSONPath-like location, e.g. `$.user.tags[1]`, or the URL part. */
  readonly path: string;
  /** `changed`: values differ; `missing`: expected key or item absent; `extra`: unexpected key or item. */
  readonly kind: 'changed' | 'missing' | 'extra';
  /** The expected value (absent for `extra`). */
  readonly expected?: unknown;
  /** The actual value (absent for `missing`). */
  readonly actual?: unknown;
  /**
   * The rule that failed, in words, when `expected` alone does not say it:
   * JSON Schema keywords (`expected type string`, `expected one of "a", "b"`,
   * `missing key (required)`). Reports print `path: reason, got actual`.
   */
  readonly reason?: string;
}

/**
 * The outcome of one expectation against one request. Matchers return it;
 * they never throw to say "no".
 *
 * @example
 * ```ts
 * const result: MatchResult = { pass: false, expectation: 'method', expected: 'GET', actual: 'POST' };
 * ```
 */
export interface MatchResult {
  /** Whether the expectation holds. */
  readonly pass: boolean;
  /** What was checked, e.g. `'method'`, `'header "accept"'`, `'json $.user.name'`. */
  readonly expectation: string;
  /** The expected value, for the report. */
  readonly expected?: unknown;
  /** The actual value found on the request, for the report. */
  readonly actual?: unknown;
  /** A sentence explaining the mismatch when expected/actual do not say enough. */
  readonly reason?: string;
  /**
   * Where a structured value differs, part by part: JSON paths for `json` and
   * `xml` (`$.user.name`), URL parts for `url` (`scheme`, `host`, `port`,
   * `path`). Reports list each one.
   */
  readonly differences?: readonly Difference[];
}

/**
 * A request expectation. Built-in matchers implement it; so can yours
 * (pass it to `mock.use()`), or pass a plain function instead.
 *
 * @example
 * ```ts
 * const hasTrace: Matcher = {
 *   name: 'trace header',
 *   match: (req) => ({ pass: req.headers.has('x-trace'), expectation: 'trace header' }),
 * };
 * ```
 */
export interface Matcher<M = unknown> {
  /** Short label of what the matcher checks (used in reports). */
  readonly name: string;
  /**
   * Checks the request.
   * @param request - the (possibly mapped) request
   * @param mock - the mock being evaluated
   */
  match(request: PookRequest, mock?: M): MatchResult | boolean;
  /**
   * Optional fast path: the same verdict as `match(request).pass`, without
   * building the explanation. Matching uses it when present (every request
   * is tried against many mocks, most of which fail); reports always call
   * `match()`.
   */
  test?(request: PookRequest): boolean;
  /**
   * What the matcher expects, on one line, for `util.inspect(mock)` and the
   * pending-mocks table (e.g. `header "accept": "application/json"`).
   * Without it, `name` is shown.
   */
  summary?(): string;
}

/** Normalises what a matcher returned into a {@link MatchResult}. */
export function toMatchResult(value: MatchResult | boolean, expectation: string): MatchResult {
  if (typeof value === 'boolean') return { pass: value, expectation };
  return value;
}
