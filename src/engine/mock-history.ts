import type { PookRequest } from '../core/pook-request.js';

/**
 * What a mock has matched: the number of matches, and the matched requests,
 * of which the most recent `historyLimit` (the engine's) are kept.
 *
 * @example
 * ```ts
 * const history = new MockHistory();
 * history.record(request, 100);
 * history.calls;   // 1
 * history.matches; // [request]
 * ```
 */
export class MockHistory {
  #calls = 0;
  readonly #matches: PookRequest[] = [];
  /** The history limit of the last match (the engine's); {@link MockHistory.matches} keeps that many. */
  #limit = Number.POSITIVE_INFINITY;

  /** Every match, whatever the history limit. */
  get calls(): number {
    return this.#calls;
  }

  /** The matched requests, in order: the most recent `historyLimit` of them. */
  get matches(): readonly PookRequest[] {
    const matches = this.#matches;
    if (matches.length > this.#limit) matches.splice(0, matches.length - this.#limit);
    return matches;
  }

  /**
   * Counts a match and keeps its request.
   * @param request - the request as the mock matched it
   * @param limit - how many requests to keep (the most recent; `0`: none)
   */
  record(request: PookRequest, limit: number): void {
    this.#calls++;
    const matches = this.#matches;
    if (limit > 0) {
      matches.push(request);
      this.#limit = limit;
      // Trimmed in batches (and on read): dropping the oldest on every
      // request would move the whole history each time.
      if (matches.length >= 2 * limit + 16) matches.splice(0, matches.length - limit);
    } else if (matches.length > 0) matches.length = 0;
  }
}
