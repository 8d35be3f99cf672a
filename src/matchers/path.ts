import { assertStringOrRegExp } from '../core/arguments.js';
import { PookInvalidArgumentError } from '../core/errors/invalid-argument-error.js';
import type { Matcher, MatchResult } from '../core/matcher.js';
import type { PookRequest } from '../core/pook-request.js';
import { showValue } from '../core/show-value.js';
import { regexFormat } from './regex-format.js';
import { testRegExp } from './regexp.js';

/**
 * Matches the URL path exactly (case and trailing slash count), by RegExp,
 * or by a regex string `re/…/` as Python pook reads it (docs/mocks.md).
 *
 * @example
 * ```ts
 * new PathMatcher(/^\/users\/\d+$/).match(request).pass;
 * ```
 */
export class PathMatcher implements Matcher {
  readonly name = 'path';
  /** The expected path (a regex string compiled to its RegExp). */
  readonly path: string | RegExp;

  /** @param path - an exact path (`'/users'`), a RegExp tested against it, or a regex string `re/…/` */
  constructor(path: string | RegExp) {
    assertStringOrRegExp('path', path);
    this.path = typeof path === 'string' ? (regexFormat('path', path)?.regexp ?? literalPath(path)) : path;
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

/**
 * A literal path normalised as the request URL's path is (percent-encoding,
 * dot segments). Set as a path, never parsed as a URL: `//a/b` is a path
 * whose first segment is empty, not the host `a`.
 * @throws PookInvalidArgumentError when it holds a query or a fragment, which no path can
 */
function literalPath(path: string): string {
  if (/[?#]/.test(path)) {
    throw new PookInvalidArgumentError(
      'path',
      `${JSON.stringify(path)} holds a "${/[?#]/.exec(path)![0]}": a path expectation is the path alone (expect a query with param() or in the URL)`,
    );
  }
  const url = new URL('http://x');
  url.pathname = path.startsWith('/') ? path : `/${path}`;
  return url.pathname;
}
