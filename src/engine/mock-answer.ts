import type { PookRequest } from '../core/pook-request.js';
import type { ResolvedResponse } from '../core/resolved-response.js';
import { connectionFailure, type NetworkErrorCode } from './connection-failure.js';
import { type DynamicReply, PookResponse, resolveDynamicReply } from './pook-response.js';

/**
 * How a mock answers a request it matched: its response definition, or a
 * reply function computing one per request, or an error to fail with; after
 * a delay. `M` is the mock, which the response points back to and the reply
 * function is given.
 *
 * @example
 * ```ts
 * const answer = new MockAnswer(mock);
 * answer.response.status(201).json({ id: 1 });
 * answer.now(); // the resolved 201, at once
 * ```
 */
export class MockAnswer<M> {
  /** The response definition (what `mock.reply()` returns). */
  readonly response: PookResponse<M>;
  #reply: ((request: PookRequest, mock: M) => DynamicReply | Promise<DynamicReply>) | undefined;
  #error: Error | NetworkErrorCode | undefined;
  /** The delay before the answer, in ms. */
  delay = 0;

  /** @param mock - the mock that answers */
  constructor(mock: M) {
    this.response = new PookResponse(mock);
  }

  /** Answers with what `reply` computes for each request; `undefined` goes back to the response definition. */
  replyWith(reply: ((request: PookRequest, mock: M) => DynamicReply | Promise<DynamicReply>) | undefined): void {
    this.#reply = reply;
  }

  /** Fails every request with this error, or with Node's error for this network error code. */
  failWith(error: Error | NetworkErrorCode): void {
    this.#error = error;
  }

  /**
   * The defined response, at once, when answering needs nothing
   * asynchronous (no reply function, no error); else `undefined`, and
   * {@link MockAnswer.later} answers. Spares the engine a promise per request.
   */
  now(): ResolvedResponse | undefined {
    return this.#error === undefined && this.#reply === undefined ? this.response.resolve() : undefined;
  }

  /**
   * The answer to a matched request: the reply function's response, else the
   * defined one; rejects with the configured error when there is one.
   * @param request - the matched request
   * @param mock - the mock, for the reply function
   */
  async later(request: PookRequest, mock: M): Promise<ResolvedResponse> {
    if (this.#error !== undefined) throw typeof this.#error === 'string' ? connectionFailure(this.#error, request.url) : this.#error;
    if (this.#reply !== undefined) return resolveDynamicReply(await this.#reply(request, mock));
    return this.response.resolve();
  }
}
