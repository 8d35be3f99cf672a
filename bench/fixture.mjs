// What every adapter mocks: one origin, a small JSON body, distinct paths.
// Kept apart from the adapters so that every library answers the same bytes.

/** The mocked origin; `.test` is reserved (RFC 2606) and never resolves. */
export const ORIGIN = 'http://api.test';

/** The response body of every mock (39 bytes as JSON). */
export const BODY = Object.freeze({ id: 1, name: 'ada', roles: ['admin'] });

/** `count` distinct paths: `/users/0`, `/users/1`, … (the first is also the single-mock path). */
export function paths(count) {
  return Array.from({ length: count }, (_, i) => `/users/${i}`);
}
