import type asyncHooks from 'node:async_hooks';
import { optionalBuiltin } from './builtin.js';

/** The part of `AsyncLocalStorage` pook uses: a value that follows the async context it was set in. */
export interface AsyncContext<T> {
  /** Runs `fn` with `store` as the context's value, then restores the previous one. */
  run<R>(store: T, fn: () => R): R;
  /** Makes `store` the value for the rest of the current synchronous run and what it starts. */
  enterWith(store: T): void;
  /** The value of the current context, if any. */
  getStore(): T | undefined;
}

/**
 * A context for a runtime without node:async_hooks (a browser): the value
 * is that of the latest `run()` still on the stack, else the latest
 * `enterWith()`. It does not follow promises or timers started inside
 * `run()`, so there `use()` scopes are one at a time (docs/browsers.md).
 */
class SynchronousContext<T> implements AsyncContext<T> {
  #store: T | undefined;

  run<R>(store: T, fn: () => R): R {
    const previous = this.#store;
    this.#store = store;
    try {
      return fn();
    } finally {
      this.#store = previous;
    }
  }

  enterWith(store: T): void {
    this.#store = store;
  }

  getStore(): T | undefined {
    return this.#store;
  }
}

/** A new `AsyncLocalStorage` where the runtime has one (Node, Bun, Deno), else a synchronous stand-in. */
export function asyncContext<T>(): AsyncContext<T> {
  const hooks = optionalBuiltin<typeof asyncHooks>('node:async_hooks');
  return hooks === undefined ? new SynchronousContext<T>() : new hooks.AsyncLocalStorage<T>();
}
