import { assertRecord, describe } from '../core/arguments.js';
import { PookInvalidArgumentError } from '../core/errors/invalid-argument-error.js';
import { assertHistoryLimit, type Engine } from '../engine/engine.js';
import { defaultHistoryLimit, enclosingEngine, routedEngine } from './current-engine.js';
import { currentScope, type PookScope, UseScope } from './use-scope.js';

/** Options of `use()`. */
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
/**
 * Runs `fn` in a new scope (an isolated, activated engine bound to the async
 * context it runs in) and disposes the scope when `fn` returns, or settles
 * for an async function, also when it throws; returns what `fn` returned.
 * @example `await pook.use(async (engine) => { pook.get('api.test').reply(200); await run(); });`
 */
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

function openScope(options: UseOptions = {}): UseScope {
  assertRecord('options', options);
  for (const [key, value] of Object.entries(options)) {
    if (key === 'historyLimit') {
      if (value !== undefined) assertHistoryLimit(value);
      continue;
    }
    if (key !== 'network' && key !== 'global') throw new PookInvalidArgumentError(key, 'unknown use() option (known: network, global, historyLimit)');
    if (value !== undefined && typeof value !== 'boolean') throw new PookInvalidArgumentError(key, `expected a boolean, got ${describe(value)}`);
  }
  const engine = routedEngine(options.network === true, (options.historyLimit as number | undefined) ?? defaultHistoryLimit());
  // A scope inherits the debug setting of the engine it is opened in, as it
  // is then (docs/scopes.md, "What a scope inherits").
  engine.debug = enclosingEngine()?.debug ?? false;
  const scope = new UseScope(engine, currentScope(), options.global === true);
  engine.activate();
  return scope;
}
