import { describe } from '../core/arguments.js';
import { effectivePort } from '../core/effective-port.js';
import { PookInvalidArgumentError } from '../core/errors/invalid-argument-error.js';
import type { Difference, Matcher, MatchResult } from '../core/matcher.js';
import type { PookRequest } from '../core/pook-request.js';
import { regexFormat } from './regex-format.js';
import { testRegExp } from './regexp.js';

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
const AUTHORITY = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#]*)(.*)$/is;

/** The parts of a mock URL that were actually written (absent parts match anything). */
export interface MockUrl {
  /** `'http:'`/`'https:'`, or `undefined` when no scheme was written (both match). */
  readonly protocol: string | undefined;
  /** Lower-case hostname (IPv6 in brackets). */
  readonly hostname: string;
  /** Port written in the URL, or `undefined` for any port. */
  readonly port: number | undefined;
  /** Normalised path, or `undefined` when no path was written (any path). */
  readonly pathname: string | undefined;
  /** The query written in the URL, `?` included, or `''` (matched like `params`). */
  readonly search: string;
}

/**
 * `input` without the C0 controls and spaces around it: what the URL parser
 * itself strips, and nothing more (String#trim would also strip a trailing
 * U+00A0 or U+FEFF, which is part of the URL, as it is of the request's).
 */
function withoutC0AndSpaceAround(input: string): string {
  let start = 0;
  let end = input.length;
  while (start < end && input.charCodeAt(start) <= 0x20) start++;
  while (end > start && input.charCodeAt(end - 1) <= 0x20) end--;
  return input.slice(start, end);
}

/**
 * Parses a mock URL such as `'api.test/users?active=1'`, `'https://api.test:8443'`.
 * @throws PookInvalidArgumentError when empty or unparsable
 */
function parseMockUrl(input: string, argument = 'url'): MockUrl {
  const text = typeof input === 'string' ? withoutC0AndSpaceAround(input) : '';
  if (text.length === 0) {
    throw new PookInvalidArgumentError(argument, `expected a non-empty URL string or a RegExp, got ${describe(input)}`);
  }
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    throw new PookInvalidArgumentError(argument, `unsupported scheme "${scheme}:" in ${JSON.stringify(text)} (use http or https)`);
  }
  let url: URL;
  try {
    url = new URL(scheme === undefined ? `http://${text}` : text);
  } catch (cause) {
    throw new PookInvalidArgumentError(argument, `${JSON.stringify(text)} is not a valid URL`, { cause });
  }
  const [, authority = '', rest = ''] = AUTHORITY.exec(text) ?? [];
  // WHATWG parsing would read '/users' or 'http:///users' as the host "users";
  // a mock URL without a host is a mistake, not a host named like the path.
  if (url.hostname === '' || authority === '') {
    throw new PookInvalidArgumentError(argument, `${JSON.stringify(text)} has no host (to expect a path on any host, use path())`);
  }
  const portText = /:(\d+)$/.exec(authority.replace(/^.*@/, ''))?.[1];
  return {
    protocol: scheme === undefined ? undefined : `${scheme}:`,
    hostname: url.hostname,
    port: portText === undefined ? undefined : Number(portText),
    pathname: rest.startsWith('/') ? url.pathname : undefined,
    search: url.search,
  };
}

/**
 * Matches a request URL: scheme (when written), host, port (when written) and
 * path (when written). A RegExp, or the pattern of a regex string `re/…/`
 * (docs/mocks.md), is tested against the full URL string. The
 * query written in a mock URL is matched separately, like `params`. A
 * mismatch names each differing part: one part gives the expectation
 * `url <part>` (`url path`), several give `url` with every part listed in
 * `differences`.
 *
 * @example
 * ```ts
 * new UrlMatcher('api.test/users').match(request); // http or https, any port
 * ```
 */
export class UrlMatcher implements Matcher {
  readonly name = 'url';
  /** What the mock URL specifies. */
  readonly expected: MockUrl | RegExp;
  readonly #source: string;

  /** @param url - a URL string (scheme, port and path optional), a RegExp, or a regex string `re/…/` as Python pook reads it */
  constructor(url: string | RegExp) {
    this.expected = url instanceof RegExp ? url : ((typeof url === 'string' ? regexFormat('url', url)?.regexp : undefined) ?? parseMockUrl(url));
    this.#source = url instanceof RegExp ? String(url) : url;
  }

  /** What this matcher expects, on one line. */
  summary(): string {
    return `url ${this.#source}`;
  }

  /**
   * The verdict alone, without allocating (the matching hot path).
   * @param request - the request to check
   */
  test(request: PookRequest): boolean {
    const actual = request.url;
    const expected = this.expected;
    if (expected instanceof RegExp) return testRegExp(expected, actual.href);
    return (
      expected.hostname === actual.hostname &&
      (expected.protocol === undefined || expected.protocol === actual.protocol) &&
      (expected.pathname === undefined || expected.pathname === actual.pathname) &&
      (expected.port === undefined || expected.port === effectivePort(actual))
    );
  }

  /** @param request - the request to check */
  match(request: PookRequest): MatchResult {
    const actual = request.url;
    const expected = this.expected;
    if (expected instanceof RegExp) {
      return { pass: testRegExp(expected, actual.href), expectation: 'url', expected, actual: actual.href };
    }
    if (this.test(request)) return { pass: true, expectation: 'url', expected: this.#source, actual: actual.href };
    // Every differing part is reported; the query of a mock URL is checked
    // by its own param matchers.
    const port = effectivePort(actual);
    const differences: Difference[] = [];
    if (expected.protocol !== undefined && expected.protocol !== actual.protocol)
      differences.push({ path: 'scheme', kind: 'changed', expected: expected.protocol, actual: actual.protocol });
    if (expected.hostname !== actual.hostname) differences.push({ path: 'host', kind: 'changed', expected: expected.hostname, actual: actual.hostname });
    if (expected.port !== undefined && expected.port !== port) differences.push({ path: 'port', kind: 'changed', expected: expected.port, actual: port });
    if (expected.pathname !== undefined && expected.pathname !== actual.pathname)
      differences.push({ path: 'path', kind: 'changed', expected: expected.pathname, actual: actual.pathname });
    const [first] = differences as [Difference];
    return differences.length === 1
      ? { pass: false, expectation: `url ${first.path}`, expected: first.expected, actual: first.actual, differences }
      : { pass: false, expectation: 'url', expected: this.#source, actual: actual.href, differences };
  }
}
