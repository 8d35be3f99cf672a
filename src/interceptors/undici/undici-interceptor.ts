import type { Interceptor, RequestHandler } from '../../core/interceptor.js';
import { ExchangeTap } from '../shared/exchange-tap.js';
import { dispatchTap, isBypassed, runDecided } from '../shared/passthrough-guard.js';
import { PatchSet } from '../shared/patch-set.js';
import { type DispatchOptions, readDispatch } from './dispatch-request.js';
import { GLOBAL_DISPATCHERS, slotFilled, watchGlobalDispatchers } from './global-dispatcher-slots.js';
import { type DispatchHandler, HandlerDriver } from './handler-driver.js';
import { claimingHandler, tappedHandler } from './tapped-handler.js';
import { type UndiciModule, watchUndiciModules } from './undici-modules.js';

type Dispatch = (this: object, opts: DispatchOptions, handler: DispatchHandler) => boolean;

/** The origin a Client or Pool dispatches to when `opts.origin` is absent (undici's `kUrl`). */
function ownOrigin(dispatcher: object): string | undefined {
  let target: object | null = dispatcher;
  while (target !== null) {
    const key = Object.getOwnPropertySymbols(target).find((symbol) => symbol.description === 'url');
    if (key !== undefined) {
      const url = (target as Record<symbol, unknown>)[key];
      if (url instanceof URL) return url.origin;
      if (typeof url === 'string') return url;
    }
    target = Object.getPrototypeOf(target) as object | null;
  }
  return undefined;
}

/**
 * The `dispatch` pook puts in place of undici's: reads the request, asks
 * the engine, and answers the handler with the mock, fails it, or calls
 * the original dispatch with the same handler.
 */
function pookDispatch(engine: RequestHandler, original: Dispatch): Dispatch {
  return function dispatch(this: object, opts: DispatchOptions, handler: DispatchHandler): boolean {
    if (isBypassed(opts) || handler === null || typeof handler !== 'object' || opts === null || typeof opts !== 'object') {
      // A recorded fetch's real call: its tap is fed here, from the dispatch.
      const tap = handler !== null && typeof handler === 'object' ? dispatchTap() : undefined;
      return original.call(this, opts, tap === undefined ? handler : claimingHandler(handler, tap));
    }
    const driver = new HandlerDriver(handler);
    driver.start();
    void (async () => {
      try {
        const { request, passthrough } = await readDispatch(opts, ownOrigin(this));
        if (driver.signal.aborted) return;
        const outcome = await engine.handle(request, { signal: driver.signal });
        if (driver.signal.aborted) return;
        if (outcome.type === 'error') driver.fail(outcome.error);
        else if (outcome.type === 'response') await driver.respond(outcome.response, request.method);
        else {
          const tap = ExchangeTap.of(outcome, request);
          const forward = driver.forward();
          runDecided(passthrough, () => original.call(this, passthrough, tap === undefined ? forward : tappedHandler(forward, tap)));
        }
      } catch (error) {
        driver.fail(error instanceof Error ? error : new Error(String(error)));
      }
    })();
    return true;
  };
}

/** The prototype that holds undici's real `dispatch` for Agent, Pool, Client…: `DispatcherBase.prototype`. */
function dispatcherBase(prototype: object | null): object | undefined {
  for (let target = prototype; target !== null && target !== Object.prototype; target = Object.getPrototypeOf(target) as object | null) {
    if (Object.hasOwn(target, 'dispatch') && (target as { constructor?: { name?: string } }).constructor?.name === 'DispatcherBase') return target;
  }
  return undefined;
}

/**
 * Intercepts undici: `request`, `stream`, `fetch` and every `Dispatcher`
 * (`Agent`, `Pool`, `Client`…) passed explicitly, of Node's bundled undici
 * and of every copy of the `undici` package, loaded before or after
 * activation. Two patches, one decision per request:
 *
 * - the global dispatcher slots hold a proxy of the dispatcher they held,
 *   whose `dispatch` asks the engine (so even a `fetch` captured before
 *   activation is intercepted);
 * - `DispatcherBase.prototype.dispatch` of each undici copy asks the engine
 *   too, for dispatchers passed explicitly.
 *
 * A request let through is dispatched by the original dispatcher with the
 * caller's handler; the dispatches it makes itself are not decided again.
 *
 * @example
 * ```ts
 * const engine = new Engine({ interceptors: () => [new UndiciInterceptor()] });
 * engine.activate();
 * ```
 */
export class UndiciInterceptor implements Interceptor {
  /** The interceptor's name: `interceptors: ['undici']` in engine options selects it, and reports and debug lines name it. */
  readonly name = 'undici';
  readonly #patches = new PatchSet();
  readonly #patched = new Set<object>();

  /** Patches the global dispatcher slots and the dispatch of every undici copy. Idempotent. */
  activate(engine: RequestHandler): void {
    if (!this.#patches.begin()) return;
    const slots = new Set<symbol>();
    this.#patches.onRestore(() => this.#patched.clear());
    for (const slot of GLOBAL_DISPATCHERS) if (slotFilled(slot)) this.#patchSlot(engine, slot, slots);
    // A slot still empty (Node has not loaded its undici yet) is patched the
    // moment undici fills it, before any request reaches that dispatcher.
    this.#patches.onRestore(watchGlobalDispatchers((slot) => this.#patchSlot(engine, slot, slots)));
    // Every copy of the undici package, loaded before or while pook is active.
    this.#patches.onRestore(watchUndiciModules((module) => this.#patchModule(engine, module)));
  }

  /** Puts a proxy that asks the engine in a slot (once per activation), and patches its dispatcher's undici copy. */
  #patchSlot(engine: RequestHandler, slot: symbol, slots: Set<symbol>): void {
    if (!this.#patches.active) return;
    const current = (globalThis as Record<symbol, unknown>)[slot];
    if (current === null || typeof current !== 'object') return;
    // A slot patched already and set again (setGlobalDispatcher) keeps the new
    // dispatcher, reached through its undici copy's patched dispatch.
    if (!slots.has(slot)) {
      slots.add(slot);
      this.#patches.patch<object>(globalThis, slot, (dispatcher) => {
        const dispatch = pookDispatch(engine, (dispatcher as { dispatch: Dispatch }).dispatch);
        return new Proxy(dispatcher, {
          get(target, key) {
            if (key === 'dispatch') return (opts: DispatchOptions, handler: DispatchHandler) => dispatch.call(target, opts, handler);
            const value: unknown = Reflect.get(target, key, target);
            return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
          },
        });
      });
    }
    this.#patchPrototype(engine, dispatcherBase(current));
  }

  #patchModule(engine: RequestHandler, undici: UndiciModule | null | undefined): void {
    if (!this.#patches.active || undici === null || typeof undici !== 'object') return;
    this.#patchPrototype(engine, dispatcherBase(undici.Agent?.prototype ?? null));
    this.#patchPrototype(engine, dispatcherBase(undici.Client?.prototype ?? null));
  }

  #patchPrototype(engine: RequestHandler, prototype: object | undefined): void {
    if (prototype === undefined || this.#patched.has(prototype)) return;
    this.#patched.add(prototype);
    this.#patches.patch<Dispatch>(prototype, 'dispatch', (original) => pookDispatch(engine, original));
  }

  /** Restores the slots and every patched `dispatch`. Idempotent. */
  disable(): void {
    this.#patches.restore();
  }
}
