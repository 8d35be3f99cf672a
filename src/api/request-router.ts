import type { Interceptor, Outcome, RequestHandler } from '../core/interceptor.js';
import type { PookRequest } from '../core/pook-request.js';
import type { Engine } from '../engine/engine.js';
import type { InterceptorHost } from '../engine/interceptor-set.js';

// Routing, not stacking (docs/scopes.md). With scopes running concurrently,
// the top-most patch cannot know whose request it sees; so while any engine
// of the module API is active, one interceptor per name is installed (the
// carrier), and each request it sees is routed, at request time, to the
// engine of the async context it was made in. An engine that is not active,
// or does not use an interceptor of that name, does not get it: the request
// falls back to the next engine out (the enclosing scope, then the global
// engine) that is active and intercepts it, so that disabling a scope inside
// an active engine never opens the network; when none does, it goes on as if
// pook were not installed (docs/scopes.md, "Disabled engines fail closed").

const PASSTHROUGH: Outcome = Object.freeze({ type: 'passthrough' });

/**
 * Installs the interceptors of every engine it hosts as one layer, and
 * routes each intercepted request to the engine `resolve()` names when the
 * request is made.
 *
 * @example
 * ```ts
 * const router = new RequestRouter(() => currentScope()?.engine ?? globalEngine, () => [...enclosingEngines(), globalEngine]);
 * hostEngine(engine, router);
 * engine.activate(); // installs its interceptors unless one of the same name already is
 * ```
 */
export class RequestRouter implements InterceptorHost {
  readonly #resolve: () => Engine | undefined;
  readonly #enclosing: () => Iterable<Engine | undefined>;
  /** The installed interceptor of each name. */
  readonly #carriers = new Map<string, Interceptor>();
  /** What each active engine asked to have installed. */
  readonly #installed = new Map<RequestHandler, Set<Interceptor>>();
  readonly #handlers = new Map<string, RequestHandler>();

  /**
   * @param resolve - the engine of the current async context (called at request time)
   * @param enclosing - the engines around it, innermost first, that a request
   *   falls back to when that engine does not intercept it (called only then)
   */
  constructor(resolve: () => Engine | undefined, enclosing: () => Iterable<Engine | undefined> = () => []) {
    this.#resolve = resolve;
    this.#enclosing = enclosing;
  }

  install(engine: RequestHandler, interceptor: Interceptor): void {
    let wanted = this.#installed.get(engine);
    if (wanted === undefined) {
      wanted = new Set();
      this.#installed.set(engine, wanted);
    }
    wanted.add(interceptor);
    if (this.#carriers.has(interceptor.name)) return;
    interceptor.activate(this.#handler(interceptor.name));
    this.#carriers.set(interceptor.name, interceptor);
  }

  uninstall(engine: RequestHandler, interceptor: Interceptor): void {
    const wanted = this.#installed.get(engine);
    if (wanted === undefined || !wanted.delete(interceptor)) return;
    if (wanted.size === 0) this.#installed.delete(engine);
    if (this.#carriers.get(interceptor.name) !== interceptor) return;
    const successor = this.#find(interceptor.name);
    if (successor === interceptor) return; // the same instance still serves another engine
    // The successor is installed before the old carrier goes, so there is no
    // moment without interception.
    if (successor === undefined) this.#carriers.delete(interceptor.name);
    else {
      successor.activate(this.#handler(successor.name));
      this.#carriers.set(successor.name, successor);
    }
    interceptor.disable();
  }

  /**
   * The engine a request made here and now would be routed to: the engine of
   * the context when it intercepts that client, else the nearest enclosing
   * one that does (undefined: none, it would pass through).
   */
  route(name: string): Engine | undefined {
    const engine = this.#resolve();
    if (engine !== undefined && this.#serves(engine, name)) return engine;
    // The rare path: the context's engine is disabled (or has no interceptor of that name).
    if (this.#installed.size === 0) return undefined;
    for (const outer of this.#enclosing()) if (outer !== undefined && outer !== engine && this.#serves(outer, name)) return outer;
    return undefined;
  }

  /** Whether `engine` is active with an interceptor of that name. */
  #serves(engine: Engine, name: string): boolean {
    const wanted = this.#installed.get(engine);
    if (wanted === undefined) return false;
    for (const interceptor of wanted) if (interceptor.name === name) return true;
    return false;
  }

  #find(name: string): Interceptor | undefined {
    for (const wanted of this.#installed.values()) for (const interceptor of wanted) if (interceptor.name === name) return interceptor;
    return undefined;
  }

  #handler(name: string): RequestHandler {
    let handler = this.#handlers.get(name);
    if (handler === undefined) {
      handler = {
        handle: (request: PookRequest, options?: { readonly signal?: AbortSignal | undefined }): Promise<Outcome> => {
          const engine = this.route(name);
          return engine === undefined ? Promise.resolve(PASSTHROUGH) : engine.handle(request, options);
        },
      };
      this.#handlers.set(name, handler);
    }
    return handler;
  }
}
