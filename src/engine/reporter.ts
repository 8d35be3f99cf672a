import type { PookRequest } from '../core/pook-request.js';
import { PookNoMatchesError } from './errors/no-matches-error.js';
import { PookPendingMocksError } from './errors/pending-mocks-error.js';
import { PookUnmatchedRequestsError } from './errors/unmatched-requests-error.js';
import type { Mock, MockReport } from './mock.js';

// The engine decides; it does not write reports. What it needs said — the
// error for a request nothing matched, the assertions' errors, a log line
// per decision — it asks of a Reporter. The diagnostics layer implements it
// (src/diagnostics/reporter.ts) and the module API installs that one
// (src/api/wiring.ts), so the engine never imports the diagnostics
// (docs/architecture.md).

/** What {@link Reporter.noMatch} is told besides the request and the reports. */
export interface NoMatchContext {
  /** How many of the closest mocks the message shows. */
  readonly limit: number;
  /** Whether real networking is on (it did not let this request through). */
  readonly networking: boolean;
  /** Set when an engine filter rejected the request before any mock was tried. */
  readonly rejectedBy?: string | undefined;
}

/** A mock's report on a past unmatched request, without calling any of the user's functions. */
export type ExplainUnmatched = (mock: Mock, request: PookRequest) => MockReport;

/** One decision about a request, for the debug log. */
export type Decision =
  | { readonly type: 'match'; readonly request: PookRequest; readonly mock: Mock }
  | { readonly type: 'passthrough'; readonly request: PookRequest }
  | { readonly type: 'blocked'; readonly request: PookRequest; readonly error: PookNoMatchesError }
  | { readonly type: 'failed'; readonly request: PookRequest; readonly error: Error; readonly mock: Mock | undefined };

/**
 * What the engine asks of the diagnostics layer. Every method builds its
 * error from the data it is given and has no side effect but the log.
 */
export interface Reporter {
  /** The error for a request no mock matched, from every mock's report. */
  noMatch(request: PookRequest, reports: readonly MockReport[], context: NoMatchContext): PookNoMatchesError;
  /**
   * The error `assertDone()` throws for the given pending mocks (never
   * empty); `explain` gives a mock's report on one of the unmatched
   * requests, from what its match attempt saw (it calls none of the user's functions).
   */
  pendingMocks(pending: readonly Mock[], unmatched: readonly PookRequest[], explain: ExplainUnmatched): PookPendingMocksError;
  /** The error `assertNoUnmatched()` throws for the given requests (never empty); `explain` as for {@link Reporter.pendingMocks}. */
  unmatchedRequests(
    requests: readonly PookRequest[],
    mocks: readonly Mock[],
    passedThrough: (request: PookRequest) => boolean,
    explain: ExplainUnmatched,
  ): PookUnmatchedRequestsError;
  /** Whether a decision would be logged: checked per request before anything is built. */
  logs(debug: boolean): boolean;
  /** Logs one decision. */
  log(debug: boolean, decision: Decision): void;
}

/**
 * Plain one-line reports, for an engine used without the module API (which
 * installs the diagnostics layer's full reports before any engine exists).
 */
const PLAIN: Reporter = {
  noMatch: (request, reports) =>
    new PookNoMatchesError(
      `pook: no mock matches ${request.method} ${request.url.href}.`,
      request,
      reports.map((report) => ({ ...report, distance: report.failures, summary: '' })),
    ),
  pendingMocks: (pending) => new PookPendingMocksError(`pook: mocks still pending: ${pending.map((mock) => mock.label).join(', ')}.`, pending),
  unmatchedRequests: (requests) =>
    new PookUnmatchedRequestsError(
      `pook: requests matched no mock: ${requests.map((request) => `${request.method} ${request.url.href}`).join(', ')}.`,
      requests,
    ),
  logs: () => false,
  log: () => {},
};

let installed: Reporter = PLAIN;

/** The reporter engines use. */
export function reporter(): Reporter {
  return installed;
}

/** Installs the reporter every engine uses from now on. Internal: the module API installs the diagnostics layer's. */
export function useReporter(next: Reporter): void {
  installed = next;
}
