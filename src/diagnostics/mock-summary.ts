import type { Mock } from '../engine/mock.js';
import { colourReport } from './colour.js';
import type { InspectOptions } from './inspect-hook.js';
import { formatLocation } from './location.js';
import { redactSummary } from './redaction.js';
import { plural } from './text.js';

/** `times(1), 0 calls` / `persistent, 3 calls`. */
export function formatUses(mock: Mock): string {
  return `${mock.persisted ? 'persistent' : `times(${mock.timesLimit})`}, ${plural(mock.calls, 'call')}`;
}

// Summaries the label already shows (the method and URL of the mock).
const IN_LABEL = /^(?:method|url) /;

/** What a mock expects besides its method and URL, one summary each, credentials cut short. */
export function extraExpectations(mock: Mock): string[] {
  return mock.expectations.filter((summary) => !IN_LABEL.test(summary)).map(redactSummary);
}

/** `pending`, `done`, `done (expired)` or `done (disposed)`. */
function mockState(mock: Mock): string {
  if (mock.disposed) return 'done (disposed)';
  if (!mock.isDone()) return 'pending';
  return mock.isExpired() ? 'done (expired)' : 'done';
}

/**
 * The `util.inspect` summary of a mock:
 *
 * ```text
 * Mock POST https://api.test/users {
 *   expects: header "accept": "application/json", json: {"name":"ada"}
 *   times(1), 0 calls, pending
 *   defined at test/users.test.ts:12
 * }
 * ```
 */
export function inspectMock(mock: Mock, depth: number, options: InspectOptions = {}): string {
  if (depth < 0) return `[Mock ${mock.label}]`;
  const lines = [`Mock ${mock.label} {`];
  const extra = extraExpectations(mock);
  if (extra.length > 0) lines.push(`  expects: ${extra.join(', ')}`);
  lines.push(`  ${formatUses(mock)}, ${mockState(mock)}`);
  const site = formatLocation(mock.definedAt);
  if (site !== undefined) lines.push(`  defined at ${site}`);
  lines.push('}');
  const text = lines.join('\n');
  return options.colors === true ? colourReport(text) : text;
}
