import { Engine } from './engine.js';
import { PookInvalidArgumentError } from './errors.js';
import type { InterceptorFactory } from './interceptor.js';
import { FetchInterceptor } from './interceptors/fetch.js';
import { HttpInterceptor } from './interceptors/http.js';
import { Mock } from './mock.js';
import type { MockOptions } from './mock-options.js';
import type { NetworkFilter } from './network.js';
import type { PookRequest } from './request.js';
import { assertFunction, assertRecord, describe } from './validate.js';

// Module-level functions act on the current engine: the innermost live
// `use()` scope, else the global engine (created on first use, never on import).

let interceptorFactory: InterceptorFactory = () => [new FetchInterceptor(), new HttpInterceptor()];
const factory: InterceptorFactory = () => interceptorFactory();
let globalEngine: Engine | undefined;
const scopes: Engine[] = [];

function current(): Engine {
  return scopes[scopes.length - 1] ?? (globalEngine ??= new Engine({ interceptors: factory }));
}

/** Options of {@link use}. */
export interface UseOptions {
  /** Enable real networking in the new engine. */
  readonly network?: boolean;
}

/**
 * An isolated engine that module-level calls act on until disposed. Use it
 * with `using` / `await using`, or call `dispose()`.
 */
export interface PookScope extends Disposable, AsyncDisposable {
  /** The scope's engine. */
  readonly engine: Engine;
  /** Disables the engine and makes the previous one current again. Idempotent. */
  dispose(): void;
}

/**
 * Starts intercepting (idempotent). Given a function, returns a wrapper that
 * activates, runs it (sync or async), then always disables and resets, and
 * returns its result.
 *
 * @example
 * ```ts
 * pook.activate();
 * const test = pook.activate(async () => { pook.get('api.test').reply(204); return (await fetch('http://api.test')).status; });
 * await test(); // 204
 * ```
 */
export function activate(): void;
export function activate<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
export function activate<A extends unknown[], R>(fn?: (...args: A) => R): ((...args: A) => R) | void {
  if (fn === undefined) {
    current().activate();
    return;
  }
  assertFunction('activate', fn);
  return function activated(this: unknown, ...args: A): R {
    current().activate();
    const cleanup = (): void => {
      disable();
      reset();
    };
    let result: R;
    try {
      result = fn.apply(this, args);
    } catch (error) {
      cleanup();
      throw error;
    }
    if (result instanceof Promise) return result.finally(cleanup) as R;
    cleanup();
    return result;
  };
}

/**
 * Alias of {@link activate}.
 * @example `pook.on()`
 */
export const on: typeof activate = activate;

/**
 * Stops intercepting and restores every patched global exactly; mocks are kept. Idempotent.
 * @example `pook.disable()`
 */
export function disable(): void {
  current().disable();
}

/**
 * `disable()` then `reset()`.
 * @example `afterEach(() => pook.off())`
 */
export function off(): void {
  disable();
  reset();
}

/**
 * Flushes mocks, unmatched requests and filters; keeps the networking flag
 * and whether pook is active, and never leaves a patch behind.
 * @example `afterEach(() => pook.reset())`
 */
export function reset(): void {
  current().reset();
}

/**
 * Whether pook is intercepting.
 * @example `pook.isActive()`
 */
export function isActive(): boolean {
  return current().active;
}

/**
 * The current engine.
 * @example `pook.engine().mocks.length`
 */
export function engine(): Engine {
  return current();
}

/**
 * Creates a new isolated engine, activated, that module-level calls act on
 * until the returned scope is disposed. Given a function, runs it in the
 * scope and restores the previous engine afterwards, also when it throws.
 *
 * @example
 * ```ts
 * {
 *   using scope = pook.use();
 *   pook.get('api.test').reply(200);
 * } // disposed: the previous engine is current again
 * await pook.use(async (engine) => { pook.get('api.test').reply(200); });
 * ```
 */
export function use(options?: UseOptions): PookScope;
export function use<R>(fn: (engine: Engine) => R, options?: UseOptions): R;
export function use<R>(arg?: UseOptions | ((engine: Engine) => R), options?: UseOptions): PookScope | R {
  if (typeof arg === 'function') {
    const scope = openScope(options);
    let result: R;
    try {
      result = arg(scope.engine);
    } catch (error) {
      scope.dispose();
      throw error;
    }
    if (result instanceof Promise) return result.finally(() => scope.dispose()) as R;
    scope.dispose();
    return result;
  }
  return openScope(arg);
}

function openScope(options: UseOptions = {}): PookScope {
  assertRecord('options', options);
  for (const key of Object.keys(options)) {
    if (key !== 'network') throw new PookInvalidArgumentError(key, 'unknown use() option (known: network)');
  }
  const scoped = new Engine({ interceptors: factory, network: options.network === true });
  scoped.activate();
  scopes.push(scoped);
  let disposed = false;
  const dispose = (): void => {
    if (disposed) return;
    disposed = true;
    scoped.disable();
    const index = scopes.lastIndexOf(scoped);
    if (index !== -1) scopes.splice(index, 1);
  };
  return {
    engine: scoped,
    dispose,
    [Symbol.dispose]: dispose,
    [Symbol.asyncDispose]: async () => dispose(),
  };
}

function define(method: string, url: string | RegExp | MockOptions | undefined, options: MockOptions | undefined): Mock {
  let init: MockOptions;
  if (url !== undefined && typeof url === 'object' && !(url instanceof RegExp)) {
    if (options !== undefined) throw new PookInvalidArgumentError('options', 'pass either a URL and options, or a single options object');
    init = url;
  } else {
    if (options !== undefined) assertRecord('options', options);
    init = url === undefined ? { ...options } : { ...options, url };
  }
  if (method !== '*' && 'method' in init) throw new PookInvalidArgumentError('method', `the method is already ${method} (use pook.mock() to choose it)`);
  const mock = new Mock(method === '*' ? init : { ...init, method });
  return current().addMock(mock);
}

