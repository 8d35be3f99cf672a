import type { MatchResult } from '../core/matcher.js';
import type { PookRequest } from '../core/pook-request.js';
import type { Candidate } from '../engine/errors/no-matches-error.js';
import type { NearMissRecord, RequestRecord, ResultRecord } from './protocol/messages.js';

// Engine objects as the admin API shows them: plain JSON data.

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A request as JSON: its body as text when it is valid UTF-8, else base64. */
export function requestRecord(request: PookRequest, headers: ReadonlyArray<readonly [string, string]> = [...request.headers]): RequestRecord {
  const base = { method: request.method, url: request.url.href, headers, timestamp: request.timestamp };
  const body = request.body;
  if (body === undefined || body.byteLength === 0) return base;
  try {
    return { ...base, body: strictUtf8.decode(body), bodyEncoding: 'utf8' };
  } catch {
    return { ...base, body: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('base64'), bodyEncoding: 'base64' };
  }
}

/** A value made safe for JSON (RegExps and bytes as text, no cycles beyond a depth). */
function jsonSafe(value: unknown, depth = 0): unknown {
  if (value === undefined || value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof RegExp) return String(value);
  if (value instanceof Uint8Array) return `<${value.byteLength} bytes>`;
  if (typeof value === 'bigint' || typeof value === 'symbol' || typeof value === 'function') return String(value);
  if (depth > 20) return '…';
  if (Array.isArray(value)) return value.map((item) => jsonSafe(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = jsonSafe(item, depth + 1);
  return out;
}

/** One expectation's result as JSON. */
export function resultRecord(result: MatchResult): ResultRecord {
  const record: { -readonly [K in keyof ResultRecord]: ResultRecord[K] } = { pass: result.pass, expectation: result.expectation };
  if ('expected' in result) record.expected = jsonSafe(result.expected);
  if ('actual' in result) record.actual = jsonSafe(result.actual);
  if (result.reason !== undefined) record.reason = result.reason;
  return record;
}

/** A no-match candidate as a near miss: its verdict, distance and failed expectations. */
export function nearMissRecord(candidate: Candidate, idOf: (candidate: Candidate) => string | undefined): NearMissRecord {
  return {
    mockId: idOf(candidate),
    label: candidate.mock.label,
    distance: candidate.distance,
    summary: candidate.summary,
    state: candidate.state,
    failures: candidate.results.filter((result) => !result.pass).map(resultRecord),
  };
}
