import type { ExchangeObserver } from './observed-exchange.js';
import type { PookRequest } from './pook-request.js';
import type { ResolvedResponse } from './resolved-response.js';

/** What an interceptor must do with a request, as decided by the engine. */
export type Outcome =
  | { readonly type: 'response'; readonly response: ResolvedResponse }
  | { readonly type: 'error'; readonly error: Error }
  | {
      readonly type: 'passthrough';
      /**
       * Set when someone watches real exchanges (recording): the interceptor
       * reports the real response to it, its body teed, never delayed.
       */
      readonly observe?: ExchangeObserver | undefined;
    };

/** The part of the engine an interceptor talks to. */
export interface RequestHandler {
  /**
   * Decides what happens to a request: a mocked response, an error, or the
   * real network. `signal` cancels a pending delay.
   */
  handle(request: PookRequest, options?: { readonly signal?: AbortSignal | undefined }): Promise<Outcome>;
}

/**
 * Adapts one family of HTTP clients: turns each outgoing call into a
 * {@link PookRequest}, asks the engine, and acts on the {@link Outcome}.
 * Interceptors never match. Third parties can add their own with
 * `engine.addInterceptor()`.
 *
 * @example
 * ```ts
 * const logOnly: Interceptor = { name: 'log', activate() {}, disable() {} };
 * pook.engine().addInterceptor(logOnly);
 * ```
 */
export interface Interceptor {
  /** Unique name, e.g. `'fetch'`, `'http'`. */
  readonly name: string;
  /** Installs the patches; idempotent. */
  activate(engine: RequestHandler): void;
  /** Restores every patched global exactly; idempotent. */
  disable(): void;
}

/** Builds the interceptors an engine uses (see `setMockEngine`). */
export type InterceptorFactory = () => Iterable<Interceptor>;
