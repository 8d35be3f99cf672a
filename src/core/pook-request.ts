import { utf8 } from './bytes.js';
import { PookInvalidBodyError } from './errors/invalid-body-error.js';

/** Which interceptor saw a request. */
export type ClientName = 'fetch' | 'http' | 'undici' | 'xhr' | (string & {});

/** What a {@link PookRequest} is built from, and what `request.with()` may change. */
export interface PookRequestInit {
  /** HTTP method; upper-cased. */
  readonly method: string;
  /** Absolute URL. */
  readonly url: URL | string;
  /** Request headers; names are case-insensitive. */
  readonly headers?: HeadersInit | undefined;
  /** The full request payload, if any. */
  readonly body?: Uint8Array | string | undefined;
  /** Which interceptor saw the request. */
  readonly client?: ClientName | undefined;
  /** When the request was made (ms since epoch); defaults to now. */
  readonly timestamp?: number | undefined;
}

const decoder = new TextDecoder();
const unset = Symbol('unset');

// A request is immutable (README, "Requests"), so its headers refuse changes once built:
// a mapper or callback that edited them in place would silently rewrite what
// other mocks, the history and the no-match report see. The guard is a
// private field tested with `in`, so the Headers constructor, which could
// fill the object through these very methods before the field exists, still
// works; it costs nothing per request.
function refuse(): never {
  throw new TypeError('pook: request headers are read-only; use request.with({ headers }) for a modified copy.');
}

// Defined on first use, not at import: reading the global `Headers` makes
// Node load its whole fetch implementation, which a process using
// only node:http never needs (cold start, docs/performance.md).
let ReadonlyHeaders: (new (init: HeadersInit | undefined) => Headers) | undefined;
let baseSet: Headers['set'];

