import { bodyBytes } from './body-text.js';
import type { HarEntry, HarNameValue } from './har-format.js';
import { REDACTED } from './redaction.js';

// One HAR entry as one mock: what a request must match, and the recorded
// response. Shared by `loadHar` (pook/har, the process's own engine) and the
// mock server's `--mocks x.har` (src/server/mock-files.ts, the server's
// engine): the caller makes the mock, this file sets it up. It imports
// nothing of pook (only the mock's response DSL, as a shape), so the server
// can use it without pook's public surface.

/** What a request must match to be answered by an entry of a loaded HAR. */
export interface MatchBy {
  /** The method. Default `true`. */
  readonly method?: boolean | undefined;
  /**
   * The query parameters of the recorded URL (each must be present with its
   * value; extra ones are ignored, as in a mock URL). Default `true`; `false`
   * matches on scheme, host, port and path only.
   */
  readonly query?: boolean | undefined;
  /** Request headers that must have their recorded value (case-insensitive names). Default none. */
  readonly headers?: readonly string[] | undefined;
  /**
   * The request body: `'json'` (default) JSON-equal when the recorded body is
   * JSON, else exactly equal; `'exact'` byte for byte; `'ignore'` not at all.
   */
  readonly body?: 'json' | 'exact' | 'ignore' | undefined;
}

/** What the mock of an entry must expect, for the caller that makes it. Internal. */
export interface HarEntryRequest {
  /** The method (`'*'` for any, with `matchBy.method: false`). */
  readonly method: string;
  /** The mock URL: origin, path and the query parameters matched (`http://api.test/users?page=2`). */
  readonly url: string;
  /** The recorded path alone (`/users`). */
  readonly path: string;
  /** The query parameters matched, by name (a repeated one as a list). */
  readonly params: Record<string, string | string[]>;
  /** Request headers that must have their recorded value, when `matchBy.headers` names any that were recorded unredacted. */
  readonly headers: Record<string, string> | undefined;
  /** The JSON body expected (a recorded JSON body, `matchBy.body: 'json'`). */
  readonly json: unknown;
  /** The body expected byte for byte, when it is not matched as JSON. */
  readonly body: Uint8Array | undefined;
}

/** The part of a mock's response DSL an entry uses. */
interface ReplyTarget {
  reply(status: number): {
    statusText(text: string): unknown;
    header(name: string, value: string): unknown;
    body(body: Uint8Array | Uint8Array[]): unknown;
  };
}

// Headers a replayed response must not carry: HTTP/2 pseudo-headers
// (`:status`), which are no headers in HTTP/1.1.
const isPseudo = (name: string): boolean => name.startsWith(':');

function headerValue(headers: readonly HarNameValue[], wanted: string): string | undefined {
  for (const { name, value } of headers) if (name.toLowerCase() === wanted) return value;
  return undefined;
}

