import { PookError } from '../index.js';

/**
 * Tests that ran at the same time shared one pook scope: a request reached a
 * test's scope from code that runs in no test's own scope while other tests
 * were running, so each of them could see, use and leave pending the others'
 * mocks. Under node:test, it means concurrent tests declared with node:test's
 * own `it`/`test`: declare them with those of `pook/node-test`, which run each
 * body in its own test's scope (docs/runners/node-test.md#concurrent-tests).
 *
 * @example
 * ```ts
 * import { describe, it } from 'pook/node-test'; // not 'node:test'
 * describe('users', { concurrency: true }, () => {
 *   it('loads a user', async () => { pook.get('http://api.test/users/1').reply(200) });
 * });
 * ```
 */
export class PookSharedScopeError extends PookError {
  /** The names of the tests that were running when the shared scope was used, this one first. */
  readonly tests: readonly string[];

  /**
   * @param message - the explanation
   * @param tests - the tests that were running at once
   */
  constructor(message: string, tests: readonly string[]) {
    super(message, 'POOK_SHARED_SCOPE');
    this.tests = tests;
  }

  /** The class name, as `error.name` shows it in stack traces and reports (kept when code is minified). */

  override get name(): string {
    return 'PookSharedScopeError';
  }
}
