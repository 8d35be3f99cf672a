import { assertStringOrRegExp } from '../core/arguments.js';
import type { Matcher, MatchResult } from '../core/matcher.js';
import type { PookRequest } from '../core/pook-request.js';
import { showValue } from '../core/show-value.js';
import { testRegExp } from './regexp.js';

/**
 * Matches the URL path exactly (case and trailing slash count), or by RegExp.
 *
 * @example
 * ```ts
 * new PathMatcher(/^\/users\/\d+$/).match(request).pass;
 * ```
 */
export class PathMatcher implements Matcher {
  readonly name = 'path';
  /** The expected path. */
  readonly path: string | RegExp;

  /** @param path - an exact path (`'/users'`) or a RegExp tested against it */
  constructor(path: string | RegExp) {
    assertStringOrRegExp('path', path);
    // Normalise the literal the same way the request URL is normalised (percent-encoding, dot segments).
    this.path = typeof path === 'string' ? new URL(path.startsWith('/') ? path : `/${path}`, 'http://x').pathname : path;
  }

  /** What this matcher expects, on one line. */
  summary(): string {
    return `path ${showValue(this.path)}`;
  }

  /** @param request - the request to check */
  match(request: PookRequest): MatchResult {
    const actual = request.url.pathname;
    const pass = typeof this.path === 'string' ? this.path === actual : testRegExp(this.path, actual);
    return { pass, expectation: 'path', expected: this.path, actual };
  }
}
