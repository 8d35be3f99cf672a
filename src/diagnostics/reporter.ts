import { PookNoMatchesError } from '../engine/errors/no-matches-error.js';
import type { Reporter } from '../engine/reporter.js';
import { pendingMocksReport, unmatchedRequestsReport } from './assertion-reports.js';
import { logDecision, shouldLog } from './decision-log.js';
import { formatNoMatch } from './no-match-report.js';
import { rankCandidates } from './ranking.js';

/**
 * The full reports: what the engine's {@link Reporter} port is given by the
 * module API (src/api/wiring.ts). Ranks the mocks' reports, renders them, and
 * logs decisions when asked to.
 *
 * @example
 * ```ts
 * useReporter(diagnosticReporter);
 * ```
 */
export const diagnosticReporter: Reporter = {
  noMatch(request, reports, context) {
    const candidates = rankCandidates(reports);
    return new PookNoMatchesError(formatNoMatch(request, candidates, context), request, candidates);
  },
  pendingMocks: pendingMocksReport,
  unmatchedRequests: unmatchedRequestsReport,
  logs: shouldLog,
  log: logDecision,
};
