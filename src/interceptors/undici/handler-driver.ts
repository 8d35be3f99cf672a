import { isBytes } from '../../core/bytes.js';
import { PookError } from '../../core/errors/pook-error.js';
import type { ResolvedResponse } from '../../core/resolved-response.js';
import { wireResponse } from '../shared/wire-response.js';

// undici's dispatch handlers come in two shapes, and pook must speak both:
// the legacy one (onConnect, onHeaders, onData, onComplete, onError), used by
// undici 6 (Node 22) and by fetch and request in undici 7 (Node 24), and the
// controller one (onRequestStart, onResponseStart, onResponseData,
// onResponseEnd, onResponseError), the only one undici 8 (Node 26 and the
// npm package) calls. undici itself tells them apart by `onRequestStart`.

/** A dispatch handler of either shape. */
export type DispatchHandler = Record<string, unknown> & object;

type Callback = (...args: unknown[]) => unknown;

/** The controller of the controller API, as undici's own RequestController. */
interface Controller {
  abort(reason?: unknown): void;
  pause(): void;
  resume(): void;
  readonly aborted: boolean;
  readonly paused: boolean;
  readonly reason: unknown;
  rawHeaders: Buffer[] | null;
  rawTrailers: Buffer[] | null;
}

/** What a socket would hand over at once: a byte body is split like reads of a socket. */
const READ_SIZE = 64 * 1024;

function* slices(bytes: Uint8Array): Iterable<Buffer> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let offset = 0; offset < buffer.byteLength; offset += READ_SIZE) yield buffer.subarray(offset, offset + READ_SIZE);
}

/** undici's parsed headers: lower-case names, a repeated header as an array of values. */
function parsed(raw: readonly Buffer[]): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toString('latin1').toLowerCase();
    const value = raw[i + 1]!.toString('latin1');
    // Own keys only, and defined, not assigned: `constructor`, `toString`
    // and `__proto__` are header names like any other.
    const existing = Object.hasOwn(headers, name) ? headers[name] : undefined;
    if (Array.isArray(existing)) existing.push(value);
    else
      Object.defineProperty(headers, name, { value: existing === undefined ? value : [existing, value], enumerable: true, writable: true, configurable: true });
  }
  return headers;
}

/**
 * Drives one dispatch handler: starts it, feeds it a mocked response (with
 * backpressure) or an error, and, for a request let through, hands it over
 * to the real dispatcher while keeping the user's abort working.
 */
export class HandlerDriver {
  readonly #handler: DispatchHandler;
  readonly #legacy: boolean;
  readonly #cancel = new AbortController();
  #done = false;
  #paused = false;
  #wake: (() => void) | undefined;
  // Set once the request is handed to the real dispatcher.
  #forwarded = false;
  #realAbort: ((reason?: unknown) => void) | undefined;
  #realController: Controller | undefined;
  #pendingAbort: { reason: unknown } | undefined;
  readonly #controller: Controller;

