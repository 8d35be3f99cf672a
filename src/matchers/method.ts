import { describe, isToken } from '../core/arguments.js';
import { PookInvalidArgumentError } from '../core/errors/invalid-argument-error.js';
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

  /**
   * @param method - e.g. `'GET'`, `'post'` or `'*'`
   * @throws PookInvalidArgumentError unless it is an HTTP token (RFC 9110), which no request's method can fail to be
   */
  constructor(method: string) {
    if (typeof method !== 'string' || method.length === 0) {
      throw new PookInvalidArgumentError('method', `expected a non-empty string, got ${describe(method)}`);
    }
    if (!isToken(method)) {
      throw new PookInvalidArgumentError(
        'method',
        `${JSON.stringify(method)} is not an HTTP method: a method is a token (letters, digits and !#$%&'*+-.^_\`|~; no spaces or line breaks)`,
      );
    }
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
