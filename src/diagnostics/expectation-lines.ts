import type { MatchResult } from '../core/matcher.js';
import { showValue } from '../core/show-value.js';
import { formatDifference } from '../matchers/deep-diff.js';
import { SECRET_HEADERS, secret } from './redaction.js';
import { cut, LINE_WIDTH, plural } from './text.js';

const DIFF_LIMIT = 20; // deepDiff's default limit

/** Renders any expected/actual value compactly on one line. */
function show(value: unknown): string {
  return showValue(value, LINE_WIDTH);
}

/** One expectation as report lines: `✓ name`, or `✗ name: expected …, got …` (plus one line per difference). */
export function formatResult(result: MatchResult): string[] {
  const { expectation, reason, expected } = result;
  // Credentials are cut short here too, as in the request block.
  const header = /^header "([^"]+)"/.exec(expectation)?.[1];
  const actual = header !== undefined && SECRET_HEADERS.has(header) ? secret(result.actual) : result.actual;
  if (result.pass) return [`✓ ${expectation}`];
  const differences = result.differences ?? [];
  if (differences.length > 1) {
    const lines = [
      `✗ ${expectation}: ${differences.length >= DIFF_LIMIT ? `${DIFF_LIMIT} or more differences (the first ${DIFF_LIMIT} listed)` : plural(differences.length, 'difference')}`,
    ];
    for (const difference of differences) lines.push(`    ${cut(formatDifference(difference))}`);
    return lines;
  }
  if (differences.length === 1 && differences[0]!.path.startsWith('$')) return [`✗ ${expectation}: ${cut(formatDifference(differences[0]!))}`];
  let detail: string | undefined;
  if (reason === undefined) {
    // A custom matcher that returned a bare `false` has nothing more to say.
    detail = expected === undefined && actual === undefined ? undefined : `expected ${show(expected)}, got ${show(actual)}`;
  } else {
    // "header is missing" alone does not say what was expected.
    detail = expected !== undefined && actual === undefined ? `${reason} (expected ${show(expected)})` : reason;
  }
  return [detail === undefined ? `✗ ${expectation}` : `✗ ${expectation}: ${detail}`];
}
