import { PookError } from './pook-error.js';

/**
 * pook could not perform a request on the real network for a reason of its
 * own (a real network failure keeps its native error instead).
 *
 * @example
 * ```ts
 * err instanceof PookNetworkError && err.code === 'POOK_NETWORK'
 * ```
 */
export class PookNetworkError extends PookError {
  /**
   * @param message - what failed
   */
  constructor(message: string, options?: ErrorOptions) {
    super(message, 'POOK_NETWORK', options);
  }

  override get name(): string {
    return 'PookNetworkError';
  }
}
