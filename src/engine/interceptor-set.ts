import type { Interceptor, InterceptorFactory, RequestHandler } from '../core/interceptor.js';

/**
 * Installs an engine's interceptors. A standalone engine activates them
 * itself, as their handler; the engines of the module API (the global engine
 * and every `use()` scope) share one installed layer through the request
 * router, which sends each request to the engine of its async context
 * (docs/scopes.md).
 */
export interface InterceptorHost {
  /** Puts the interceptor to work for the engine (called while the engine activates). */
  install(engine: RequestHandler, interceptor: Interceptor): void;
  /** Stops the interceptor working for the engine; idempotent. */
  uninstall(engine: RequestHandler, interceptor: Interceptor): void;
}

const DIRECT: InterceptorHost = {
  install: (engine, interceptor) => interceptor.activate(engine),
  uninstall: (_engine, interceptor) => interceptor.disable(),
};

/**
 * An engine's interceptors: built by its factory, installed through its host
 * while the engine is active, and rebuilt by `reset()` so that no patch is
 * left behind.
 *
 * @example
 * ```ts
 * const set = new InterceptorSet(engine, () => [new FetchInterceptor()]);
 * set.activate(); // patches fetch, answering with `engine`
 * set.disable();  // restores it
 * ```
 */
export class InterceptorSet {
  readonly #engine: RequestHandler;
  #list: Interceptor[] = [];
  #factory: InterceptorFactory | undefined;
  #active = false;
  #host: InterceptorHost = DIRECT;
  /** The interceptors are exactly what the factory last built (none added, removed or replaced since). */
  #pristine = false;
  #reusable: () => boolean = () => false;

  /**
   * @param engine - the engine the interceptors ask
   * @param factory - builds the interceptors (none without one)
   */
  constructor(engine: RequestHandler, factory: InterceptorFactory | undefined) {
    this.#engine = engine;
    this.#factory = factory;
    if (factory !== undefined) {
      this.#list = [...factory()];
      this.#pristine = true;
    }
  }

  /** The interceptors, in order. */
  get list(): readonly Interceptor[] {
    return this.#list;
  }

  /** Whether they are installed. */
  get active(): boolean {
    return this.#active;
  }

  /** Makes `host` install the interceptors from now on; not while they are installed. */
  useHost(host: InterceptorHost): void {
    if (this.#active) throw new Error('pook: an active engine cannot change how its interceptors are installed.');
    this.#host = host;
  }

  /**
   * Lets {@link InterceptorSet.rebuild} keep the interceptors while
   * `reusable()` says the factory still builds the same ones and nobody
   * added, removed or replaced one since it built them.
   */
  reuseWhile(reusable: () => boolean): void {
    this.#reusable = reusable;
  }

  /** Installs every interceptor. Idempotent. */
  activate(): void {
    if (this.#active) return;
    this.#active = true;
    for (const interceptor of this.#list) this.#host.install(this.#engine, interceptor);
  }

  /** Uninstalls every interceptor, the last first. Idempotent. */
  disable(): void {
    if (!this.#active) return;
    this.#active = false;
    for (const interceptor of [...this.#list].reverse()) this.#host.uninstall(this.#engine, interceptor);
  }

  /** Adds an interceptor, installed at once while active. */
  add(interceptor: Interceptor): void {
    this.#list.push(interceptor);
    this.#pristine = false;
    if (this.#active) this.#host.install(this.#engine, interceptor);
  }

  /** Uninstalls and removes the interceptor of that name; returns whether there was one. */
  remove(name: string): boolean {
    const index = this.#list.findIndex((interceptor) => interceptor.name === name);
    if (index === -1) return false;
    const [removed] = this.#list.splice(index, 1);
    this.#pristine = false;
    this.#host.uninstall(this.#engine, removed!);
    return true;
  }

  /** Uninstalls and removes every interceptor. */
  flush(): void {
    this.#pristine = false;
    for (const interceptor of this.#list.splice(0).reverse()) this.#host.uninstall(this.#engine, interceptor);
  }

  /**
   * Replaces the interceptors with the ones `factory` builds, now and on every
   * rebuild. While active, the new ones are installed before the old ones go,
   * so there is no moment unpatched.
   */
  useFactory(factory: InterceptorFactory): void {
    this.#factory = factory;
    const next = [...factory()];
    if (this.#active) for (const interceptor of next) this.#host.install(this.#engine, interceptor);
    for (const interceptor of this.#list.reverse()) this.#host.uninstall(this.#engine, interceptor);
    this.#list = next;
    this.#pristine = true;
  }

  /** Rebuilds the interceptors from the factory, unless the current ones may be reused. */
  rebuild(): void {
    if (this.#factory !== undefined && !(this.#pristine && this.#reusable())) this.useFactory(this.#factory);
  }
}
