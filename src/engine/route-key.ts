import type { PookRequest } from '../core/pook-request.js';

// The key the mock index files mocks under and looks requests up by: the
// method, hostname and path. A mock gets one only when all three are
// literals (src/engine/expectations.ts); a request always has one.

/**
 * The route key of a method, hostname and path.
 *
 * @example
 * ```ts
 * routeKey('GET', 'api.test', '/users'); // 'GET api.test/users'
 * ```
 */
export function routeKey(method: string, hostname: string, pathname: string): string {
  return `${method} ${hostname}${pathname}`;
}

/** The route key of a request: its method, hostname and path. */
export function requestRouteKey(request: PookRequest): string {
  const url = request.url;
  return routeKey(request.method, url.hostname, url.pathname);
}
