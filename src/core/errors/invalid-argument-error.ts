import { PookError } from './pook-error.js';

/**
 * A mock, response or API call was given bad input. Thrown where the bad
 * input was written (when the mock is defined), never at request time.
 * `argument` names the offending argument or options key.
 *
 * @example
 * ```ts
 * try { pook.get('') } catch (e) { (e as PookInvalidArgumentError).argument === 'url' }
 * ```
 */
export class PookInvalidArgumentError extends PookError {
  /** Name of the argument or options key that was rejected. */
  readonly argument: string;

  /**
   * @param argument - the name of the argument or options key
   * @param problem - what is wrong with it, as the end of a sentence
   */
  constructor(argument: string, problem: string, options?: ErrorOptions) {
    super(`pook: invalid argument "${argument}": ${problem}.`, 'POOK_INVALID_ARGUMENT', options);
    this.argument = argument;
  }

  /** The class name, as `error.name` shows it in stack traces and reports (kept when code is minified). */

  override get name(): string {
    return 'PookInvalidArgumentError';
  }
}
