import { inspect } from 'node:util';
import type { MatchResult, MockReport } from './match-result.js';
import type { PookRequest } from './request.js';

// Human-readable reports: the request, and per candidate mock which
// expectations failed with expected vs actual (SPEC §7).

const NOTABLE_HEADERS = ['content-type', 'accept', 'authorization', 'content-length', 'user-agent'];
const BODY_EXCERPT = 300;

/** Renders any expected/actual value compactly on one line. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof RegExp) return String(value);
  return inspect(value, { depth: 4, breakLength: Number.POSITIVE_INFINITY, maxArrayLength: 10, maxStringLength: 200 });
}

// A mock for another host (or whose URL RegExp fails) is about a different
// service: however few its other failures, it is never closer than a mock for
// the request's own host.
const FAR = new Set(['url', 'url host']);
const far = (r: MockReport): number => (r.results.some((result) => !result.pass && FAR.has(result.expectation)) ? 1 : 0);

/**
 * Closest first: evaluated mocks before expired and filtered ones, mocks for
 * the request's host before the others, then fewer failed expectations, then
 * registration order.
 */
export function rankReports(reports: MockReport[]): MockReport[] {
  const weight = (r: MockReport): number => (r.state === 'evaluated' ? 0 : 1);
  return reports
    .map((report, index) => ({ report, index }))
    .sort((a, b) => weight(a.report) - weight(b.report) || far(a.report) - far(b.report) || a.report.failures - b.report.failures || a.index - b.index)
    .map(({ report }) => report);
}

/** The request as a short block: method, URL, notable headers, body excerpt. */
export function formatRequest(request: PookRequest): string {
  const lines = [`${request.method} ${request.url.href}`];
  for (const name of NOTABLE_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) lines.push(`  ${name}: ${name === 'authorization' ? `${value.slice(0, 12)}…` : value}`);
  }
  if (request.body !== undefined && request.body.byteLength > 0) {
    const text = request.text;
    const cut = text.length > BODY_EXCERPT ? `${text.slice(0, BODY_EXCERPT)}… (${request.body.byteLength} bytes)` : text;
    lines.push(`  body: ${cut}`);
  }
  return lines.join('\n');
}

function formatResult(result: MatchResult): string {
  if (result.pass) return `      ✓ ${result.expectation}`;
  const { reason, expected, actual } = result;
  let detail: string | undefined;
  if (reason === undefined) {
    // A custom matcher that returned a bare `false` has nothing more to say.
    detail = expected === undefined && actual === undefined ? undefined : `expected ${show(expected)}, got ${show(actual)}`;
  } else {
    // "header is missing" alone does not say what was expected.
    detail = expected !== undefined && actual === undefined ? `${reason} (expected ${show(expected)})` : reason;
  }
  return detail === undefined ? `      ✗ ${result.expectation}` : `      ✗ ${result.expectation}: ${detail}`;
}

function formatReport(report: MockReport, position: number): string {
  const { mock } = report;
  const uses = mock.persisted ? 'persistent' : `times(${mock.timesLimit})`;
  const header = `  ${position}. ${mock.label} (${uses}, ${mock.calls} call${mock.calls === 1 ? '' : 's'})`;
  const lines = [header];
  if (report.state === 'expired') lines.push(`      ✗ expired: matched ${mock.calls} time${mock.calls === 1 ? '' : 's'} already, ${uses}`);
  if (report.state === 'filtered') lines.push('      ✗ skipped by the mock\'s filter');
  for (const result of report.results) if (!result.pass || report.failures > 0) lines.push(formatResult(result));
  return lines.join('\n');
}

/** The full message of a no-match error. */
export function formatNoMatch(
  request: PookRequest,
  reports: readonly MockReport[],
  options: { readonly limit: number; readonly networking: boolean; readonly rejectedBy?: string },
): string {
  const parts = [`pook: no mock matches ${request.method} ${request.url.href}`, '', 'Request:', formatRequest(request).replace(/^/gm, '  ')];
  if (options.rejectedBy !== undefined) {
    parts.push('', `It was rejected by ${options.rejectedBy} before any mock was tried.`);
  } else if (reports.length === 0) {
    parts.push('', 'No mocks are registered.');
  } else {
    const shown = reports.slice(0, options.limit);
    const more = reports.length > shown.length ? ` (closest ${shown.length} of ${reports.length}; pook.debug() shows all)` : '';
    parts.push('', `Mocks tried${more}:`, ...shown.map((report, i) => formatReport(report, i + 1)));
  }
  parts.push(
    '',
    options.networking
      ? 'Real networking is enabled, but no network filter accepted this request.'
      : 'Real networking is disabled: unmatched requests fail (pook.enableNetwork() lets them through).',
  );
  return parts.join('\n');
}
