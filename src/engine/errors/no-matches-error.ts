import { PookError } from '../../core/errors/pook-error.js';
import type { PookRequest } from '../../core/pook-request.js';
import type { MockReport } from '../mock.js';

/**
 * A mock as a no-match error presents it: its {@link MockReport}, how far it
 * is from the request, and a one-line verdict.
 *
 * @example
 * ```ts
 * const [closest] = (error as PookNoMatchesError).candidates;
 * closest.summary;  // 'matches except for header "accept"'
 * closest.distance; // 2
 * closest.mock.definedAt; // { file: '/repo/test/users.test.ts', line: 12, column: 5 }
 * ```
 */
export interface Candidate extends MockReport {
  /**
   * How far the mock is from the request: the weighted sum of its failed
   * expectations (a host counts 100, a path 10, a method 8, a body 4, a query
   * value 3, a header 2, …) plus 1 when it was expired or filtered. 0 would
   * have matched. Candidates are sorted by it, then by registration order.
   */
  readonly distance: number;
  /**
   * The verdict in words, e.g. `matches except for json`,
   * `matched but expired after 1 call (times(1))`, `skipped by filter`.
   */
  readonly summary: string;
}

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

  /** The class name, as `error.name` shows it in stack traces and reports (kept when code is minified). */

  override get name(): string {
    return 'PookNoMatchesError';
  }
}
