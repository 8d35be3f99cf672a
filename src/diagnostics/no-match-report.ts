import type { PookRequest } from '../core/pook-request.js';
import type { Candidate } from '../engine/errors/no-matches-error.js';
import { matchesAnyPath } from '../engine/mock.js';
import type { NoMatchContext } from '../engine/reporter.js';
import { formatResult } from './expectation-lines.js';
import { formatLocation } from './location.js';
import { formatUses } from './mock-summary.js';
import { formatRequest } from './request-block.js';
import { indent } from './text.js';

// Human-readable reports: the request, and per candidate mock every
// expectation with expected vs actual for the failed ones (docs/when-nothing-matches.md).
// The text is plain: colour is added only when it is written to a terminal
// (see colour.ts), so messages read the same in logs, snapshots and CI.

/** The header names a mock's expectations refer to (`header "x-api-key"` → `x-api-key`). */
function referencedHeaders(candidates: readonly Candidate[]): string[] {
  const names: string[] = [];
  for (const candidate of candidates) {
    for (const result of candidate.results) {
      const name = /^header "([^"]+)"/.exec(result.expectation)?.[1];
      if (name !== undefined && !names.includes(name)) names.push(name);
    }
  }
  return names;
}

/** The line a mock whose URL has no path gets (docs/mocks.md#origin-and-path). */
export const ANY_PATH = 'note: the URL has no path, so this mock matches any path (write one, or use pook.origin(url).get(path))';

/** One candidate: label and verdict, uses and definition site, then every expectation. */
function formatCandidate(candidate: Candidate, position: number): string {
  const { mock } = candidate;
  const site = formatLocation(mock.definedAt);
  const lines = [`${position}. ${mock.label} — ${candidate.summary}`, `   ${formatUses(mock)}${site === undefined ? '' : ` · defined at ${site}`}`];
  if (matchesAnyPath(mock)) lines.push(`   ${ANY_PATH}`);
  for (const result of candidate.results) for (const line of formatResult(result)) lines.push(`   ${line}`);
  // Reports never call the user's functions: those matching did not reach have no result.
  for (const name of candidate.notEvaluated) lines.push(`   · ${name}: not evaluated`);
  if (candidate.state === 'expired' && candidate.failures === 0) lines.push('   hint: .times(n) or .persist() lets a mock answer more calls');
  return lines.join('\n');
}

/** The full message of a no-match error. */
export function formatNoMatch(request: PookRequest, candidates: readonly Candidate[], options: NoMatchContext): string {
  const shown = options.rejectedBy === undefined ? candidates.slice(0, options.limit) : [];
  const parts = [`pook: no mock matches ${request.method} ${request.url.href}`, '', 'Request:', indent(formatRequest(request, referencedHeaders(shown)))];
  if (options.rejectedBy !== undefined) {
    parts.push('', `It was rejected by ${options.rejectedBy} before any mock was tried.`);
  } else if (candidates.length === 0) {
    parts.push('', 'No mocks are registered.');
  } else {
    const note = candidates.length > shown.length ? `closest ${shown.length} of ${candidates.length}; pook.debug() shows all` : 'closest first';
    parts.push('', `Mocks tried (${note}):`);
    shown.forEach((candidate, i) => {
      parts.push('', indent(formatCandidate(candidate, i + 1)));
    });
  }
  parts.push(
    '',
    options.networking
      ? 'Real networking is enabled, but no network filter accepted this request.'
      : 'Real networking is disabled: unmatched requests fail (pook.enableNetwork() lets them through).',
  );
  return parts.join('\n');
}
