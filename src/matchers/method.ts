import { assertStringOrRegExp } from '../core/arguments.js';
import type { Matcher, MatchResult } from '../core/matcher.js';
import type { PookRequest } from '../core/pook-request.js';

/**
 * Matches the HTTP method, case-insensitively; `'*'` matches any method.
 *
 * @example
 * ```ts
 * new MethodMatcher('post').match(request).pass;
 * ```
 */
export class MethodMatcher implements Matcher {
  readonly name = 'method';
  /** The expected method, upper case (`'*'` for any). */
  readonly method: string;

  /** @param method - e.g. `'GET'`, `'post'` or `'*'` */
  constructor(method: string) {
    assertStringOrRegExp('method', method);
    this.method = method.toUpperCase();
  }

  /** What this matcher expects, on one line. */
  summary(): string {
    return this.method === '*' ? 'method any' : `method ${this.method}`;
  }

  /** @param request - the request to check */
  match(request: PookRequest): MatchResult {
    const pass = this.method === '*' || this.method === request.method;
    return { pass, expectation: 'method', expected: this.method, actual: request.method };
  }
}
