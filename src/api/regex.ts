import { describe } from '../core/arguments.js';
import { PookInvalidArgumentError } from '../core/errors/invalid-argument-error.js';

/**
 * A RegExp, case-insensitive by default.
 * @example `pook.get(pook.regex('api\\.test/users/\\d+'))`
 */
export function regex(source: string | RegExp, flags = 'i'): RegExp {
  if (typeof source !== 'string' && !(source instanceof RegExp))
    throw new PookInvalidArgumentError('regex', `expected a string or RegExp, got ${describe(source)}`);
  try {
    return new RegExp(source instanceof RegExp ? source.source : source, flags);
  } catch (cause) {
    throw new PookInvalidArgumentError('regex', (cause as Error).message, { cause });
  }
}