  /** @param handler - the handler undici (or a client) passed to `dispatch` */
  constructor(handler: DispatchHandler) {
    this.#handler = handler;
    this.#legacy = typeof handler.onRequestStart !== 'function';
    const driver = this;
    this.#controller = {
      abort: (reason) => driver.#abort(reason),
      pause: () => {
        if (driver.#forwarded) driver.#realController?.pause();
        else driver.#paused = true;
      },
      resume: () => (driver.#forwarded ? driver.#realController?.resume() : driver.#resume()),
      get aborted() {
        return driver.#forwarded ? (driver.#realController?.aborted ?? false) : driver.#cancel.signal.aborted;
      },
      get paused() {
        return driver.#forwarded ? (driver.#realController?.paused ?? false) : driver.#paused;
      },
      get reason() {
        return driver.#forwarded ? driver.#realController?.reason : driver.#cancel.signal.reason;
      },
      rawHeaders: null,
      rawTrailers: null,
    };
  }

  /** Aborted by the client: cancels the engine's delay and the mocked body. */
  get signal(): AbortSignal {
    return this.#cancel.signal;
  }

  #call(name: string, ...args: unknown[]): unknown {
    const fn = this.#handler[name];
    return typeof fn === 'function' ? (fn as Callback).apply(this.#handler, args) : undefined;
  }

  /** Tells the handler the request started (undici does it once connected), giving it the abort hook. */
  start(): void {
    if (this.#legacy) this.#call('onConnect', (reason?: unknown) => this.#abort(reason), {});
    else this.#call('onRequestStart', this.#controller, {});
  }

  #abort(reason: unknown): void {
    if (this.#forwarded) {
      if (this.#realAbort) this.#realAbort(reason);
      else if (this.#realController) this.#realController.abort(reason);
      else this.#pendingAbort ??= { reason };
      return;
    }
    if (this.#done) return;
    this.#cancel.abort(reason);
    this.#resume();
    this.fail(reason instanceof Error ? reason : new DOMException('This operation was aborted', 'AbortError'));
  }

  #resume(): void {
    this.#paused = false;
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  /** Fails the request (once), as undici fails a request whose connection failed. */
  fail(error: Error): void {
    if (this.#done) return;
    this.#done = true;
    try {
      if (this.#legacy) this.#call('onError', error);
      else this.#call('onResponseError', this.#controller, error);
    } catch {
      // undici swallows what a handler throws while it is told of an error.
    }
  }

  /**
   * Feeds the handler a mocked response: head, body chunks as the handler
   * accepts them, end. Stops at once when the client aborts.
   */
  async respond(mocked: ResolvedResponse, method: string): Promise<void> {
    if (this.#done) return;
    if (mocked.status < 200) {
      this.fail(new PookError(`pook: a ${mocked.status} status cannot be the final response of an undici request.`));
      return;
    }
    const response = wireResponse(mocked, method);
    const raw: Buffer[] = [];
    for (const [name, value] of response.headers) raw.push(Buffer.from(name, 'latin1'), Buffer.from(value, 'latin1'));
    const noBody = method === 'HEAD' || response.status === 204 || response.status === 304 || response.body === null;
    try {
      this.#call('onRequestSent');
      this.#call('onResponseStarted');
      if (this.#legacy) {
        if (this.#call('onHeaders', response.status, raw, () => this.#resume(), response.statusText) === false) this.#paused = true;
      } else {
        this.#controller.rawHeaders = raw;
        this.#call('onResponseStart', this.#controller, response.status, parsed(raw), response.statusText);
      }
      if (!noBody) {
        const body = response.body!;
        const chunks = isBytes(body) ? slices(body) : body;
        for await (const chunk of chunks as AsyncIterable<Uint8Array>) {
          if (this.#paused) await new Promise<void>((resolve) => (this.#wake = resolve));
          if (this.#done) return;
          if (chunk.byteLength === 0) continue;
          const data = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
          if (this.#legacy) {
            if (this.#call('onData', data) === false) this.#paused = true;
          } else {
            this.#call('onResponseData', this.#controller, data);
          }
        }
      }
      if (this.#done) return;
      this.#done = true;
      if (this.#legacy) {
        this.#call('onComplete', []);
      } else {
        this.#controller.rawTrailers = [];
        this.#call('onResponseEnd', this.#controller, {});
      }
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /**
   * The handler to give the real dispatcher: the same handler, except that
   * it is not started a second time; the real abort hook is kept so the
   * client's abort, bound to pook's, reaches the real request.
   */
  forward(): DispatchHandler {
    this.#forwarded = true;
    const driver = this;
    const handler = this.#handler;
    const started = (abort: ((reason?: unknown) => void) | undefined, controller: Controller | undefined): void => {
      driver.#realAbort = abort;
      driver.#realController = controller;
      const pending = driver.#pendingAbort;
      driver.#pendingAbort = undefined;
      if (pending) driver.#abort(pending.reason);
    };
    return new Proxy(handler, {
      get(target, key) {
        if (key === 'onConnect' && driver.#legacy) return (abort: (reason?: unknown) => void) => started(abort, undefined);
        if (key === 'onRequestStart' && !driver.#legacy) return (controller: Controller) => started(undefined, controller);
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? (value as Callback).bind(target) : value;
      },
    });
  }
}
