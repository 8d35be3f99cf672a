import type { PookRequest } from '../core/pook-request.js';

// The keys the mock index files mocks under and looks requests up by: the
// method, hostname and path (a host key), or the method and path alone (a
// path key, for a mock that expects a path and no URL: any host). A mock
// gets one only when they are literals (src/engine/expectations.ts); a
// request has both. A hostname never starts with "/" and a path always
// does, so the two kinds of key never collide.

/**
 * The route key of a method, hostname and path.
 *
 * @example
 * ```ts
 * routeKey('GET', 'api.test', '/users'); // 'GET api.test/users' (a host key)
 * routeKey('GET', '', '/users'); // 'GET /users' (a path key)
 * ```
 */
export function routeKey(method: string, hostname: string, pathname: string): string {
  return `${method} ${hostname}${pathname}`;
}

/** Whether a route key is a path key (no host): `GET /users`. */
export function isPathKey(key: string): boolean {
  return key.charCodeAt(key.indexOf(' ') + 1) === 47; // '/'
}

/** The path key of a request: its method and path, whatever the host. */
export function requestPathKey(request: PookRequest): string {
  return routeKey(request.method, '', request.url.pathname);
}

/** The route key of a request: its method, hostname and path. */
export function requestRouteKey(request: PookRequest): string {
  const url = request.url;
  return routeKey(request.method, url.hostname, url.pathname);
}
