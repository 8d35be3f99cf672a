import { assertFunction, assertRecord, describe } from '../core/arguments.js';
import { PookInvalidArgumentError } from '../core/errors/invalid-argument-error.js';
import type { InterceptorFactory } from '../core/interceptor.js';
import { recordDefinitionSites } from '../engine/definition-site.js';
import { assertHistoryLimit, type Engine } from '../engine/engine.js';
import { current, replaceInterceptors, setDefaultHistoryLimit } from './current-engine.js';

// Turning pook on and off, and the module-wide settings.

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
   * Recording is most of what defining a mock costs (docs/performance.md):
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
    if (key !== 'historyLimit' && key !== 'definitionSites')
      throw new PookInvalidArgumentError(key, 'unknown configure() option (known: historyLimit, definitionSites)');
  }
  // Every option is checked before any applies: bad input changes nothing.
  if (options.definitionSites !== undefined && typeof options.definitionSites !== 'boolean')
    throw new PookInvalidArgumentError('definitionSites', `expected a boolean, got ${describe(options.definitionSites)}`);
  if (options.historyLimit !== undefined) assertHistoryLimit(options.historyLimit);
  if (options.definitionSites !== undefined) recordDefinitionSites(options.definitionSites);
  if (options.historyLimit !== undefined) setDefaultHistoryLimit(options.historyLimit);
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
/**
 * Wraps `fn` (or decorates a class method): each call activates pook, runs
 * `fn`, then disables and resets, also when it throws or rejects, and
 * returns what `fn` returned.
 * @example `const run = pook.activate(async () => (await fetch('http://api.test')).status);`
 */
export function activate<This, A extends unknown[], R>(
  fn: (this: This, ...args: A) => R,
  context?: ClassMethodDecoratorContext<This, (this: This, ...args: A) => R>,
): (this: This, ...args: A) => R;
export function activate<This, A extends unknown[], R>(
  fn?: (this: This, ...args: A) => R,
  context?: ClassMethodDecoratorContext<This, (this: This, ...args: A) => R>,
): ((this: This, ...args: A) => R) | undefined {
  if (fn === undefined) {
    current().activate();
    return;
  }
  assertFunction('activate', fn);
  if (context !== undefined && (typeof context !== 'object' || context === null || context.kind !== 'method')) {
    throw new PookInvalidArgumentError(
      'activate',
      `as a decorator it applies to class methods only, got ${describe((context as { kind?: unknown } | null)?.kind ?? context)}`,
    );
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
 * Alias of `activate()`.
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
 * Replaces the interceptors: `factory` builds them for the current engine
 * now and for every engine and reset after.
 * @example `pook.setMockEngine(() => [new FetchInterceptor()])`
 */
export function setMockEngine(newFactory: InterceptorFactory): void {
  assertFunction('setMockEngine', newFactory);
  replaceInterceptors(newFactory);
}

/**
 * Detailed reports for the current engine: no-match errors list every
 * candidate mock (not just the closest three), and each decision (which mock
 * answered, blocked, passed to the network) is logged to stderr as
 * `pook: …`. `NODE_DEBUG=pook` logs the same decisions without changing the
 * errors. `debug(false)` turns it off. A `use()` scope opened afterwards from
 * this engine inherits the setting, as a copy (docs/scopes.md).
 * @example `pook.debug()`
 */
export function debug(on = true): void {
  current().debug = on;
}
