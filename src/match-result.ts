import type { Difference } from './matchers/deep-diff.js';
import type { Mock } from './mock.js';
import type { PookRequest } from './request.js';

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
export interface Matcher {
  /** Short label of what the matcher checks (used in reports). */
  readonly name: string;
  /**
   * Checks the request.
   * @param request - the (possibly mapped) request
   * @param mock - the mock being evaluated
   */
  match(request: PookRequest, mock?: Mock): MatchResult | boolean;
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

/** How a mock fared against one request: used for no-match reports. */
export interface MockReport {
  /** The mock that was evaluated. */
  readonly mock: Mock;
  /** Why the mock could not answer before its matchers were even run, if so. */
  readonly state: 'evaluated' | 'expired' | 'filtered';
  /** Every expectation of the mock with its result (empty when not evaluated). */
  readonly results: readonly MatchResult[];
  /** Number of failed expectations. */
  readonly failures: number;
}

/**
 * A mock as a no-match error presents it: its {@link MockReport}, how far it
 * is from the request, and a one-line verdict.
 *
 * @example
 * ```ts
 * const [closest] = (error as PookNoMatchesError).candidates;
 * closest.summary;  // 'matches except for header "accept"'
 * closest.distance; // 2
 * closest.mock.definedAt; // { file: '/repo/test/users.test.ts', line: 12, column: 5 }
 * ```
 */
export interface Candidate extends MockReport {
  /**
   * How far the mock is from the request: the weighted sum of its failed
   * expectations (a host counts 100, a path 10, a method 8, a body 4, a query
   * value 3, a header 2, …) plus 1 when it was expired or filtered. 0 would
   * have matched. Candidates are sorted by it, then by registration order.
   */
  readonly distance: number;
  /**
   * The verdict in words, e.g. `matches except for json`, `matched but
   * expired after 1 call (times(1))`, `skipped by filter`.
   */
  readonly summary: string;
}

/** Normalises what a matcher returned into a {@link MatchResult}. */
export function toMatchResult(value: MatchResult | boolean, expectation: string): MatchResult {
  if (typeof value === 'boolean') return { pass: value, expectation };
  return value;
}
