import { describe } from '../core/arguments.js';
import { PookInvalidArgumentError } from '../core/errors/invalid-argument-error.js';
import type { Difference, Matcher, MatchResult } from '../core/matcher.js';
import type { PookRequest } from '../core/pook-request.js';

/**
 * A custom matcher: a function returning a boolean or a {@link MatchResult},
 * or an object with `match(request)` (a {@link Matcher}; its `name`, used in
 * reports, is optional here). `M` is the mock it is given: `CustomMatcher`
 * is this type for `Mock`.
 */
export type CustomMatcherOf<M> = ((request: PookRequest, mock: M) => boolean | MatchResult) | (Omit<Matcher<M>, 'name'> & { readonly name?: string });

/**
 * Adapts a user-supplied matcher (function or object). A matcher that throws
 * counts as a mismatch whose reason is the error message.
 *
 * @example
 * ```ts
 * new CustomMatcherAdapter((req) => req.headers.has('x-id')).match(request, mock);
 * ```
 */
export class CustomMatcherAdapter implements Matcher {
  readonly name: string;
  readonly #matcher: CustomMatcherOf<unknown>;

  /** @param matcher - a function `(req, mock) => boolean | MatchResult` or an object with `match(req)` */
  constructor(matcher: CustomMatcherOf<never>) {
    if (typeof matcher === 'function') {
      this.name = matcher.name === '' ? 'custom matcher' : `custom matcher ${matcher.name}`;
    } else if (typeof matcher === 'object' && matcher !== null && typeof matcher.match === 'function') {
      this.name = typeof matcher.name === 'string' && matcher.name !== '' ? matcher.name : 'custom matcher';
    } else {
      throw new PookInvalidArgumentError('use', `expected a function or an object with a match(request) method, got ${describe(matcher)}`);
    }
    this.#matcher = matcher as CustomMatcherOf<unknown>;
  }

  /** What this matcher expects, on one line: the custom matcher's own summary, else its name. */
  summary(): string {
    const m = this.#matcher;
    if (typeof m !== 'function' && typeof m.summary === 'function') {
      try {
        return String(m.summary());
      } catch {
        return this.name;
      }
    }
    return this.name;
  }

  /**
   * @param request - the request to check
   * @param mock - the mock being evaluated
   */
  match(request: PookRequest, mock: unknown): MatchResult {
    let value: unknown;
    try {
      const m = this.#matcher;
      value = typeof m === 'function' ? m(request, mock) : m.match(request, mock);
    } catch (error) {
      return { pass: false, expectation: this.name, reason: `threw ${asText(error)}` };
    }
    return checkedResult(value, this.name);
  }
}

const KINDS: ReadonlySet<unknown> = new Set(['changed', 'missing', 'extra']);
const isDifference = (d: unknown): d is Difference =>
  typeof d === 'object' && d !== null && typeof (d as Difference).path === 'string' && KINDS.has((d as Difference).kind);

/** A thrown value or a reason as text, even one that is no Error and cannot be turned into a string. */
function asText(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return String(error);
  } catch {
    return describe(error);
  }
}

/**
 * What a user's matcher returned, as a result reports can always render: a
 * boolean, or a MatchResult whose `expectation` defaults to the matcher's
 * name (docs/mocks.md, "Custom matchers"). Anything else, a `pass` that is
 * no boolean or a promise, is a mismatch that says so, never a crash of the
 * no-match report.
 */
function checkedResult(value: unknown, name: string): MatchResult {
  if (typeof value === 'boolean') return { pass: value, expectation: name };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { pass: false, expectation: name, reason: `returned ${describe(value)}, not a boolean or a MatchResult` };
  }
  if (typeof (value as { then?: unknown }).then === 'function') {
    return { pass: false, expectation: name, reason: 'returned a promise: matchers are synchronous (return a boolean or a MatchResult)' };
  }
  const given = value as Partial<Record<keyof MatchResult, unknown>>;
  const expectation = typeof given.expectation === 'string' && given.expectation !== '' ? given.expectation : name;
  const result: { -readonly [K in keyof MatchResult]: MatchResult[K] } = { pass: given.pass === true, expectation };
  if (given.expected !== undefined) result.expected = given.expected;
  if (given.actual !== undefined) result.actual = given.actual;
  if (typeof given.pass !== 'boolean') result.reason = `returned pass: ${describe(given.pass)}, not a boolean`;
  else if (given.reason !== undefined) result.reason = typeof given.reason === 'string' ? given.reason : asText(given.reason);
  if (Array.isArray(given.differences)) {
    const differences = (given.differences as unknown[]).filter(isDifference);
    if (differences.length > 0) result.differences = differences;
  }
  return result;
}
