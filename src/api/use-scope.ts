import { type AsyncContext, asyncContext } from '../core/async-context.js';
import type { Engine } from '../engine/engine.js';

// `use()` scopes live in the async context (AsyncLocalStorage), not on a
// stack: two tests running at once each see their own scope, and so does
// every timer, promise and event handler they start (docs/scopes.md).

// Made on first use, by then with the loader the entry point chose.
let context: AsyncContext<UseScope> | undefined;
const storage = (): AsyncContext<UseScope> => (context ??= asyncContext<UseScope>());
/** Scopes opened with `{ global: true }` and not disposed yet, the latest last. */
const globals: UseScope[] = [];

/**
 * An isolated engine that module-level calls act on, and that requests made
 * in its async context are routed to, until it is disposed. Use it with
 * `using` / `await using`, or call `dispose()`.
 *
 * @example
 * ```ts
 * {
 *   using scope = pook.use();
 *   pook.get('api.test/users').reply(200).json([]);
 *   await fetch('https://api.test/users'); // answered by scope.engine
 * }
 * ```
 */
export interface PookScope extends Disposable, AsyncDisposable {
  /**
   * The scope's engine: its mocks, unmatched requests and network settings.
   * @example `expect(scope.engine.pendingMocks()).toEqual([])`
   */
  readonly engine: Engine;
  /**
   * Whether `dispose()` has run.
   * @example `if (!scope.disposed) scope.dispose()`
   */
  readonly disposed: boolean;
  /**
   * Runs `fn` inside this scope, wherever it is called from (a server's
   * request handler, a fake timer's callback), and returns its result.
   * @example `server.on('request', (req, res) => scope.run(() => handle(req, res)))`
   */
  run<R>(fn: () => R): R;
  /**
   * Disables the engine; the enclosing scope (or the global engine) is
   * current again. The mocks stay readable on `engine`. Idempotent.
   * @example `afterEach(() => scope.dispose())`
   */
  dispose(): void;
}

/** The scope behind {@link PookScope}: an engine, the scope it was opened in, and whether it ended. */
export class UseScope implements PookScope {
  readonly engine: Engine;
  readonly #parent: UseScope | undefined;
  #disposed = false;

  /**
   * @param engine - the scope's (activated) engine
   * @param parent - the scope current where this one was opened
   * @param global - also serve code that runs in no scope while open (`use({ global: true })`)
   */
  constructor(engine: Engine, parent: UseScope | undefined, global = false) {
    this.engine = engine;
    this.#parent = parent;
    if (global) globals.push(this);
  }

  get disposed(): boolean {
    return this.#disposed;
  }

  /** The nearest live scope: this one, or the closest enclosing scope not yet disposed. */
  live(): UseScope | undefined {
    let scope: UseScope | undefined = this;
    // Bounded: each step goes one scope out, and the chain ends at the first scope opened.
    while (scope !== undefined) {
      if (!scope.#disposed) return scope;
      scope = scope.#parent;
    }
    return undefined;
  }

  /** The nearest live scope around this one (the scope current where it was opened, or the closest live one around that). */
  enclosing(): UseScope | undefined {
    return this.#parent?.live();
  }

  run<R>(fn: () => R): R {
    return storage().run(this, fn);
  }

  /**
   * Makes this scope current for the rest of the calling function and what it
   * starts (`AsyncLocalStorage.enterWith`): what `using scope = pook.use()` needs.
   */
  enter(): void {
    storage().enterWith(this);
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.engine.disable();
    const index = globals.lastIndexOf(this);
    if (index !== -1) globals.splice(index, 1);
    // Give the context back to the enclosing scope. A context that still
    // holds this scope elsewhere (enterWith reaches the synchronous caller
    // too) resolves past it anyway, through live().
    if (storage().getStore() === this) storage().enterWith(this.#parent?.live() as UseScope);
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.dispose();
  }
}

/**
 * The innermost live scope of the current async context; else, for code in
 * no scope, the latest global scope (`use({ global: true })`) still live.
 */
export function currentScope(): UseScope | undefined {
  return storage().getStore()?.live() ?? globals.at(-1);
}

/**
 * The engines of the scopes around the current one, innermost first: what a
 * request falls back to when the current scope's engine does not intercept
 * it (disabled, or without an interceptor for its client), so that a
 * disabled scope inside an active engine never opens the network
 * (docs/scopes.md, "Disabled engines fail closed").
 */
export function enclosingEngines(): Engine[] {
  const engines: Engine[] = [];
  // Bounded: each step goes one scope out, and the chain ends at the first scope opened.
  for (let scope = currentScope()?.enclosing(); scope !== undefined; scope = scope.enclosing()) engines.push(scope.engine);
  return engines;
}
