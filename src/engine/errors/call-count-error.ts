import { PookError } from '../../core/errors/pook-error.js';
import type { Mock } from '../mock.js';

/**
 * `mock.assertCalled(n?)` found a different number of calls: not exactly
 * `n`, or none when `n` is not given.
 *
 * @example
 * ```ts
 * const mock = pook.get('https://api.test/users').times(2).reply(200).mock;
 * await fetch('https://api.test/users');
 * try { mock.assertCalled(2) } catch (e) {
 *   const err = e as PookCallCountError;
 *   [err.expected, err.actual]; // [2, 1]
 * }
 * ```
 */
export class PookCallCountError extends PookError {
  /** The mock. */
  readonly mock: Mock;
  /** The number of calls asserted, or `undefined` for "at least one". */
  readonly expected: number | undefined;
  /** The number of calls the mock had. */
  readonly actual: number;

  /**
   * @param message - the report
   * @param mock - the mock asserted on
   * @param expected - the asserted number of calls (`undefined`: at least one)
   * @param actual - its calls
   */
  constructor(message: string, mock: Mock, expected: number | undefined, actual: number) {
    super(message, 'POOK_CALL_COUNT');
    this.mock = mock;
    this.expected = expected;
    this.actual = actual;
  }

  /** The class name, as `error.name` shows it in stack traces and reports (kept when code is minified). */

  override get name(): string {
    return 'PookCallCountError';
  }
}
