import type { PookRequest } from './request.js';
import type { Mock } from './mock.js';

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

/** Normalises what a matcher returned into a {@link MatchResult}. */
export function toMatchResult(value: MatchResult | boolean, expectation: string): MatchResult {
  if (typeof value === 'boolean') return { pass: value, expectation };
  return value;
}