/**
 * Registers a mock for any method.
 * @example `pook.mock('api.test/users', { method: 'PUT', reply: 204 })`
 */
export function mock(url?: string | RegExp | MockOptions, options?: MockOptions): Mock {
  return define('*', url, options);
}

/**
 * Registers a GET mock.
 * @example `pook.get('https://api.test/users').reply(200).json([])`
 */
export function get(url?: string | RegExp | MockOptions, options?: MockOptions): Mock {
  return define('GET', url, options);
}

/**
 * Registers a POST mock.
 * @example `pook.post('api.test/users').json({ name: 'ada' }).reply(201)`
 */
export function post(url?: string | RegExp | MockOptions, options?: MockOptions): Mock {
  return define('POST', url, options);
}

/**
 * Registers a PUT mock.
 * @example `pook.put('api.test/users/1').reply(204)`
 */
export function put(url?: string | RegExp | MockOptions, options?: MockOptions): Mock {
  return define('PUT', url, options);
}

/**
 * Registers a PATCH mock.
 * @example `pook.patch('api.test/users/1').reply(200)`
 */
export function patch(url?: string | RegExp | MockOptions, options?: MockOptions): Mock {
  return define('PATCH', url, options);
}

/**
 * Registers a DELETE mock (exported as `delete`).
 * @example `pook.delete('api.test/users/1').reply(204)`
 */
export function del(url?: string | RegExp | MockOptions, options?: MockOptions): Mock {
  return define('DELETE', url, options);
}

/**
 * Registers a HEAD mock.
 * @example `pook.head('api.test/health').reply(200)`
 */
export function head(url?: string | RegExp | MockOptions, options?: MockOptions): Mock {
  return define('HEAD', url, options);
}

/**
 * Registers an OPTIONS mock.
 * @example `pook.options('api.test/users').reply(204).header('Allow', 'GET, POST')`
 */
export function options(url?: string | RegExp | MockOptions, opts?: MockOptions): Mock {
  return define('OPTIONS', url, opts);
}

/**
 * Turns real networking on; each host (hostname string or RegExp on the
 * hostname) restricts it further. Hosts accumulate.
 * @example `pook.enableNetwork('localhost', /\.internal$/)`
 */
export function enableNetwork(...hosts: Array<string | RegExp>): void {
  current().enableNetwork(...hosts);
}

/**
 * Turns real networking off; filters are kept.
 * @example `pook.disableNetwork()`
 */
export function disableNetwork(): void {
  current().disableNetwork();
}

/**
 * Adds network filters: an unmatched request may reach the network when any returns true.
 * @example `pook.useNetworkFilter((req) => req.url.port === '8080')`
 */
export function useNetworkFilter(...filters: NetworkFilter[]): void {
  current().useNetworkFilter(...filters);
}

/**
 * Removes every network filter.
 * @example `pook.flushNetworkFilters()`
 */
export function flushNetworkFilters(): void {
  current().flushNetworkFilters();
}

/**
 * Number of mocks not done yet.
 * @example `expect(pook.pending()).toBe(0)`
 */
export function pending(): number {
  return current().pendingMocks().length;
}

/**
 * Whether any mock is not done yet.
 * @example `expect(pook.isPending()).toBe(false)`
 */
export function isPending(): boolean {
  return pending() > 0;
}

/**
 * The mocks not done yet.
 * @example `pook.pendingMocks().map((m) => m.label)`
 */
export function pendingMocks(): Mock[] {
  return current().pendingMocks();
}

/**
 * Every request no mock matched, blocked or passed to the network.
 * @example `pook.unmatchedRequests()[0]?.url.href`
 */
export function unmatchedRequests(): PookRequest[] {
  return current().unmatchedRequests();
}

/**
 * Number of unmatched requests.
 * @example `expect(pook.unmatched()).toBe(0)`
 */
export function unmatched(): number {
  return current().unmatchedRequests().length;
}

/**
 * Whether any request went unmatched.
 * @example `expect(pook.isUnmatched()).toBe(false)`
 */
export function isUnmatched(): boolean {
  return unmatched() > 0;
}

/**
 * Whether every registered mock is done.
 * @example `expect(pook.isDone()).toBe(true)`
 */
export function isDone(): boolean {
  return current().isDone();
}

/**
 * A RegExp, case-insensitive by default.
 * @example `pook.get(pook.regex('api\\.test/users/\\d+'))`
 */
export function regex(source: string | RegExp, flags = 'i'): RegExp {
  if (typeof source !== 'string' && !(source instanceof RegExp)) throw new PookInvalidArgumentError('regex', `expected a string or RegExp, got ${describe(source)}`);
  try {
    return new RegExp(source instanceof RegExp ? source.source : source, flags);
  } catch (cause) {
    throw new PookInvalidArgumentError('regex', (cause as Error).message, { cause });
  }
}

/**
 * Replaces the interceptors: `factory` builds them for the current engine
 * now and for every engine and reset after.
 * @example `pook.setMockEngine(() => [new FetchInterceptor()])`
 */
export function setMockEngine(newFactory: InterceptorFactory): void {
  assertFunction('setMockEngine', newFactory);
  interceptorFactory = newFactory;
  current().setInterceptorFactory(factory);
}

/**
 * Detailed reports: no-match errors list every mock, and each decision is
 * logged to stderr.
 * @example `pook.debug()`
 */
export function debug(on = true): void {
  current().debug = on;
}
