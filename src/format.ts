import { formatLocation } from './definition-site.js';
import type { Candidate, MatchResult } from './match-result.js';
import { formatDifference } from './matchers/deep-diff.js';
import type { Mock } from './mock.js';
import type { PookRequest } from './request.js';
import { showValue } from './show-value.js';

// Human-readable reports: the request, and per candidate mock every
// expectation with expected vs actual for the failed ones (SPEC §7). The text
// is plain: colour is added only when it is written to a terminal (see
// colour.ts), so messages read the same in logs, snapshots and CI.

const NOTABLE_HEADERS = ['content-type', 'accept', 'authorization', 'content-length', 'user-agent'];
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie']);
const SECRET_SHOWN = 12;
const BODY_EXCERPT = 300;
const BODY_LINES = 30;
const LINE_WIDTH = 200;
const DIFF_LIMIT = 20; // deepDiff's default limit

const fatal = new TextDecoder('utf-8', { fatal: true });
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const cut = (line: string, width = LINE_WIDTH): string => (line.length > width ? `${line.slice(0, width - 1)}…` : line);

/** Renders any expected/actual value compactly on one line. */
export function show(value: unknown): string {
  return showValue(value, LINE_WIDTH);
}

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

function bodyLines(request: PookRequest): string[] {
  const body = request.body;
  if (body === undefined || body.byteLength === 0) return [];
  const size = plural(body.byteLength, 'byte');
  let text: string;
  try {
    text = fatal.decode(body);
  } catch {
    return [`body: ${size} of binary data`];
  }
  if (/json/i.test(request.headers.get('content-type') ?? '') || /^\s*[[{]/.test(text)) {
    let pretty: string | undefined;
    try {
      pretty = JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      // not JSON after all: shown as text
    }
    if (pretty !== undefined) {
      const lines = pretty.split('\n');
      const shown = lines.slice(0, BODY_LINES).map((line) => `  ${cut(line)}`);
      if (lines.length > BODY_LINES) shown.push(`  … (${plural(lines.length - BODY_LINES, 'more line')})`);
      return [`body (${size}, JSON):`, ...shown];
    }
  }
  const long = text.length > BODY_EXCERPT;
  const excerpt = long ? `${text.slice(0, BODY_EXCERPT)}…` : text;
  const heading = `body (${size}${long ? `, first ${BODY_EXCERPT} characters shown` : ''})`;
  if (!excerpt.includes('\n')) return long ? [`${heading}:`, `  ${excerpt}`] : [`${heading}: ${excerpt}`];
  return [`${heading}:`, ...excerpt.split('\n').map((line) => `  ${cut(line)}`)];
}

/**
 * The request as a block: method and URL, then (indented) the headers that
 * matter (the usual ones plus any that `mentioned` names; credentials cut
 * short) and the body (JSON pretty-printed, long bodies cut with the size
 * shown).
 */
export function formatRequest(request: PookRequest, mentioned: readonly string[] = []): string {
  const lines = [`${request.method} ${request.url.href}`];
  for (const name of [...NOTABLE_HEADERS, ...mentioned.filter((n) => !NOTABLE_HEADERS.includes(n))]) {
    const value = request.headers.get(name);
    if (value === null) continue;
    lines.push(`  ${name}: ${cut(String(SECRET_HEADERS.has(name) ? secret(value) : value))}`);
  }
  for (const line of bodyLines(request)) lines.push(`  ${line}`);
  return lines.join('\n');
}

const secret = (value: unknown): unknown => (typeof value === 'string' && value.length > SECRET_SHOWN ? `${value.slice(0, SECRET_SHOWN)}…` : value);

/** One expectation as report lines: `✓ name`, or `✗ name: expected …, got …` (plus one line per difference). */
export function formatResult(result: MatchResult): string[] {
  const { expectation, reason, expected } = result;
  // Credentials are cut short here too, as in the request block.
  const header = /^header "([^"]+)"/.exec(expectation)?.[1];
  const actual = header !== undefined && SECRET_HEADERS.has(header) ? secret(result.actual) : result.actual;
  if (result.pass) return [`✓ ${expectation}`];
  const differences = result.differences ?? [];
  if (differences.length > 1) {
    const lines = [`✗ ${expectation}: ${differences.length >= DIFF_LIMIT ? `${DIFF_LIMIT} or more differences (the first ${DIFF_LIMIT} listed)` : plural(differences.length, 'difference')}`];
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

/** `times(1), 0 calls` / `persistent, 3 calls`. */
export function formatUses(mock: Mock): string {
  return `${mock.persisted ? 'persistent' : `times(${mock.timesLimit})`}, ${plural(mock.calls, 'call')}`;
}

/** One candidate: label and verdict, uses and definition site, then every expectation. */
function formatCandidate(candidate: Candidate, position: number): string {
  const { mock } = candidate;
  const site = formatLocation(mock.definedAt);
  const lines = [`${position}. ${mock.label} — ${candidate.summary}`, `   ${formatUses(mock)}${site === undefined ? '' : ` · defined at ${site}`}`];
  for (const result of candidate.results) for (const line of formatResult(result)) lines.push(`   ${line}`);
  if (candidate.state === 'expired' && candidate.failures === 0) lines.push('   hint: .times(n) or .persist() lets a mock answer more calls');
  return lines.join('\n');
}

/** What {@link formatNoMatch} needs besides the request and the candidates. */
export interface NoMatchOptions {
  /** How many candidates to show. */
  readonly limit: number;
  /** Whether real networking is on (it did not let this request through). */
  readonly networking: boolean;
  /** Set when an engine filter rejected the request before any mock was tried. */
  readonly rejectedBy?: string | undefined;
}

const indent = (text: string, by = '  '): string => text.replace(/^(?=.)/gm, by);

/** The full message of a no-match error. */
export function formatNoMatch(request: PookRequest, candidates: readonly Candidate[], options: NoMatchOptions): string {
  const shown = options.rejectedBy === undefined ? candidates.slice(0, options.limit) : [];
  const parts = [`pook: no mock matches ${request.method} ${request.url.href}`, '', 'Request:', indent(formatRequest(request, referencedHeaders(shown)))];
  if (options.rejectedBy !== undefined) {
    parts.push('', `It was rejected by ${options.rejectedBy} before any mock was tried.`);
  } else if (candidates.length === 0) {
    parts.push('', 'No mocks are registered.');
  } else {
    const note = candidates.length > shown.length ? `closest ${shown.length} of ${candidates.length}; pook.debug() shows all` : 'closest first';
    parts.push('', `Mocks tried (${note}):`);
    shown.forEach((candidate, i) => parts.push('', indent(formatCandidate(candidate, i + 1))));
  }
  parts.push(
    '',
    options.networking
      ? 'Real networking is enabled, but no network filter accepted this request.'
      : 'Real networking is disabled: unmatched requests fail (pook.enableNetwork() lets them through).',
  );
  return parts.join('\n');
}
