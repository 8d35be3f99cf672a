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
  /** The mock URL: origin, path and the query parameters matched (`http://api.test/users?page=2`). */
  readonly url: string;
  /** The recorded path alone (`/users`). */
  readonly path: string;
  /** The query parameters matched, by name (a repeated one as a list). */
  readonly params: Record<string, string | string[]>;
  /** The other options of the mock: method, headers, body, `times` or `persist`. */
  readonly options: Record<string, unknown>;
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

function requestExpectations(entry: HarEntry, matchBy: MatchBy): HarEntryRequest {
  const { request } = entry;
  const url = new URL(request.url);
  const params = new URLSearchParams();
  if (matchBy.query !== false) for (const [name, value] of url.searchParams) if (value !== REDACTED) params.append(name, value);
  const search = params.toString();
  const options: Record<string, unknown> = {
    method: matchBy.method === false ? '*' : request.method.toUpperCase(),
  };
  const headers: Record<string, string> = {};
  for (const wanted of matchBy.headers ?? []) {
    const value = headerValue(request.headers, wanted.toLowerCase());
    if (value !== undefined && !value.includes(REDACTED)) headers[wanted] = value;
  }
  if (Object.keys(headers).length > 0) options.headers = headers;
  const bodyMode = matchBy.body ?? 'json';
  const postData = request.postData;
  if (bodyMode !== 'ignore' && postData?.text !== undefined && postData.text !== '' && !postData.text.includes(REDACTED)) {
    const bytes = bodyBytes(postData.text, postData._encoding);
    let json: unknown;
    let isJson = false;
    if (bodyMode === 'json' && postData._encoding !== 'base64') {
      try {
        json = JSON.parse(postData.text);
        isJson = true;
      } catch {
        // Not JSON: matched exactly.
      }
    }
    if (isJson) options.json = json;
    else options.body = bytes;
  }
  const byName: Record<string, string | string[]> = Object.create(null);
  for (const [name, value] of params) {
    const seen = byName[name];
    byName[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  // The path is part of the mock URL (matched exactly), which also files the
  // mock in the engine's route index: a large HAR stays fast to match.
  return { url: `${url.protocol}//${url.host}${url.pathname}${search === '' ? '' : `?${search}`}`, path: url.pathname, params: byName, options };
}

function applyResponse(target: ReplyTarget, entry: HarEntry): void {
  const { response } = entry;
  const headers = response.headers.filter(({ name }) => !isPseudo(name));
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
    for (const each of value.split('\n')) reply.header(name, each);
  }
  // Encoded and chunked: the body goes as a stream, which pook encodes on
  // the fly and frames as the recorded response was (no Content-Length).
  // A HEAD response has no body, and no length unless the server sent one:
  // an empty stream keeps pook from adding `Content-Length: 0`.
  if (entry.request.method.toUpperCase() === 'HEAD') reply.body(headerValue(headers, 'content-length') === undefined ? [] : bytes);
  else reply.body(encoded !== undefined && chunked ? [bytes] : bytes);
}

/**
 * The mock of one HAR entry: `make` creates it (not registered yet, or
 * registered where the caller wants) from what the request must match, and
 * this sets its recorded response. Each entry answers once (`times: 1`), or
 * any number of times with `persist`. Internal: {@link loadHar} and the mock
 * server use it.
 */
export function harEntryMock<M extends ReplyTarget>(entry: HarEntry, matchBy: MatchBy, persist: boolean, make: (request: HarEntryRequest) => M): M {
  const request = requestExpectations(entry, matchBy);
  const created = make({ ...request, options: { ...request.options, ...(persist ? { persist: true } : { times: 1 }) } });
  applyResponse(created, entry);
  return created;
}
