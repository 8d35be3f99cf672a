import { PookError } from '../../core/errors/pook-error.js';
import type { PookRequest } from '../../core/pook-request.js';

/**
 * `pook.assertNoUnmatched()` found requests that no mock matched (blocked, or
 * let through to the real network). The message lists every one with the
 * mock that comes closest to it now; `requests` holds them.
 *
 * @example
 * ```ts
 * pook.enableNetwork('localhost');
 * await fetch('http://localhost:8080/health');
 * try { pook.assertNoUnmatched() } catch (e) {
 *   (e as PookUnmatchedRequestsError).requests[0]?.url.href; // 'http://localhost:8080/health'
 * }
 * ```
 */
export class PookUnmatchedRequestsError extends PookError {
  /** Every unmatched request, in order. */
  readonly requests: readonly PookRequest[];

  /**
   * @param message - the report
   * @param requests - the unmatched requests
   */
  constructor(message: string, requests: readonly PookRequest[]) {
    super(message, 'POOK_UNMATCHED');
    this.requests = requests;
  }

  /** The class name, as `error.name` shows it in stack traces and reports (kept when code is minified). */

  override get name(): string {
    return 'PookUnmatchedRequestsError';
  }
}
