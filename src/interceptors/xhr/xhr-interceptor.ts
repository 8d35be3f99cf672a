import type { Interceptor, RequestHandler } from '../../core/interceptor.js';
import { PatchSet } from '../shared/patch-set.js';
import { createXhrClass } from './intercepted-xhr.js';

/**
 * Intercepts `XMLHttpRequest` where the environment defines one (jsdom and
 * happy-dom test environments, browsers) by replacing the global class with
 * a subclass: mocked responses are played through the XHR state machine
 * (events, `readyState`, `responseType`, redirects, Content-Encoding,
 * timeout, abort); requests let through are sent by the environment's own
 * XHR. Synchronous requests are refused with a `NetworkError`.
 *
 * @example
 * ```ts
 * // @vitest-environment jsdom
 * const engine = new Engine({ interceptors: () => [new XhrInterceptor()] });
 * engine.activate();
 * ```
 */
export class XhrInterceptor implements Interceptor {
  /** The interceptor's name: `interceptors: ['xhr']` in engine options selects it, and reports and debug lines name it. */
  readonly name = 'xhr';
  readonly #patches = new PatchSet();

  /** Replaces `XMLHttpRequest` on the global object (and on `window` when it is another object). Idempotent. */
  activate(engine: RequestHandler): void {
    const targets = new Set<typeof globalThis>([globalThis]);
    const window = (globalThis as { window?: typeof globalThis }).window;
    if (window !== undefined && window !== null && typeof window === 'object') targets.add(window);
    const found = [...targets].filter((target) => typeof (target as { XMLHttpRequest?: unknown }).XMLHttpRequest === 'function');
    // No XMLHttpRequest yet (no DOM environment): a later activation looks again.
    if (found.length === 0 || !this.#patches.begin()) return;
    for (const target of found) {
      // A window's XMLHttpRequest copied to the global object (a program
      // that made its own jsdom or happy-dom window, docs/clients.md) needs
      // that window's events and classes, not the global object's.
      const own = (scope: typeof globalThis): unknown => (scope as { XMLHttpRequest?: unknown }).XMLHttpRequest;
      const scope = window !== undefined && targets.has(window) && own(target) === own(window) ? window : target;
      this.#patches.patch<typeof XMLHttpRequest>(target, 'XMLHttpRequest', (Base) => createXhrClass(engine, Base, scope));
    }
  }

  /** Puts the environment's `XMLHttpRequest` back. Idempotent. */
  disable(): void {
    this.#patches.restore();
  }
}
