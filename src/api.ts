import { registerCopy } from './copies.js';
import { Engine, assertHistoryLimit, hostEngine, reuseInterceptorsOnReset } from './engine.js';
import { PookInvalidArgumentError } from './errors.js';
import type { InterceptorFactory } from './interceptor.js';
import { FetchInterceptor } from './interceptors/fetch.js';
import { HttpInterceptor } from './interceptors/http.js';
import { UndiciInterceptor } from './interceptors/undici.js';
import { XhrInterceptor } from './interceptors/xhr.js';
import { Mock } from './mock.js';
import type { MockOptions } from './mock-options.js';
import { DefinitionSite, definedBy, recordDefinitionSites } from './definition-site.js';
import type { NetworkFilter } from './network.js';
import type { PookRequest } from './request.js';
import { Router } from './router.js';
import { Scope, currentScope, type PookScope } from './scope.js';
import { assertFunction, assertRecord, describe } from './validate.js';

export type { PookScope } from './scope.js';

// Module-level functions act on the current engine: the innermost live
// `use()` scope of the current async context, else the global engine
// (created on first use, never on import). Every engine made here is hosted
// on one router, which installs a single layer of interceptors and sends
// each request to the engine of the context it was made in (docs/scopes.md).

const defaultInterceptors: InterceptorFactory = () => [new FetchInterceptor(), new UndiciInterceptor(), new HttpInterceptor(), new XhrInterceptor()];
let interceptorFactory: InterceptorFactory = defaultInterceptors;
const factory: InterceptorFactory = () => interceptorFactory();
let globalEngine: Engine | undefined;
/** The history limit of the global engine and of new `use()` scopes (configure()). */
let defaultHistoryLimit = Number.POSITIVE_INFINITY;
const router = new Router(() => currentScope()?.engine ?? globalEngine);

function routed(network: boolean, historyLimit: number = defaultHistoryLimit): Engine {
  const engine = new Engine({ interceptors: factory, network, historyLimit });
  hostEngine(engine, router);
  // reset() keeps the default interceptors while setMockEngine() never replaced them.
  reuseInterceptorsOnReset(engine, () => interceptorFactory === defaultInterceptors);
  return engine;
}

function current(): Engine {
  return currentScope()?.engine ?? (globalEngine ??= routed(false));
}

/** Options of {@link use}. */
export interface UseOptions {
  /** Enable real networking in the new engine. */
  readonly network?: boolean;
  /**
   * Also stand in for the global engine while the scope lives: code running
   * in no scope uses it too (the latest such scope wins). For test runners
   * that run one test at a time but lose the async context between a test's
   * hooks and its body (Jest, node:test), and for code called back from
   * contexts created before the test (a server started in `before()`).
   */
  readonly global?: boolean;
  /**
   * How many requests each mock's `matches` and the scope's unmatched list
   * keep (the most recent; `0`: none). Default: the module-wide value of
   * {@link configure}, itself unlimited unless set.
   */
  readonly historyLimit?: number;
}

/** Options of {@link configure}. */
export interface ConfigureOptions {
  /**
   * How many requests each mock's `matches` and the unmatched list keep: the
   * most recent ones; `0` records none; `Infinity` (the default) keeps them
   * all. `calls`, `times()` and `isDone()` count every request either way.
   */
  readonly historyLimit?: number;
  /**
   * Whether each new mock records where it was defined (`mock.definedAt`,
   * the `file:line` of no-match and pending-mock reports). On by default.
   * Recording costs about 3–5 µs per mock, most of a mock's definition:
   * turn it off when mocks are made in bulk by a loader (a replayed
   * recording, thousands of generated mocks), whose sites would all be the
   * loader's line anyway. Applies to every engine; mocks keep what they got.
   */
  readonly definitionSites?: boolean;
}

/**
 * Module-wide settings: they apply to the global engine at once and to every
 * `use()` scope opened afterwards (a scope's own options win). `reset()`
 * keeps them.
 *
 * @example
 * ```ts
 * // a long-running process with persistent mocks: memory stays flat
 * pook.configure({ historyLimit: 100 });
 * ```
 */
export function configure(options: ConfigureOptions): void {
  assertRecord('options', options);
  for (const key of Object.keys(options)) {
    if (key !== 'historyLimit' && key !== 'definitionSites') throw new PookInvalidArgumentError(key, 'unknown configure() option (known: historyLimit, definitionSites)');
  }
  if (options.definitionSites !== undefined) {
    if (typeof options.definitionSites !== 'boolean') throw new PookInvalidArgumentError('definitionSites', `expected a boolean, got ${describe(options.definitionSites)}`);
    recordDefinitionSites(options.definitionSites);
  }
  if (options.historyLimit !== undefined) {
    assertHistoryLimit(options.historyLimit);
    defaultHistoryLimit = options.historyLimit;
    if (globalEngine !== undefined) globalEngine.historyLimit = options.historyLimit;
  }
}

