import { describe } from '../core/arguments.js';
import { PookInvalidArgumentError } from '../core/errors/invalid-argument-error.js';
import { type Matcher, type MatchResult, toMatchResult } from '../core/matcher.js';
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
    try {
      const m = this.#matcher;
      return toMatchResult(typeof m === 'function' ? m(request, mock) : m.match(request, mock), this.name);
    } catch (error) {
      return { pass: false, expectation: this.name, reason: `threw ${(error as Error)?.message ?? String(error)}` };
    }
  }
}
