import type { MatchResult } from '../core/matcher.js';
import { showValue } from '../core/show-value.js';
import { DIFFERENCE_LIMIT, formatDifference } from '../matchers/deep-diff.js';
import { secret, secretHeaderOf, showSecret } from './redaction.js';
import { cut, LINE_WIDTH, plural } from './text.js';
import { formatValueDifference } from './value-difference.js';

/** Differences listed at most under one expectation; the result's `differences` keeps them all. */
const DIFFERENCES_SHOWN = 20;

/** Renders any expected/actual value compactly on one line. */
function show(value: unknown): string {
  return showValue(value, LINE_WIDTH);
}

/** How many differences, in words: `3 differences`, `25 differences (the first 20 listed)`. */
function countDifferences(count: number): string {
  if (count <= DIFFERENCES_SHOWN) return plural(count, 'difference');
  return `${count >= DIFFERENCE_LIMIT ? `${count} or more` : count} differences (the first ${DIFFERENCES_SHOWN} listed)`;
}

/**
 * One expectation as report lines: `✓ name`, or `✗ name: expected …, got …`,
 * plus one line per difference of a structured value, or the window, line
 * diff or hex dump of two texts or bodies that differ.
 */
export function formatResult(result: MatchResult): string[] {
  const { expectation, reason } = result;
  if (result.pass) return [`✓ ${expectation}`];
  // Credentials are cut short on both sides, as in the request block.
  const sensitive = secretHeaderOf(expectation) !== undefined;
  const showExpected = (value: unknown): string => (sensitive ? showSecret(value, show) : show(value));
  const { expected } = result;
  const actual = sensitive ? secret(result.actual) : result.actual;
  const differences = result.differences ?? [];
  if (differences.length > 1) {
    const lines = [`✗ ${expectation}: ${countDifferences(differences.length)}`];
    for (const difference of differences.slice(0, DIFFERENCES_SHOWN)) lines.push(`    ${cut(formatDifference(difference))}`);
    return lines;
  }
  if (differences.length === 1 && differences[0]!.path.startsWith('$')) return [`✗ ${expectation}: ${cut(formatDifference(differences[0]!))}`];
  if (reason === undefined && !sensitive) {
    const picture = formatValueDifference(expected, actual);
    if (picture !== undefined) return [`✗ ${expectation}: ${picture[0]}`, ...picture.slice(1).map((line) => `    ${line}`)];
  }
  let detail: string | undefined;
  if (reason === undefined) {
    // A custom matcher that returned a bare `false` has nothing more to say.
    if (expected !== undefined || actual !== undefined) {
      const [e, a] = [showExpected(expected), show(actual)];
      // Two credentials cut to the same first characters must not read as equal.
      detail = `expected ${e}, got ${a}${sensitive && e === a ? ' (cut short: they differ further on)' : ''}`;
    }
  } else {
    // "header is missing" alone does not say what was expected.
    detail = expected !== undefined && actual === undefined ? `${reason} (expected ${showExpected(expected)})` : reason;
  }
  return [detail === undefined ? `✗ ${expectation}` : `✗ ${expectation}: ${detail}`];
}
