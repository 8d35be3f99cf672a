import type { PookRequest } from './pook-request.js';

// What an interceptor reports of a request the engine let through: the real
// response as its client saw it, once the whole body has arrived. Recording
// (pook/har) is built on it; the interceptors never know who listens.

/** The real response of a request let through, as its client received it. */
export interface ObservedResponse {
  /** The status code. */
  readonly status: number;
  /** The reason phrase (`''` when the client does not keep it). */
  readonly statusText: string;
  /** Header pairs in order, as received (`Content-Encoding` and `Content-Length` included). */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  /**
   * The whole body, decoded from its `Content-Encoding` (gzip, deflate, br);
   * the header still says how it was sent. Empty when there was none.
   */
  readonly body: Uint8Array;
  /** How many bytes the body had on the wire (before decoding), or -1 when unknown. */
  readonly wireSize: number;
  /** `'HTTP/1.1'`, `'HTTP/2'`… as far as the client knows. */
  readonly httpVersion: string;
}

/**
 * One observed exchange: the request as the engine saw it and either the
 * real response, or the error the real request ended with.
 */
export type ObservedExchange = {
  readonly request: PookRequest;
  /** When the real request was started, in ms since the epoch. */
  readonly startedAt: number;
  /** ms from the start to the response head. */
  readonly wait: number;
  /** ms from the start to the end of the body (or the failure). */
  readonly time: number;
} & ({ readonly response: ObservedResponse; readonly error?: undefined } | { readonly response?: undefined; readonly error: Error });

/** Told of every exchange of a request let through; must not throw. */
export type ExchangeObserver = (exchange: ObservedExchange) => void;
