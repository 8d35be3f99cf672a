import type { ObservedExchange } from '../core/observed-exchange.js';
import type { PookRequest } from '../core/pook-request.js';
import type { Mock } from './mock.js';

/**
 * What the engine reports about each decision, for tooling. Per request:
 * `match` when a mock answers (then `error` if that mock fails the request
 * on purpose or its reply throws); otherwise `unmatched`, then
 * `passthrough` when the request goes to the real network, or `error` with
 * the `PookNoMatchesError` when it is blocked.
 *
 * @example
 * ```ts
 * pook.engine().on('unmatched', ({ request, passthrough }) => {
 *   console.log(`${request.method} ${request.url.href}`, passthrough ? 'went to the network' : 'was blocked');
 * });
 * ```
 */
export interface EngineEventMap {
  /** A mock matched the request (its match is already counted). */
  readonly match: { readonly request: PookRequest; readonly mock: Mock };
  /** No mock matched the request; `passthrough` says whether it goes to the real network. */
  readonly unmatched: { readonly request: PookRequest; readonly passthrough: boolean };
  /** An unmatched request is sent to the real network. */
  readonly passthrough: { readonly request: PookRequest };
  /**
   * The request fails: blocked (a `PookNoMatchesError`), the mock's
   * `error()`, or a mapper, filter or reply function that threw. `mock` is
   * the mock that answered, if any.
   */
  readonly error: { readonly request: PookRequest; readonly error: Error; readonly mock?: Mock | undefined };
  /**
   * A request let through has completed for real: the real response as its
   * client received it (the body whole and decoded), or the error it ended
   * with. Emitted only for requests decided while someone listened; what
   * recording (`pook/har`) is built on.
   */
  readonly exchange: ObservedExchange;
}

/** A name of an {@link EngineEventMap} event: `'match' | 'unmatched' | 'passthrough' | 'error' | 'exchange'`. */
export type EngineEventName = keyof EngineEventMap;

/**
 * A listener of one engine event.
 * @example `const onMatch: EngineListener<'match'> = ({ mock }) => console.log(mock.label);`
 */
export type EngineListener<K extends EngineEventName> = (event: EngineEventMap[K]) => void;

/**
 * The engine's listeners, by event. Emitting to an event nobody listens to
 * costs one map lookup (callers check {@link EngineEvents.has} before they
 * build the payload). A listener that throws does not change what happens to
 * the request: its error is reported as an uncaught exception, as
 * `EventTarget` does, instead of surfacing as the request's failure.
 *
 * @example
 * ```ts
 * const events = new EngineEvents();
 * events.on('match', ({ request, mock }) => console.log(request.url.href, mock.label));
 * if (events.has('match')) events.emit('match', { request, mock });
 * ```
 */
export class EngineEvents {
  readonly #listeners = new Map<EngineEventName, Array<(event: never) => void>>();

  /** Adds a listener (the same function twice is called twice). */
  on<K extends EngineEventName>(event: K, listener: EngineListener<K>): void {
    const list = this.#listeners.get(event);
    if (list === undefined) this.#listeners.set(event, [listener]);
    else list.push(listener);
  }

  /** Removes one registration of a listener; returns whether one was removed. */
  off<K extends EngineEventName>(event: K, listener: EngineListener<K>): boolean {
    const list = this.#listeners.get(event);
    const index = list?.lastIndexOf(listener) ?? -1;
    if (index === -1) return false;
    list!.splice(index, 1);
    if (list!.length === 0) this.#listeners.delete(event);
    return true;
  }

  /** Whether anyone listens to `event`. */
  has(event: EngineEventName): boolean {
    return this.#listeners.has(event);
  }

  /** Calls every listener of `event` with the payload, in registration order. */
  emit<K extends EngineEventName>(event: K, payload: EngineEventMap[K]): void {
    const list = this.#listeners.get(event);
    if (list === undefined) return;
    for (const listener of [...list]) {
      try {
        (listener as EngineListener<K>)(payload);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
