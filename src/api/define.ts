import { assertRecord } from '../core/arguments.js';
import { PookInvalidArgumentError } from '../core/errors/invalid-argument-error.js';
import { DefinitionSite, definedBy, type StackBoundary } from '../engine/definition-site.js';
import { Mock, type MockOptions } from '../engine/mock.js';
import { current } from './current-engine.js';

// Exported for origin.ts. `caller` is the module function the user called: the definition site is
// captured from its caller, so no pook frame is captured (src/engine/definition-site.ts).
export function define(method: string, url: string | RegExp | MockOptions | undefined, options: MockOptions | undefined, caller: StackBoundary): Mock {
  // First: the fewer pook frames below the capture, the cheaper it is.
  const site = DefinitionSite.capture(caller);
  if (options === undefined && (typeof url === 'string' || url instanceof RegExp) && method !== '*') {
    // `pook.get(url)`, the common call: no options object to build and check.
    return current().addMock(definedBy(site, () => new Mock().method(method).url(url), caller));
  }
  let init: MockOptions;
  if (url !== undefined && typeof url === 'object' && !(url instanceof RegExp)) {
    if (options !== undefined) throw new PookInvalidArgumentError('options', 'pass either a URL and options, or a single options object');
    init = url;
  } else {
    if (options !== undefined) assertRecord('options', options);
    init = url === undefined ? { ...options } : { ...options, url };
  }
  if (method !== '*' && 'method' in init) throw new PookInvalidArgumentError('method', `the method is already ${method} (use pook.mock() to choose it)`);
  const mock = definedBy(site, () => new Mock(method === '*' ? init : { ...init, method }), caller);
  return current().addMock(mock);
}

/**
 * Registers a mock for any method.
 * @example `pook.mock('api.test/users', { method: 'PUT', reply: 204 })`
 */
export function mock(url?: string | RegExp | MockOptions, options?: MockOptions): Mock {
  return define('*', url, options, mock);
}

/**
 * Registers a GET mock.
 * @example `pook.get('https://api.test/users').reply(200).json([])`
 */
export function get(url?: string | RegExp | MockOptions, options?: MockOptions): Mock {
  return define('GET', url, options, get);
}

/**
 * Registers a POST mock.
 * @example `pook.post('api.test/users').json({ name: 'ada' }).reply(201)`
 */
export function post(url?: string | RegExp | MockOptions, options?: MockOptions): Mock {
  return define('POST', url, options, post);
}

/**
 * Registers a PUT mock.
 * @example `pook.put('api.test/users/1').reply(204)`
 */
export function put(url?: string | RegExp | MockOptions, options?: MockOptions): Mock {
  return define('PUT', url, options, put);
}

/**
 * Registers a PATCH mock.
 * @example `pook.patch('api.test/users/1').reply(200)`
 */
export function patch(url?: string | RegExp | MockOptions, options?: MockOptions): Mock {
  return define('PATCH', url, options, patch);
}

/**
 * Registers a DELETE mock (exported as `delete`).
 * @example `pook.delete('api.test/users/1').reply(204)`
 */
export function del(url?: string | RegExp | MockOptions, options?: MockOptions): Mock {
  return define('DELETE', url, options, del);
}

/**
 * Registers a HEAD mock.
 * @example `pook.head('api.test/health').reply(200)`
 */
export function head(url?: string | RegExp | MockOptions, options?: MockOptions): Mock {
  return define('HEAD', url, options, head);
}

/**
 * Registers an OPTIONS mock.
 * @example `pook.options('api.test/users').reply(204).header('Allow', 'GET, POST')`
 */
export function options(url?: string | RegExp | MockOptions, opts?: MockOptions): Mock {
  return define('OPTIONS', url, opts, options);
}
