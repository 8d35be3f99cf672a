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
import { applyEntryResponse, entryExpectations, type MatchBy } from './har-entry-mock.js';
import type { HarEntry } from './har-format.js';
import { type HarSource, readHar } from './har-source.js';

export type { MatchBy } from './har-entry-mock.js';

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
  const expected = entryExpectations(entry, options.matchBy ?? {});
  const byMethod = BY_METHOD[expected.method];
  const created = byMethod === undefined ? mock(expected.url, { method: expected.method }) : byMethod(expected.url);
  if (expected.headers !== undefined) created.headers(expected.headers);
  if (expected.json !== undefined) created.json(expected.json as JsonExpectation);
  else if (expected.body !== undefined) created.body(expected.body);
  if (options.persist) created.persist();
  else created.times(1);
  applyEntryResponse(created, entry);
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
