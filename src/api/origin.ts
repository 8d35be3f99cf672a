import { describe } from '../core/arguments.js';
import { PookInvalidArgumentError } from '../core/errors/invalid-argument-error.js';
import type { StackBoundary } from '../engine/definition-site.js';
import type { Mock, MockOptions } from '../engine/mock.js';
import { define } from './define.js';

// The origin + path form nock users think in (docs/mocks.md#origin-and-path):
// `pook.origin('https://api.test').get('/users')` is
// `pook.get('https://api.test/users')`. The path is exact, `'/'` included: a
// URL without a path matches every path (pook's rule, Python pook's), which is
// what made the obvious port of `nock(origin).get('/')` weaker than the test.

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

/** The origin and base path of `pook.origin(base)`, checked. */
function parseBase(base: unknown): { readonly origin: string; readonly basePath: string } {
  if (typeof base !== 'string' || base.trim() === '')
    throw new PookInvalidArgumentError('origin', `expected a URL such as "https://api.test", got ${describe(base)}`);
  const text = base.trim();
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    throw new PookInvalidArgumentError('origin', `unsupported scheme "${scheme}:" in ${JSON.stringify(text)} (use http or https)`);
  }
  let url: URL;
  try {
    url = new URL(scheme === undefined ? `http://${text}` : text);
  } catch (cause) {
    throw new PookInvalidArgumentError('origin', `${JSON.stringify(text)} is not a valid URL`, { cause });
  }
  if (url.hostname === '') throw new PookInvalidArgumentError('origin', `${JSON.stringify(text)} has no host`);
  if (url.search !== '' || url.hash !== '' || /[?#]/.test(text)) {
    throw new PookInvalidArgumentError('origin', `${JSON.stringify(text)} holds a query or a fragment: give them with the path (origin.get('/users?page=2'))`);
  }
  // As written (no scheme: http and https, no port: any port), without the path.
  const authority = (scheme === undefined ? text : text.slice(scheme.length + 3)).replace(/[/].*$/s, '');
  const origin = scheme === undefined ? authority : `${scheme}://${authority}`;
  return { origin, basePath: url.pathname.replace(/\/+$/, '') };
}

/**
 * The mocks of one origin, defined by method and path, as in nock:
 * `pook.origin('https://api.test').get('/users')` expects
 * `GET https://api.test/users`, that path exactly. The origin may carry a
 * base path, which every path is added to (`pook.origin('https://api.test/v1').get('/users')`
 * expects `/v1/users`). A path is a string starting with `/`, with a query
 * if you like (matched like the query of a mock URL: those parameters,
 * extra ones ignored; `.query({...})` for an exact query), or a RegExp
 * tested against the whole request path. Each method returns the new
 * {@link Mock}, registered in the current engine as `pook.get()` does.
 *
 * @example
 * ```ts
 * const api = pook.origin('https://api.test');
 * api.get('/users').reply(200, { json: [] });
 * api.post('/users', { json: { name: 'ada' } }).reply(201);
 * ```
 */
export class PookOrigin {
  /** The origin as given, without its path (`https://api.test`, `api.test:8080`). */
  readonly origin: string;
  /** The base path every path is added to (`''` when none, `/v1`). */
  readonly basePath: string;

  /**
   * @param base - `scheme://host[:port][/base path]`; without a scheme, http and https; without a port, any port
   * @throws PookInvalidArgumentError when it is not such a URL, or holds a query
   */
  constructor(base: string) {
    const { origin, basePath } = parseBase(base);
    this.origin = origin;
    this.basePath = basePath;
  }

  /**
   * A mock of any method at this path (choose it with `method` in the options).
   * @example `api.mock('/users', { method: 'PUT' })`
   */
  mock(path: string | RegExp, options?: MockOptions): Mock {
    return this.#define('*', path, options, this.mock);
  }

  /**
   * A GET mock at this path.
   * @example `pook.origin('https://api.test').get('/users').reply(200, { json: [] })`
   */
  get(path: string | RegExp, options?: MockOptions): Mock {
    return this.#define('GET', path, options, this.get);
  }

  /**
   * A POST mock at this path.
   * @example `api.post('/users').json({ name: 'ada' }).reply(201)`
   */
  post(path: string | RegExp, options?: MockOptions): Mock {
    return this.#define('POST', path, options, this.post);
  }

  /**
   * A PUT mock at this path.
   * @example `api.put('/users/1').reply(204)`
   */
  put(path: string | RegExp, options?: MockOptions): Mock {
    return this.#define('PUT', path, options, this.put);
  }

  /**
   * A PATCH mock at this path.
   * @example `api.patch('/users/1').reply(200)`
   */
  patch(path: string | RegExp, options?: MockOptions): Mock {
    return this.#define('PATCH', path, options, this.patch);
  }

  /**
   * A DELETE mock at this path.
   * @example `api.delete('/users/1').reply(204)`
   */
  delete(path: string | RegExp, options?: MockOptions): Mock {
    return this.#define('DELETE', path, options, this.delete);
  }

  /**
   * A HEAD mock at this path.
   * @example `api.head('/health').reply(200)`
   */
  head(path: string | RegExp, options?: MockOptions): Mock {
    return this.#define('HEAD', path, options, this.head);
  }

  /**
   * An OPTIONS mock at this path.
   * @example `api.options('/users').reply(204)`
   */
  options(path: string | RegExp, options?: MockOptions): Mock {
    return this.#define('OPTIONS', path, options, this.options);
  }

  #define(method: string, path: string | RegExp, options: MockOptions | undefined, caller: StackBoundary): Mock {
    if (options !== undefined && typeof options === 'object' && options !== null && ('url' in options || 'path' in options)) {
      throw new PookInvalidArgumentError('options', 'the origin and the path give the URL: leave url and path out of the options');
    }
    if (path instanceof RegExp) {
      if (this.basePath !== '') {
        throw new PookInvalidArgumentError(
          'path',
          `a RegExp is tested against the whole path: use it on pook.origin(${JSON.stringify(this.origin)}), without the base path`,
        );
      }
      return define(method, this.origin, { ...options, path }, caller);
    }
    if (typeof path !== 'string' || !path.startsWith('/')) {
      throw new PookInvalidArgumentError('path', `expected a path starting with "/" (e.g. "/users") or a RegExp, got ${describe(path)}`);
    }
    return define(method, `${this.origin}${this.basePath}${path}`, options, caller);
  }
}

/**
 * The mocks of one origin, by method and path (the nock way of writing
 * them): `pook.origin('https://api.test').get('/users')` is
 * `pook.get('https://api.test/users')`. The path is exact, and `'/'` is
 * the root path, where `pook.get('https://api.test')` matches every path.
 * @throws PookInvalidArgumentError when `base` is not an http(s) URL, or holds a query
 * @example `const api = pook.origin('https://api.test'); api.get('/users').reply(200, { json: [] });`
 */
export function origin(base: string): PookOrigin {
  return new PookOrigin(base);
}
