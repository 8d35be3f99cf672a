import type { MatchResult } from '../core/matcher.js';
import type { Candidate } from '../engine/errors/no-matches-error.js';
import type { MockReport } from '../engine/mock.js';
import { plural } from './text.js';

// How much one failed expectation says "this mock is about another request".
// A different host is another service altogether, so it outweighs any
// combination of near misses on the same host; then the parts that name an
// endpoint (path, method), then the details of a call to it.
const URL_PARTS: Readonly<Record<string, number>> = { host: 100, path: 10, scheme: 5, port: 5 };
const WEIGHTS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^url$/, 100], // a RegExp URL that fails: nothing says which part
  [/^path$/, 10],
  [/^method$/, 8],
  [/^(?:body|json|json schema|xml|file|form)$/, 4],
  [/^query(?: "|$)/, 3],
  [/^(?:header "|content-type$)/, 2],
];
const OTHER = 3; // custom matchers, a mapper that threw
const UNAVAILABLE = 1; // expired or filtered: it could not have answered anyway

/** The weight of one failed expectation. */
export function failureWeight(result: MatchResult): number {
  if (result.expectation === 'url' || result.expectation.startsWith('url ')) {
    if (result.differences !== undefined && result.differences.length > 0) {
      return result.differences.reduce((sum, d) => sum + (URL_PARTS[d.path] ?? OTHER), 0);
    }
    const part = result.expectation.slice(4);
    if (part !== '') return URL_PARTS[part] ?? OTHER;
  }
  for (const [pattern, weight] of WEIGHTS) if (pattern.test(result.expectation)) return weight;
  return OTHER;
}

/** How far a mock is from the request (0 would have matched). */
export function distance(report: MockReport): number {
  let sum = report.state === 'evaluated' ? 0 : UNAVAILABLE;
  for (const result of report.results) if (!result.pass) sum += failureWeight(result);
  return sum;
}

function list(names: readonly string[]): string {
  if (names.length > 4) return `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The verdict on one mock in words: `matches except for json`, `matched but
 * expired after 1 call (times(1))`, `skipped by filter`, …
 */
export function summarize(report: MockReport): string {
  const failed = report.results.filter((r) => !r.pass).map((r) => r.expectation);
  const passed = report.results.length - failed.length;
  const differs = failed.length === 0 ? '' : passed === 0 ? `differs in ${list(failed)}` : `matches except for ${list(failed)}`;
  // With a function of the user's not evaluated, "matches" can only be said of the rest.
  const partly = report.notEvaluated.length > 0;
  const { mock } = report;
  if (report.state === 'expired') {
    const expired = `expired after ${plural(mock.calls, 'call')} (times(${mock.timesLimit}))`;
    if (failed.length > 0) return `${expired}; otherwise ${differs}`;
    return partly ? `${expired}; otherwise matches every evaluated expectation` : `matched but ${expired}`;
  }
  if (report.state === 'filtered') {
    if (failed.length > 0) return `skipped by filter; otherwise ${differs}`;
    return partly ? 'skipped by filter (every evaluated expectation matches)' : 'skipped by filter (every expectation matches)';
  }
  if (failed.length > 0) return differs;
  return partly ? 'matches every evaluated expectation' : 'matches';
}

/**
 * Ranks mock reports closest first: by {@link distance}, then registration
 * order (the order given).
 */
export function rankCandidates(reports: readonly MockReport[]): Candidate[] {
  return reports
    .map((report, index) => ({ candidate: { ...report, distance: distance(report), summary: summarize(report) }, index }))
    .sort((a, b) => a.candidate.distance - b.candidate.distance || a.index - b.index)
    .map(({ candidate }) => candidate);
}