/** What a request must match to be answered by `entry` (the recorded values, less what `matchBy` leaves out and what was redacted). Internal. */
export function entryExpectations(entry: HarEntry, matchBy: MatchBy): HarEntryRequest {
  const { request } = entry;
  const url = new URL(request.url);
  let search = '';
  const params: Record<string, string | string[]> = Object.create(null);
  if (matchBy.query !== false && url.search !== '') {
    const kept = new URLSearchParams();
    for (const [name, value] of url.searchParams) {
      if (value === REDACTED) continue;
      kept.append(name, value);
      const seen = params[name];
      params[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
    }
    search = kept.toString();
  }
  let headers: Record<string, string> | undefined;
  for (const wanted of matchBy.headers ?? []) {
    const value = headerValue(request.headers, wanted.toLowerCase());
    if (value === undefined || value.includes(REDACTED)) continue;
    headers ??= {};
    headers[wanted] = value;
  }
  let json: unknown;
  let body: Uint8Array | undefined;
  const bodyMode = matchBy.body ?? 'json';
  const postData = request.postData;
  if (bodyMode !== 'ignore' && postData?.text !== undefined && postData.text !== '' && !postData.text.includes(REDACTED)) {
    let isJson = false;
    if (bodyMode === 'json' && postData._encoding !== 'base64') {
      try {
        json = JSON.parse(postData.text);
        isJson = true;
      } catch {
        // Not JSON: matched exactly.
      }
    }
    if (!isJson) body = bodyBytes(postData.text, postData._encoding);
  }
  return {
    method: matchBy.method === false ? '*' : request.method.toUpperCase(),
    // The path is part of the mock URL (matched exactly), which also files the
    // mock in the engine's route index: a large HAR stays fast to match.
    url: `${url.protocol}//${url.host}${url.pathname}${search === '' ? '' : `?${search}`}`,
    path: url.pathname,
    params,
    headers,
    json,
    body,
  };
}

/** Sets the recorded response of `entry` on `target` (status, reason phrase, headers, body). Internal. */
export function applyEntryResponse(target: ReplyTarget, entry: HarEntry): void {
  const { response } = entry;
  const headers = response.headers.some(({ name }) => isPseudo(name)) ? response.headers.filter(({ name }) => !isPseudo(name)) : response.headers;
  const encoded = headerValue(headers, 'content-encoding');
  const chunked = /\bchunked\b/i.test(headerValue(headers, 'transfer-encoding') ?? '');
  const bytes = bodyBytes(response.content?.text, response.content?.encoding);
  const reply = target.reply(response.status);
  // The recorded reason phrase (a server's own, 'Not Here'), unless empty
  // (HTTP/2 has none: HARs of it write '') or not one a status line can carry.
  const text = response.statusText;
  if (typeof text === 'string' && text !== '' && !/[^\t\x20-\x7e\x80-\xff]/.test(text)) reply.statusText(text);
  for (const { name, value } of headers) {
    const lower = name.toLowerCase();
    // pook encodes the decoded body again as Content-Encoding says and sets
    // the encoded length itself (a recorded length is that of other bytes).
    if (encoded !== undefined && lower === 'content-length') continue;
    // A body sent chunked without a length: HAR readers (Chrome, Firefox) keep none either.
    // Chrome joins repeated headers (Set-Cookie) with newlines.
    if (!value.includes('\n')) reply.header(name, value);
    else for (const each of value.split('\n')) reply.header(name, each);
  }
  // Encoded and chunked: the body goes as a stream, which pook encodes on
  // the fly and frames as the recorded response was (no Content-Length).
  // A HEAD response has no body, and no length unless the server sent one:
  // an empty stream keeps pook from adding `Content-Length: 0`.
  if (entry.request.method.toUpperCase() === 'HEAD') reply.body(headerValue(headers, 'content-length') === undefined ? [] : bytes);
  else reply.body(encoded !== undefined && chunked ? [bytes] : bytes);
}

/**
 * The mock of one HAR entry as a mock options object: `make` creates it
 * (not registered yet, or registered where the caller wants) from what the
 * request must match, and this sets its recorded response. Each entry
 * answers once (`times: 1`), or any number of times with `persist`.
 * Internal: the mock server uses it; {@link loadHar} takes the chained
 * calls of a hand-written mock instead (har-mocks.ts).
 */
export function harEntryMock<M extends ReplyTarget>(
  entry: HarEntry,
  matchBy: MatchBy,
  persist: boolean,
  make: (request: HarEntryRequest, options: Record<string, unknown>) => M,
): M {
  const request = entryExpectations(entry, matchBy);
  const options: Record<string, unknown> = { method: request.method, ...(persist ? { persist: true } : { times: 1 }) };
  if (request.headers !== undefined) options.headers = request.headers;
  if (request.json !== undefined) options.json = request.json;
  else if (request.body !== undefined) options.body = request.body;
  const created = make(request, options);
  applyEntryResponse(created, entry);
  return created;
}
