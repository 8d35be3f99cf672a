import type { InterceptorFactory } from '../core/interceptor.js';
import { Engine, hostEngine, reuseInterceptorsOnReset } from '../engine/engine.js';
import { RequestRouter } from './request-router.js';
import { currentScope, enclosingEngines } from './use-scope.js';
import { wireDiagnostics } from './wiring.js';

// Module-level functions act on the current engine: the innermost live
// `use()` scope of the current async context, else the global engine
// (created on first use, never on import). Every engine made here is hosted
// on one router, which installs a single layer of interceptors and sends
// each request to the engine of the context it was made in (docs/scopes.md).

wireDiagnostics();

// The entry point chooses the default interceptors (api/node-runtime.ts for
// Node, src/browser/runtime.ts for browsers), when it is loaded.
let defaultInterceptors: InterceptorFactory = () => [];
let interceptorFactory: InterceptorFactory = defaultInterceptors;
const factory: InterceptorFactory = () => interceptorFactory();
let globalEngine: Engine | undefined;
/** The history limit of the global engine and of new `use()` scopes (configure()). */
let historyLimit = Number.POSITIVE_INFINITY;
// A request whose context engine does not intercept it falls back to the
// scopes around it, then to the global engine (docs/scopes.md).
const router = new RequestRouter(
  () => currentScope()?.engine ?? globalEngine,
  () => [...enclosingEngines(), globalEngine],
);

/** A new engine of the module API: hosted on the router, with the module's interceptors. */
export function routedEngine(network: boolean, limit: number = historyLimit): Engine {
  const engine = new Engine({ interceptors: factory, network, historyLimit: limit });
  hostEngine(engine, router);
  // reset() keeps the default interceptors while setMockEngine() never replaced them.
  reuseInterceptorsOnReset(engine, () => interceptorFactory === defaultInterceptors);
  return engine;
}

/** The engine module-level calls act on: the current scope's, else the global engine (made on first use). */
export function current(): Engine {
  const scoped = currentScope()?.engine;
  if (scoped !== undefined) return scoped;
  globalEngine ??= routedEngine(false);
  return globalEngine;
}

/**
 * The engine a new `use()` scope opens in: the current scope's, else the
 * global engine (`undefined` while it has not been made).
 */
export function enclosingEngine(): Engine | undefined {
  return currentScope()?.engine ?? globalEngine;
}

/** Sets the history limit of the global engine and of the `use()` scopes opened from now on. */
export function setDefaultHistoryLimit(limit: number): void {
  historyLimit = limit;
  if (globalEngine !== undefined) globalEngine.historyLimit = limit;
}

/** The history limit new `use()` scopes get unless they say otherwise. */
export function defaultHistoryLimit(): number {
  return historyLimit;
}

/** Sets the interceptors every engine uses unless `setMockEngine()` replaced them (called once, by an entry point). */
export function useDefaultInterceptors(next: InterceptorFactory): void {
  if (interceptorFactory === defaultInterceptors) interceptorFactory = next;
  defaultInterceptors = next;
}

/** Makes `next` build the interceptors of the current engine now, and of every engine and reset after. */
export function replaceInterceptors(next: InterceptorFactory): void {
  interceptorFactory = next;
  current().setInterceptorFactory(factory);
}