function readonlyHeaders(): new (init: HeadersInit | undefined) => Headers {
  if (ReadonlyHeaders === undefined) {
    baseSet = Headers.prototype.set;
    ReadonlyHeaders = class ReadonlyHeaders extends Headers {
      // Present once the constructor has returned.
      readonly #sealed = true;

      override append(name: string, value: string): void {
        if (#sealed in this) refuse();
        super.append(name, value);
      }

      override set(name: string, value: string): void {
        if (#sealed in this) refuse();
        super.set(name, value);
      }

      override delete(name: string): void {
        if (#sealed in this) refuse();
        super.delete(name);
      }
    };
  }
  return ReadonlyHeaders;
}

/**
 * Read-only request headers built in one copy: `init`, then `complete` may
 * add to them (with the `set` it is given) before anyone else sees them.
 * For interceptors, which would otherwise build a `Headers` and have
 * {@link PookRequest} copy it again. Not part of the public API.
 */
export function requestHeaders(init: HeadersInit | undefined, complete?: (headers: Headers, set: (name: string, value: string) => void) => void): Headers {
  const headers = new (readonlyHeaders())(init);
  complete?.(headers, (name, value) => baseSet.call(headers, name, value));
  return headers;
}

/** Header pairs an interceptor vouches for (valid names and values). */
export type TrustedHeaderPairs = ReadonlyArray<readonly [string, string]>;

/**
 * How to make a request's trusted header pairs from the request itself
 * (its URL and body), when they are read: one shared function stands for
 * the headers of every request built the same way, so a request that no one
 * asks for headers keeps no pairs at all (a smaller history entry).
 */
export type HeaderRecipe = (request: PookRequest) => TrustedHeaderPairs;

// Set by `adoptRequest` only, for the duration of one constructor call.
let adopting = false;

/**
 * A {@link PookRequest} that takes ownership of a `URL` nobody else holds and
 * of headers from {@link requestHeaders}, or of valid header pairs nobody
 * else holds, instead of copying them. Pairs become a `Headers` only when
 * something reads `request.headers`: a request no header matcher, callback
 * or report looks at never pays for one. Not part of the public API.
 */
export function adoptRequest(
  init: Omit<PookRequestInit, 'url' | 'headers'> & { readonly url: URL; readonly headers: Headers | TrustedHeaderPairs | HeaderRecipe },
): PookRequest {
  adopting = true;
  try {
    return new PookRequest(init as PookRequestInit);
  } finally {
    adopting = false;
  }
}

/**
 * An immutable snapshot of an outgoing request: what matchers, filters,
 * callbacks and the history see. The body is always the whole payload.
 *
 * @example
 * ```ts
 * const req = new PookRequest({ method: 'post', url: 'https://api.test/users?page=2', body: '{"a":1}' });
 * req.method;        // 'POST'
 * req.query.page;    // ['2']
 * req.json;          // { a: 1 }
 * const copy = req.with({ method: 'PUT' });
 * ```
 */
export class PookRequest {
  /** HTTP method, upper case. */
  readonly method: string;
  /** The absolute request URL. */
  readonly url: URL;
  /** The full payload, or `undefined` when the request has no body. */
  readonly body: Uint8Array | undefined;
  /** Which interceptor saw the request: `'fetch'`, `'http'`, … */
  readonly client: ClientName;
  /** When the request was made, in ms since the epoch. */
  readonly timestamp: number;

  #headers: Headers | undefined;
  #headerPairs: TrustedHeaderPairs | HeaderRecipe | undefined;
  #query: Record<string, string[]> | undefined;
  #text: string | undefined;
  #json: unknown = unset;

  /**
   * @param init - method, URL, headers, body and client of the request
   */
  constructor(init: PookRequestInit) {
    this.method = init.method.toUpperCase();
    const url = init.url;
    this.url = typeof url === 'string' ? new URL(url) : adopting ? url : new URL(url.href);
    // Headers an interceptor built with requestHeaders are read-only and
    // nobody else's: taken as they are rather than copied.
    const headers = init.headers;
    if (adopting && (Array.isArray(headers) || typeof headers === 'function')) this.#headerPairs = headers as TrustedHeaderPairs | HeaderRecipe;
    else {
      const Sealed = readonlyHeaders();
      this.#headers = adopting && headers instanceof Sealed ? headers : new Sealed(headers);
    }
    const body = init.body;
    this.body = typeof body === 'string' ? utf8(body) : body;
    this.client = init.client ?? 'unknown';
    this.timestamp = init.timestamp ?? Date.now();
    Object.freeze(this);
  }

  /** Case-insensitive, read-only request headers; multiple values joined with `', '`. */
  get headers(): Headers {
    if (this.#headers === undefined) {
      const pairs = this.#headerPairs;
      this.#headers = new (readonlyHeaders())((typeof pairs === 'function' ? pairs(this) : pairs) as Array<[string, string]>);
      this.#headerPairs = undefined;
    }
    return this.#headers;
  }

  /** The query string as a map of key to every value, in order. */
  get query(): Record<string, string[]> {
    if (this.#query === undefined) {
      const query: Record<string, string[]> = Object.create(null);
      for (const [key, value] of this.url.searchParams) {
        const values = query[key];
        if (values === undefined) query[key] = [value];
        else values.push(value);
      }
      this.#query = query;
    }
    return this.#query;
  }

  /** The body decoded as UTF-8 (`''` when there is no body). */
  get text(): string {
    this.#text ??= this.body === undefined ? '' : decoder.decode(this.body);
    return this.#text;
  }

  /**
   * The body parsed as JSON.
   * @throws PookInvalidBodyError when the body is empty or not valid JSON
   */
  get json(): unknown {
    if (this.#json === unset) {
      const text = this.text;
      try {
        this.#json = JSON.parse(text);
      } catch (cause) {
        const excerpt = text.length > 60 ? `${text.slice(0, 60)}…` : text;
        throw new PookInvalidBodyError(
          `pook: the body of ${this.method} ${this.url.href} is not valid JSON (${text.length === 0 ? 'it is empty' : `starts with ${JSON.stringify(excerpt)}`}).`,
          { cause },
        );
      }
    }
    return this.#json;
  }

  /**
   * A copy of this request with some fields replaced (requests are immutable).
   * @param changes - the fields to replace
   */
  with(changes: Partial<PookRequestInit>): PookRequest {
    return new PookRequest({
      method: changes.method ?? this.method,
      url: changes.url ?? this.url,
      headers: changes.headers ?? this.headers,
      body: 'body' in changes ? changes.body : this.body,
      client: changes.client ?? this.client,
      timestamp: changes.timestamp ?? this.timestamp,
    });
  }
}
