import type { PookRequest } from '../core/pook-request.js';
import { PookCallCountError } from '../engine/errors/call-count-error.js';
import { PookPendingMocksError } from '../engine/errors/pending-mocks-error.js';
import { PookUnmatchedRequestsError } from '../engine/errors/unmatched-requests-error.js';
import { type Mock, matchesAnyPath } from '../engine/mock.js';
import type { ExplainUnmatched } from '../engine/reporter.js';
import { formatResult } from './expectation-lines.js';
import { formatLocation } from './location.js';
import { extraExpectations, inspectMock } from './mock-summary.js';
import { distance, rankCandidates, summarize } from './ranking.js';
import { formatRequest } from './request-block.js';
import { indent, plural } from './text.js';
import { formatTable } from './text-table.js';

// The reports behind pook.assertDone(), pook.assertNoUnmatched() and
// mock.assertCalled(): each builds the error to throw, once the engine or
// the mock has found something to report.

const EXPECTATIONS_WIDTH = 60;
// A request to another endpoint (host or path differs) or that differs in
// method and more says nothing useful about why a mock was not called; one
// that differs only in its method, or in details (query, headers, body), does.
const ENDPOINT = 10;
const ANOTHER_HOST = 100;

function splitLabel(mock: Mock): [string, string] {
  const space = mock.label.indexOf(' ');
  return [mock.label.slice(0, space), mock.label.slice(space + 1)];
}

function cell(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

/** The closest unmatched request to a mock (same endpoint only), with the failed expectations. */
function closestRequest(mock: Mock, requests: readonly PookRequest[], explain: ExplainUnmatched): string | undefined {
  let best: { request: PookRequest; distance: number; lines: string[]; summary: string } | undefined;
  for (const request of requests) {
    const report = explain(mock, request);
    const d = distance(report);
    if (d >= ENDPOINT || (best !== undefined && d >= best.distance)) continue;
    const lines = report.results.filter((r) => !r.pass).flatMap(formatResult);
    best = { request, distance: d, lines, summary: summarize(report) };
  }
  if (best === undefined) return undefined;
  return [`${best.request.method} ${best.request.url.href} — ${best.summary}`, ...best.lines.map((line) => `   ${line}`)].join('\n');
}

/**
 * The error `assertDone()` throws when mocks are pending: a table of them,
 * then, for each, the unmatched request that came closest.
 */
export function pendingMocksReport(pending: readonly Mock[], unmatched: readonly PookRequest[], explain: ExplainUnmatched): PookPendingMocksError {
  const rows = pending.map((mock, i) => {
    const [method, url] = splitLabel(mock);
    const extra = extraExpectations(mock);
    return [
      String(i + 1),
      method,
      url,
      extra.length === 0 ? '—' : cell(extra.join(', '), EXPECTATIONS_WIDTH),
      String(mock.calls),
      mock.persisted ? '∞' : String(mock.timesLimit - mock.calls),
      formatLocation(mock.definedAt) ?? 'unknown',
    ];
  });
  const table = formatTable(['#', 'METHOD', 'URL', 'EXPECTATIONS', 'CALLS', 'USES LEFT', 'DEFINED AT'], rows);
  const parts = [
    `pook: ${pending.length === 1 ? '1 mock is' : `${pending.length} mocks are`} still pending (not called as often as expected):`,
    '',
    indent(table, '  '),
  ];
  const anyPath = pending.flatMap((mock, i) => (matchesAnyPath(mock) ? [`#${i + 1}`] : []));
  if (anyPath.length > 0) {
    parts.push(
      '',
      `  ${anyPath.join(', ')}: the URL has no path, so ${anyPath.length === 1 ? 'it matches' : 'they match'} any path (write one, or use pook.origin(url).get(path))`,
    );
  }
  const near = pending.map((mock, i) => [i + 1, closestRequest(mock, unmatched, explain)] as const).filter(([, text]) => text !== undefined);
  if (near.length > 0) {
    parts.push('', 'Unmatched requests that came closest:');
    for (const [n, text] of near) parts.push(indent(`${n}. ${text!}`, '  '));
  }
  return new PookPendingMocksError(parts.join('\n'), pending);
}

/**
 * The error `assertNoUnmatched()` throws: every unmatched request, and the
 * mock that comes closest to it now.
 */
export function unmatchedRequestsReport(
  requests: readonly PookRequest[],
  mocks: readonly Mock[],
  passedThrough: (request: PookRequest) => boolean,
  explain: ExplainUnmatched,
): PookUnmatchedRequestsError {
  const parts = [`pook: ${requests.length === 1 ? '1 request' : `${requests.length} requests`} matched no mock:`];
  requests.forEach((request, i) => {
    const lines = formatRequest(request).split('\n');
    lines[0] += passedThrough(request) ? ' (sent to the real network)' : ' (blocked)';
    const [closest] = rankCandidates(mocks.map((mock) => explain(mock, request)));
    if (closest !== undefined && closest.distance < ANOTHER_HOST) {
      const site = formatLocation(closest.mock.definedAt);
      lines.push(`  closest mock: ${closest.mock.label} — ${closest.summary}${site === undefined ? '' : ` (defined at ${site})`}`);
    }
    parts.push('', indent(`${i + 1}. ${lines.join('\n').replace(/\n/g, '\n   ')}`, '  '));
  });
  return new PookUnmatchedRequestsError(parts.join('\n'), requests);
}

/** The error `mock.assertCalled(times)` throws when the calls differ. */
export function callCountReport(mock: Mock, times: number | undefined): PookCallCountError {
  const calls = mock.calls;
  const wanted = times === undefined ? 'at least once' : plural(times, 'time').replace(/^1 time$/, 'once');
  const message = [
    `pook: ${mock.label} was called ${plural(calls, 'time')}, expected ${wanted}.`,
    '',
    indent(inspectMock(mock, 0).replace(/^Mock /, ''), '  '),
  ].join('\n');
  return new PookCallCountError(message, mock, times, calls);
}