/**
 * Starts intercepting (idempotent). Given a function, returns a wrapper that
 * activates, runs it (sync or async), then always disables and resets, and
 * returns its result. It is also a standard (TC39) method decorator, as
 * `@pook.on` is in Python.
 *
 * @example
 * ```ts
 * pook.activate();
 * const test = pook.activate(async () => { pook.get('api.test').reply(204); return (await fetch('http://api.test')).status; });
 * await test(); // 204
 * class Client {
 *   @pook.activate
 *   async status() { pook.get('api.test').reply(204); return (await fetch('http://api.test')).status; }
 * }
 * ```
 */
export function activate(): void;
export function activate<This, A extends unknown[], R>(
  fn: (this: This, ...args: A) => R,
  context?: ClassMethodDecoratorContext<This, (this: This, ...args: A) => R>,
): (this: This, ...args: A) => R;
export function activate<This, A extends unknown[], R>(
  fn?: (this: This, ...args: A) => R,
  context?: ClassMethodDecoratorContext<This, (this: This, ...args: A) => R>,
): ((this: This, ...args: A) => R) | void {
  if (fn === undefined) {
    current().activate();
    return;
  }
  assertFunction('activate', fn);
  if (context !== undefined && (typeof context !== 'object' || context === null || context.kind !== 'method')) {
    throw new PookInvalidArgumentError('activate', `as a decorator it applies to class methods only, got ${describe((context as { kind?: unknown } | null)?.kind ?? context)}`);
  }
  return function activated(this: This, ...args: A): R {
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
 * Creates a new isolated engine, activated, bound to the current async
 * context: module-level calls act on it, and every request made in that
 * context (including timers, promises and event handlers started in it) is
 * matched against its mocks and network settings, until the scope is
 * disposed. Concurrent scopes never see each other's mocks; scopes nest, the
 * innermost wins. Given a function, runs it in the scope and disposes the
 * scope afterwards (after it settles, for an async function), also when it
 * throws.
 *
 * @example
 * ```ts
 * {
 *   using scope = pook.use();
 *   pook.get('api.test').reply(200);
 * } // disposed: the enclosing scope (or the global engine) is current again
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
      result = scope.run(() => arg(scope.engine));
    } catch (error) {
      scope.dispose();
      throw error;
    }
    if (result instanceof Promise) return result.finally(() => scope.dispose()) as R;
    scope.dispose();
    return result;
  }
  const scope = openScope(arg);
  scope.enter();
  return scope;
}

function openScope(options: UseOptions = {}): Scope {
  assertRecord('options', options);
  for (const [key, value] of Object.entries(options)) {
    if (key === 'historyLimit') {
      if (value !== undefined) assertHistoryLimit(value);
      continue;
    }
    if (key !== 'network' && key !== 'global') throw new PookInvalidArgumentError(key, 'unknown use() option (known: network, global, historyLimit)');
    if (value !== undefined && typeof value !== 'boolean') throw new PookInvalidArgumentError(key, `expected a boolean, got ${describe(value)}`);
  }
  const engine = routed(options.network === true, (options.historyLimit as number | undefined) ?? defaultHistoryLimit);
  const scope = new Scope(engine, currentScope(), options.global === true);
  engine.activate();
  return scope;
}

// `caller` is the module function the user called: the definition site is
// captured from its caller, so no pook frame is captured (definition-site.ts).
function define(method: string, url: string | RegExp | MockOptions | undefined, options: MockOptions | undefined, caller: Function): Mock {
  // First: the fewer pook frames below the capture, the cheaper it is.
  const site = DefinitionSite.capture(caller);
  if (options === undefined && (typeof url === 'string' || url instanceof RegExp) && method !== '*') {
    // `pook.get(url)`, the common call: no options object to build and check.
    return current().addMock(definedBy(site, () => new Mock().method(method).url(url)));
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
  const mock = definedBy(site, () => new Mock(method === '*' ? init : { ...init, method }));
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
 * Throws a `PookPendingMocksError` when any mock is not done: its message is
 * a table of the pending mocks (method, URL, expectations, calls so far, uses
 * left, where each was defined) and, for each, the unmatched request that
 * came closest to it.
 * @example
 * ```ts
 * afterEach(() => {
 *   pook.assertDone();
 *   pook.assertNoUnmatched();
 * });
 * ```
 */
export function assertDone(): void {
  current().assertDone();
}

/**
 * Throws a `PookUnmatchedRequestsError` when any request went unmatched
 * (blocked, or let through to the real network), listing every one.
 * @example `afterEach(() => pook.assertNoUnmatched())`
 */
export function assertNoUnmatched(): void {
  current().assertNoUnmatched();
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
 * Detailed reports for the current engine: no-match errors list every
 * candidate mock (not just the closest three), and each decision (which mock
 * answered, blocked, passed to the network) is logged to stderr as
 * `pook: …`. `NODE_DEBUG=pook` logs the same decisions without changing the
 * errors. `debug(false)` turns it off.
 * @example `pook.debug()`
 */
export function debug(on = true): void {
  current().debug = on;
}

// Lets a runner integration loaded in the other module system find this
// copy of pook (src/copies.ts).
registerCopy({ use, engine });
