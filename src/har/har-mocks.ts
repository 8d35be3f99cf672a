import {
  delete as del,
  get,
  head,
  type JsonExpectation,
  type Mock,
  mock,
  options as optionsMock,
  PookInvalidArgumentError,
  patch,
  post,
  put,
} from '../index.js';
import { bodyBytes } from './body-text.js';
import type { HarEntry, HarNameValue } from './har-format.js';
import { type HarSource, readHar } from './har-source.js';
import { REDACTED } from './redaction.js';

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

/** Options of {@link loadHar}. */
export interface LoadHarOptions {
  /** What a request must match. */
  readonly matchBy?: MatchBy | undefined;
  /**
   * `false` (default): each entry answers once (`times(1)`), in file order, so
   * the same request answered differently a second time replays as recorded.
   * `true`: every entry answers any number of times (the first one wins).
   */
  readonly persist?: boolean | undefined;
  /** Loads only the entries this returns true for. */
  readonly filter?: ((entry: HarEntry) => boolean) | undefined;
}

const MATCH_BY_KEYS = new Set(['method', 'query', 'headers', 'body']);
const BODY_MODES = new Set(['json', 'exact', 'ignore']);

function assertMatchBy(matchBy: unknown): asserts matchBy is MatchBy | undefined {
  if (matchBy === undefined) return;
  if (matchBy === null || typeof matchBy !== 'object') throw new PookInvalidArgumentError('matchBy', 'expected an object');
  for (const [key, value] of Object.entries(matchBy)) {
    if (!MATCH_BY_KEYS.has(key)) throw new PookInvalidArgumentError(`matchBy.${key}`, 'unknown option (known: method, query, headers, body)');
    if ((key === 'method' || key === 'query') && value !== undefined && typeof value !== 'boolean')
      throw new PookInvalidArgumentError(`matchBy.${key}`, 'expected a boolean');
    if (key === 'headers' && value !== undefined && !(Array.isArray(value) && value.every((name) => typeof name === 'string')))
      throw new PookInvalidArgumentError('matchBy.headers', 'expected an array of header names');
    if (key === 'body' && value !== undefined && !BODY_MODES.has(value as string))
      throw new PookInvalidArgumentError('matchBy.body', "expected 'json', 'exact' or 'ignore'");
  }
}

// Headers a replayed response must not carry: HTTP/2 pseudo-headers
// (`:status`), which are no headers in HTTP/1.1.
const isPseudo = (name: string): boolean => name.startsWith(':');

function headerValue(headers: readonly HarNameValue[], wanted: string): string | undefined {
  for (const { name, value } of headers) if (name.toLowerCase() === wanted) return value;
  return undefined;
}

/** What a request must match to be answered by an entry: its method (`*` for any), mock URL and further expectations. */
interface RequestExpectations {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string> | undefined;
  readonly json: unknown;
  readonly body: Uint8Array | undefined;
}

function requestExpectations(entry: HarEntry, matchBy: MatchBy): RequestExpectations {
  const { request } = entry;
  const url = new URL(request.url);
  let search = '';
  if (matchBy.query !== false && url.search !== '') {
    const params = new URLSearchParams();
    for (const [name, value] of url.searchParams) if (value !== REDACTED) params.append(name, value);
    search = params.toString();
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
    headers,
    json,
    body,
  };
}

function applyResponse(target: Mock, entry: HarEntry): void {
  const { response } = entry;
  const headers = response.headers.some(({ name }) => isPseudo(name)) ? response.headers.filter(({ name }) => !isPseudo(name)) : response.headers;
  const encoded = headerValue(headers, 'content-encoding');
  const chunked = /\bchunked\b/i.test(headerValue(headers, 'transfer-encoding') ?? '');
  const bytes = bodyBytes(response.content?.text, response.content?.encoding);
  const reply = target.reply(response.status);
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

// The methods whose mock function registers a mock without an options object
// (the path hand-written mocks take: nothing to copy, sort or check twice).
const BY_METHOD: Readonly<Record<string, (url: string) => Mock>> = {
  GET: get,
  POST: post,
  PUT: put,
  PATCH: patch,
  DELETE: del,
  HEAD: head,
  OPTIONS: optionsMock,
};

/**
 * One mock for one HAR entry, registered with the current engine: the same
 * calls, in the same order, as a hand-written `pook.get(url).headers(…)
 * .json(…).times(1).reply(…)`, so the mock is the same as such a one.
 */
function entryMock(entry: HarEntry, options: LoadHarOptions): Mock {
  const expected = requestExpectations(entry, options.matchBy ?? {});
  const byMethod = BY_METHOD[expected.method];
  const created = byMethod === undefined ? mock(expected.url, { method: expected.method }) : byMethod(expected.url);
  if (expected.headers !== undefined) created.headers(expected.headers);
  if (expected.json !== undefined) created.json(expected.json as JsonExpectation);
  else if (expected.body !== undefined) created.body(expected.body);
  if (options.persist) created.persist();
  else created.times(1);
  applyResponse(created, entry);
  return created;
}

/**
 * Loads a HAR (a path, a URL or the parsed object): one mock per entry, in
 * file order, registered with the current engine through the ordinary mock
 * API, so history, `isDone()`, `assertDone()` and no-match reports work as
 * for hand-written mocks. HARs from pook, Chrome, Firefox and Playwright
 * load as they are: custom `_` fields are ignored, a missing
 * `content.text` is an empty body, HTTP/2 pseudo-headers are dropped, and a
 * redirect is an entry like any other, which clients follow. Values redacted
 * when the HAR was written take no part in matching.
 *
 * @returns the mocks, in file order
 * @example
 * ```ts
 * import { loadHar } from 'pook/har';
 * const mocks = loadHar('fixtures/users.har', { matchBy: { headers: ['accept'] } });
 * await fetch('http://127.0.0.1:8080/users'); // answered from the HAR
 * ```
 */
export function loadHar(source: HarSource, options: LoadHarOptions = {}): Mock[] {
  if (options === null || typeof options !== 'object') throw new PookInvalidArgumentError('options', 'expected an object');
  assertMatchBy(options.matchBy);
  const entries: Array<HarEntry | undefined> = readHar(source).log.entries;
  // A HAR read from a file is pook's own: each entry is let go once its mock
  // is made, so that the parsed file is garbage by the end of the load
  // instead of surviving it whole into the old generation.
  const owned = typeof source === 'string' || source instanceof URL;
  const mocks: Mock[] = [];
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index];
    if (owned) entries[index] = undefined;
    if (options.filter !== undefined && !options.filter(entry as HarEntry)) continue;
    if (entry?.request === undefined || entry.response === undefined) {
      throw new PookInvalidArgumentError(`har.log.entries[${index}]`, 'expected an entry with a request and a response');
    }
    // Chrome writes `status: 0` for requests that never got a response, and
    // 101 for a WebSocket upgrade: neither is an HTTP response to replay.
    if (entry.response.status < 200) continue;
    mocks.push(entryMock(entry, options));
  }
  return mocks;
}
