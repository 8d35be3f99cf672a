// The base of every error pook raises, with its stable code and a brand that
// survives a second copy of pook in the process (docs/errors.md).

/** Stable string codes carried by every {@link PookError}. */
export type PookErrorCode =
  | 'POOK_ERROR'
  | 'POOK_NO_MATCH'
  | 'POOK_INVALID_ARGUMENT'
  | 'POOK_INVALID_BODY'
  | 'POOK_PENDING_MOCKS'
  | 'POOK_UNMATCHED'
  | 'POOK_CALL_COUNT'
  | 'POOK_SHARED_SCOPE'
  | 'POOK_MOCK_FILE'
  | 'POOK_SERVER_UNREACHABLE';

/** The registered symbol that marks every pook error, whichever copy of pook made it. */
const BRAND: unique symbol = Symbol.for('pook.error');

/**
 * Base class of every error pook raises. Check with `instanceof PookError`
 * or {@link isPookError}, and branch on the stable {@link PookError.code}.
 *
 * @example
 * ```ts
 * try { await fetch('http://api.test/') } catch (e) {
 *   if (isPookError((e as Error).cause)) console.log((e as any).cause.code)
 * }
 * ```
 */
export class PookError extends Error {
  /** Stable machine-readable code, e.g. `'POOK_NO_MATCH'`. */
  readonly code: PookErrorCode;

  /**
   * @param message - a sentence starting with `pook:`
   * @param code - the stable code of this error
   */
  constructor(message: string, code: PookErrorCode = 'POOK_ERROR', options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }

  /** The class name, as `error.name` shows it in stack traces and reports (kept when code is minified). */

  override get name(): string {
    return 'PookError';
  }
}

// Not an own enumerable field: `util.inspect` and `JSON.stringify` of an
// error show its data, not the brand.
Object.defineProperty(PookError.prototype, BRAND, { value: true });

/**
 * Type guard for errors raised by pook, by any copy of pook loaded in the
 * process (an error made by another copy is no `instanceof` this one's
 * classes, but carries the same registered brand).
 *
 * @example
 * ```ts
 * if (isPookError(err) && err.code === 'POOK_NO_MATCH') { ... }
 * ```
 */
export function isPookError(value: unknown): value is PookError {
  return value instanceof PookError || (typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true);
}
