import { concatBytes } from '../../core/bytes.js';
import type { Outcome } from '../../core/interceptor.js';
import type { ExchangeObserver, ObservedResponse } from '../../core/observed-exchange.js';
import type { PookRequest } from '../../core/pook-request.js';
import { decodeBody } from './content-encoding.js';

type Header = readonly [string, string];
type Head = {
  readonly status: number;
  readonly statusText: string;
  readonly headers: readonly Header[];
  readonly httpVersion: string;
  readonly decoded: boolean;
};

/**
 * The one observation point of a request let through (docs/record-and-replay.md):
 * every interceptor feeds it the real response as its client receives it
 * (head, each body chunk, end or failure), and it reports the exchange to
 * the engine's observer once, when the body is complete. It keeps the
 * chunks (a copy of those the client may reuse) and never holds them back:
 * the client reads at its own pace. Per request it only keeps references;
 * the body is joined and decoded when an observer reads it.
 */
export class ExchangeTap {
  readonly #observe: ExchangeObserver;
  readonly #request: PookRequest;
  readonly #startedAt = Date.now();
  readonly #started = performance.now();
  #wait = 0;
  #head: Head | undefined;
  readonly #chunks: Uint8Array[] = [];
  #size = 0;
  #done = false;

  private constructor(observe: ExchangeObserver, request: PookRequest) {
    this.#observe = observe;
    this.#request = request;
  }

  /** A tap when the engine's outcome asks for one (someone records), else `undefined`. */
  static of(outcome: Outcome, request: PookRequest): ExchangeTap | undefined {
    return outcome.type === 'passthrough' && outcome.observe !== undefined ? new ExchangeTap(outcome.observe, request) : undefined;
  }

  /**
   * The response head. `decoded` says whether the client already undid the
   * `Content-Encoding` of the chunks it will see (fetch, XHR) or reads the
   * bytes as sent (node:http, undici).
   */
  head(status: number, statusText: string, headers: readonly Header[], httpVersion: string, decoded: boolean): void {
    if (this.#head !== undefined) return;
    this.#wait = performance.now() - this.#started;
    this.#head = { status, statusText, headers, httpVersion, decoded };
  }

  /** A body chunk, as the client got it (copied: a client may reuse its buffer). */
  data(chunk: Uint8Array): void {
    this.#keep(chunk, true);
  }

  /** Keeps a chunk, by reference when nobody else holds it (`copy` false). */
  #keep(chunk: Uint8Array, copy: boolean): void {
    if (this.#done || chunk.byteLength === 0) return;
    this.#chunks.push(copy ? new Uint8Array(chunk) : chunk);
    this.#size += chunk.byteLength;
  }

  /** The body is complete: reports the exchange. */
  end(): void {
    const head = this.#head;
    if (this.#done) return;
    if (head === undefined) {
      this.fail(new Error('pook: the real response ended before its head.'));
      return;
    }
    this.#done = true;
    // Nothing is joined or decoded here, on the client's time: the body is
    // made when an observer first reads it (a recording, when it is written).
    this.#report({ response: new TappedResponse(head, this.#chunks, this.#size) });
  }

  /** The real request or its response failed: reported as such (nothing to record). */
  fail(error: Error): void {
    if (this.#done) return;
    this.#done = true;
    this.#chunks.length = 0;
    this.#report({ error });
  }

  #report(outcome: { response: ObservedResponse } | { error: Error }): void {
    const exchange = {
      request: this.#request,
      startedAt: this.#startedAt,
      wait: this.#wait,
      time: performance.now() - this.#started,
      ...outcome,
    };
    try {
      this.#observe(exchange);
    } catch (error) {
      // An observer's failure is not the client's: reported as uncaught, as EventTarget does.
      queueMicrotask(() => {
        throw error;
      });
    }
  }

  /**
   * Reads a copy of a fetch `Response` body (a tee: the client's own body is
   * untouched and read at the client's pace) and reports it. For fetch, whose
   * body is already decoded.
   */
  tapResponse(response: Response): void {
    const headers: Header[] = [];
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') headers.push([name, value]);
    });
    for (const cookie of response.headers.getSetCookie()) headers.push(['set-cookie', cookie]);
    this.head(response.status, response.statusText, headers, 'HTTP/1.1', true);
    if (response.body === null) {
      this.end();
      return;
    }
    const reader = response.clone().body!.getReader();
    const pump = (): void => {
      reader.read().then(
        ({ value, done }) => {
          if (done) this.end();
          else {
            // The clone's own chunk (a tee copies what it gives each branch).
            this.#keep(value, false);
            pump();
          }
        },
        (error: unknown) => this.fail(error instanceof Error ? error : new Error(String(error))),
      );
    };
    pump();
  }
}

/** The observed response of a tap: the chunks as kept, joined and decoded on first read of `body`. */
class TappedResponse implements ObservedResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: readonly Header[];
  readonly httpVersion: string;
  readonly wireSize: number;
  readonly #decoded: boolean;
  #chunks: readonly Uint8Array[] | undefined;
  #body: Uint8Array | undefined;

  constructor(head: Head, chunks: readonly Uint8Array[], size: number) {
    this.status = head.status;
    this.statusText = head.statusText;
    this.headers = head.headers;
    this.httpVersion = head.httpVersion;
    this.wireSize = head.decoded ? -1 : size;
    this.#decoded = head.decoded;
    this.#chunks = chunks;
  }

  get body(): Uint8Array {
    if (this.#body !== undefined) return this.#body;
    const chunks = this.#chunks ?? [];
    const whole = chunks.length === 1 ? chunks[0]! : concatBytes(chunks);
    this.#chunks = undefined;
    let body = whole;
    if (!this.#decoded) {
      try {
        body = decodeBody(this.headers, whole) as Uint8Array;
      } catch {
        // Bytes that do not decode as their header says are kept as sent.
      }
    }
    this.#body = body;
    return body;
  }
}
