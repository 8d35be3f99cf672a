import type { PookRequest } from './request.js';
import type { MockReport } from './match-result.js';

/** Stable string codes carried by every {@link PookError}. */
export type PookErrorCode =
  | 'POOK_ERROR'
  | 'POOK_NO_MATCH'
  | 'POOK_INVALID_ARGUMENT'
  | 'POOK_INVALID_BODY'
  | 'POOK_NETWORK';

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

  override get name(): string {
    return 'PookError';
  }
}

/**
 * A request reached pook, no mock matched it and real networking was not
 * allowed for it. `request` is the request; `candidates` says, for each mock
 * that was tried (closest first), which expectations failed and why.
 *
 * @example
 * ```ts
 * pook.activate();
 * await fetch('http://nowhere.test/').catch((e) => {
 *   const err = e.cause as PookNoMatchesError;
 *   err.candidates[0]?.results.filter((r) => !r.pass);
 * });
 * ```
 */
export class PookNoMatchesError extends PookError {
  /** The request nothing matched. */
  readonly request: PookRequest;
  /** Every registered mock with its per-expectation results, closest first. */
  readonly candidates: readonly MockReport[];

  /**
   * @param message - the full, human-readable report
   * @param request - the unmatched request
   * @param candidates - the per-mock mismatch reports, closest first
   */
  constructor(message: string, request: PookRequest, candidates: readonly MockReport[]) {
    super(message, 'POOK_NO_MATCH');
    this.request = request;
    this.candidates = candidates;
  }

  override get name(): string {
    return 'PookNoMatchesError';
  }
}

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

  override get name(): string {
    return 'PookInvalidArgumentError';
  }
}

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

  override get name(): string {
    return 'PookInvalidBodyError';
  }
}

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

/**
 * Type guard for errors raised by pook.
 *
 * @example
 * ```ts
 * if (isPookError(err) && err.code === 'POOK_NO_MATCH') { ... }
 * ```
 */
export function isPookError(value: unknown): value is PookError {
  return value instanceof PookError;
}
