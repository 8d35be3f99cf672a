import { PookError } from '../../core/errors/pook-error.js';
import type { Mock } from '../mock.js';

/**
 * `pook.assertDone()` found mocks that are not done: each expected more
 * calls than it got. The message is a table of them (method, URL,
 * expectations, calls so far, uses left, definition site), followed by the
 * unmatched request that came closest to each, if any; `mocks` lists them.
 *
 * @example
 * ```ts
 * pook.get('https://api.test/users').reply(200);
 * try { pook.assertDone() } catch (e) {
 *   (e as PookPendingMocksError).mocks[0]?.label; // 'GET https://api.test/users'
 * }
 * ```
 */
export class PookPendingMocksError extends PookError {
  /** The mocks that are not done, in registration order. */
  readonly mocks: readonly Mock[];

  /**
   * @param message - the report
   * @param mocks - the pending mocks
   */
  constructor(message: string, mocks: readonly Mock[]) {
    super(message, 'POOK_PENDING_MOCKS');
    this.mocks = mocks;
  }

  /** The class name, as `error.name` shows it in stack traces and reports (kept when code is minified). */

  override get name(): string {
    return 'PookPendingMocksError';
  }
}
