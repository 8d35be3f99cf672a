import { colourReport } from './colour.js';
import { defineInspect, type Inspect, type InspectOptions } from './inspect.js';
import type { Candidate } from './match-result.js';
import type { Mock } from './mock.js';
import type { PookRequest } from './request.js';

/** Stable string codes carried by every {@link PookError}. */
export type PookErrorCode =
  | 'POOK_ERROR'
  | 'POOK_NO_MATCH'
  | 'POOK_INVALID_ARGUMENT'
  | 'POOK_INVALID_BODY'
  | 'POOK_NETWORK'
  | 'POOK_PENDING_MOCKS'
  | 'POOK_UNMATCHED'
  | 'POOK_CALL_COUNT';

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

// What `util.inspect` / `console.log` and Node's uncaught-error printer show
// for a pook error: the stack (whose first lines are the whole report), in
// colour only when the output is a colour terminal, then the scalar fields
// (`code`, `argument`, …). The big structured fields (`request`,
// `candidates`, `mocks`) are left to code that reads them.
function inspectError(error: PookError, depth: number, options: InspectOptions, inspect: Inspect | undefined): string {
  const stack = error.stack ?? `${error.name}: ${error.message}`;
  const text = options.colors === true ? colourReport(stack) : stack;
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) fields[key] = value;
  }
  if (depth < 0 || Object.keys(fields).length === 0) return text;
  return `${text} ${typeof inspect === 'function' ? inspect(fields, options) : JSON.stringify(fields)}`;
}
defineInspect(PookError, inspectError);

/**
 * A request reached pook, no mock matched it and real networking was not
 * allowed for it. `request` is the request; `candidates` says, for each mock
 * that was tried (closest first), which expectations failed and why, how far
 * it is from the request and a one-line verdict — the same data the message
 * renders, for tools to render their own way. See
 * docs/when-nothing-matches.md.
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
  /**
   * Every registered mock with its per-expectation results, distance and
   * verdict, closest first (the message shows the closest three unless
   * `pook.debug()` is on). Empty when an engine filter rejected the request.
   */
  readonly candidates: readonly Candidate[];

  /**
   * @param message - the full, human-readable report
   * @param request - the unmatched request
   * @param candidates - the per-mock mismatch reports, closest first
   */
  constructor(message: string, request: PookRequest, candidates: readonly Candidate[]) {
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

  override get name(): string {
    return 'PookPendingMocksError';
  }
}

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

  override get name(): string {
    return 'PookUnmatchedRequestsError';
  }
}

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

  override get name(): string {
    return 'PookCallCountError';
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
