import { PookError } from './pook-error.js';

/**
 * A request body could not be read the way it was asked for, e.g.
 * `request.json` on a body that is not JSON.
 *
 * @example
 * ```ts
 * try { request.json } catch (e) { e instanceof PookInvalidBodyError }
 * ```
 */
export class PookInvalidBodyError extends PookError {
  /**
   * @param message - what could not be read and why
   */
  constructor(message: string, options?: ErrorOptions) {
    super(message, 'POOK_INVALID_BODY', options);
  }

  /** The class name, as `error.name` shows it in stack traces and reports (kept when code is minified). */

  override get name(): string {
    return 'PookInvalidBodyError';
  }
}
