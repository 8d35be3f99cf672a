import { isBytes, utf8 } from '../../core/bytes.js';
import { PookError } from '../../core/errors/pook-error.js';
import type { Interceptor, Outcome, RequestHandler } from '../../core/interceptor.js';
import { adoptRequest, type HeaderRecipe, PookRequest, requestHeaders } from '../../core/pook-request.js';
import type { ResolvedResponse } from '../../core/resolved-response.js';
import { decodeBody } from '../shared/content-encoding.js';
import { ExchangeTap } from '../shared/exchange-tap.js';
import { type DispatchTap, runInPassthrough } from '../shared/passthrough-guard.js';
import { PatchSet } from '../shared/patch-set.js';
import { undiciFraming } from '../shared/undici-framing.js';
import { wireResponse } from '../shared/wire-response.js';
import { fetchedResponse } from './fetched-response.js';

const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);
const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 20;
// What undici adds to every request before it reaches the server, so that a
// mock sees the same headers a real server would.
const DEFAULT_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['accept', '*/*'],
  ['accept-language', '*'],
  ['sec-fetch-mode', 'cors'],
  ['user-agent', 'node'],
  ['accept-encoding', 'gzip, deflate'],
];
const REQUEST_BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location'];

/** Node's own shape for any fetch failure: `TypeError('fetch failed')` with the reason as `cause`. */
function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause });
}

/**
 * Whether fetch sends a request's body from a source of known length (text,
 * bytes, a Blob, a FormData, URLSearchParams: with `content-length`) or as
 * it reads it (a stream or an async iterable: chunked). `Request` has no API
 * for it, but the Fetch standard's Request constructor refuses, in
 * `no-cors` mode, a body that has no source: a copy made in that mode tells.
 */
function streamsBody(request: Request): boolean {
  const copy = request.clone();
  let made: Request | undefined;
  try {
    made = new Request(copy, { mode: 'no-cors', method: 'POST' });
    return false;
  } catch {
    return true;
  } finally {
    // Neither copy is read: cancelling one branch of the tee leaves the other to the request.
    void (made ?? copy).body?.cancel().catch(() => undefined);
  }
}

/** Sets the framing header undici will write, unless the caller gave one. */
function frame(headers: Headers, method: string, body: Uint8Array | undefined, streamed: boolean, set: (name: string, value: string) => void): void {
  if (headers.has('content-length') || headers.has('transfer-encoding')) return;
  const framing = undiciFraming({ method, size: body?.byteLength ?? 0, streamed });
  if (framing !== undefined) set(framing[0], framing[1]);
}

async function snapshot(request: Request): Promise<PookRequest> {
  const streamed = request.body !== null && streamsBody(request);
  const body = request.body === null ? undefined : new Uint8Array(await request.clone().arrayBuffer());
  const headers = new Headers(request.headers);
  const url = new URL(request.url);
  headers.set('host', url.host);
  for (const [name, value] of DEFAULT_HEADERS) if (!headers.has(name)) headers.set(name, value);
  frame(headers, request.method, body, streamed, (name, value) => headers.set(name, value));
  return new PookRequest({ method: request.method, url, headers, body, client: 'fetch' });
}

/** A pull-based stream: each chunk is produced only when the client reads, so streaming is real. */
function streamOf(source: AsyncIterable<Uint8Array>, signal: AbortSignal | undefined): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        signal?.addEventListener(
          'abort',
          () => {
            controller.error(signal.reason);
            void iterator.return?.();
          },
          { once: true },
        );
      },
      async pull(controller) {
        const { value, done } = await iterator.next();
        if (signal?.aborted) return;
        if (done) controller.close();
        else controller.enqueue(value);
      },
      async cancel(reason) {
        await iterator.return?.(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * The headers of a Response init: a record when no name repeats exactly
 * (undici converts one faster than a list of pairs), else the pairs.
 */
function headersInit(headers: ReadonlyArray<readonly [string, string]>): HeadersInit {
  const record: Record<string, string> = Object.create(null);
  for (const [name, value] of headers) {
    // A header named __proto__ would be lost in the record undici makes of it.
    if (name in record || name === '__proto__') return headers as Array<[string, string]>;
    record[name] = value;
  }
  return record;
}

/**
 * What fetch makes of a mocked response. `type` is `'cors'` once a
 * redirect has left the origin of the first URL, as the Fetch standard's
 * response tainting makes it (docs/responses.md, "Redirects").
 */
function toResponse(
  mocked: ResolvedResponse,
  method: string,
  url: string,
  signal: AbortSignal | undefined,
  redirected: boolean,
  type: 'basic' | 'cors',
): Response {
  if (mocked.status < 200) {
    throw fetchFailed(new PookError(`pook: a ${mocked.status} status cannot be the final response of fetch (${method} ${url}).`));
  }
  // Node's fetch turns a real 407 into a network error (the Fetch standard's
  // "no-window" request): so does a mocked one (docs/responses.md).
  if (mocked.status === 407) {
    throw fetchFailed(new PookError(`pook: fetch fails on a 407 response (proxy authentication required), as it does on a real one (${method} ${url}).`));
  }
  // The response a server would send (the body encoded as its
  // Content-Encoding says, a stream framed as chunked), then decoded as
  // fetch decodes it: headers stay as sent.
  const resolved = wireResponse(mocked, method);
  const hasBody = !NULL_BODY_STATUS.has(resolved.status) && method !== 'HEAD' && resolved.body !== null;
  const body = hasBody && !REDIRECT_STATUS.has(resolved.status) ? decodeBody(resolved.headers, resolved.body!) : resolved.body;
  const init = { status: resolved.status, statusText: resolved.statusText, headers: headersInit(resolved.headers) };
  return new (fetchedResponse())(
    hasBody && body !== null ? (isBytes(body) ? (body as Uint8Array<ArrayBuffer>) : (streamOf(body, signal) as ReadableStream<Uint8Array<ArrayBuffer>>)) : null,
    init,
    url,
    redirected,
    type,
  );
}

function followRedirect(response: Response, request: Request, body: Uint8Array | undefined): Request | undefined {
  const location = response.headers.get('location');
  if (!REDIRECT_STATUS.has(response.status) || location === null || request.redirect === 'manual') return undefined;
  if (request.redirect === 'error') throw fetchFailed(new PookError(`pook: unexpected redirect to ${location} (redirect: "error").`));
  const url = new URL(location, request.url);
  const toGet = (response.status === 303 && request.method !== 'HEAD') || ((response.status === 301 || response.status === 302) && request.method === 'POST');
  const headers = new Headers(request.headers);
  if (toGet) for (const name of REQUEST_BODY_HEADERS) headers.delete(name);
  if (url.origin !== new URL(request.url).origin) for (const name of ['authorization', 'cookie', 'proxy-authorization']) headers.delete(name);
  return new Request(url, {
    method: toGet ? 'GET' : request.method,
    headers,
    body: toGet || body === undefined ? null : (body as Uint8Array<ArrayBuffer>),
    redirect: request.redirect,
    signal: request.signal,
  });
}

// What the fast path accepts of `init`: anything else (a signal, a redirect
// mode, a dispatcher, a stream body…) takes the general path.
const FAST_INIT_KEYS = new Set(['method', 'headers', 'body']);
// Methods whose Request normalisation is upper-casing (or, for PATCH, none
// that changes what a mock sees); others (CONNECT, TRACE, custom tokens) take the general path.
const FAST_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']);
const TEXT_TYPE = 'text/plain;charset=UTF-8';
const FORM_TYPE = 'application/x-www-form-urlencoded;charset=UTF-8';

// One recipe per Content-Type a fast-path body gets (none, text, form).
const RECIPES = new Map<string | undefined, HeaderRecipe>();

/**
 * The headers undici puts on a call that gives none, as a recipe: `host`,
 * its default headers, the Content-Type `Request` adds for a text or form
 * body and the body's framing (its Content-Length).
 */
function defaultHeaders(contentType: string | undefined): HeaderRecipe {
  let recipe = RECIPES.get(contentType);
  if (recipe === undefined) {
    recipe = (request) => {
      const pairs: Array<readonly [string, string]> = [['host', request.url.host], ...DEFAULT_HEADERS];
      if (contentType !== undefined) pairs.push(['content-type', contentType]);
      const framing = undiciFraming({ method: request.method, size: request.body?.byteLength ?? 0, streamed: false });
      if (framing !== undefined) pairs.push(framing);
      return pairs;
    };
    RECIPES.set(contentType, recipe);
  }
  return recipe;
}

/**
 * The request `fetch(input, init)` would make, built without a `Request`
 * (with its clone and body stream) when the call is a plain one: a string or
 * URL with an http(s) scheme and no credentials, an `init` of method,
 * headers and a string, bytes, ArrayBuffer or URLSearchParams body, exactly
 * as the general path would see it (the Content-Type Request adds for text
 * and form bodies, undici's default headers). `undefined` for anything else,
 * which the general path handles, and for any call Request would reject, so
 * that the general path throws Request's own error.
 */
function fastSnapshot(input: unknown, init: RequestInit | undefined): PookRequest | undefined {
  let url: URL;
  if (typeof input === 'string') {
    try {
      url = new URL(input);
    } catch {
      return undefined;
    }
  } else if (input instanceof URL) url = new URL(input.href);
  else return undefined;
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username !== '' || url.password !== '') return undefined;
  let method = 'GET';
  let headersInit: HeadersInit | undefined;
  let body: Uint8Array | undefined;
  let contentType: string | undefined;
  if (init !== undefined && init !== null) {
    if (typeof init !== 'object') return undefined;
    const proto = Object.getPrototypeOf(init) as unknown;
    if (proto !== Object.prototype && proto !== null) return undefined;
    for (const key in init) if (!FAST_INIT_KEYS.has(key) && (init as Record<string, unknown>)[key] !== undefined) return undefined;
    if (init.method !== undefined) {
      if (typeof init.method !== 'string') return undefined;
      method = init.method.toUpperCase();
      if (!FAST_METHODS.has(method)) return undefined;
    }
    const given = init.headers;
    if (given !== undefined && (given === null || typeof given !== 'object')) return undefined;
    headersInit = given;
    const source = init.body;
    if (source !== undefined && source !== null) {
      if (method === 'GET' || method === 'HEAD') return undefined; // Request rejects it
      if (typeof source === 'string') {
        body = utf8(source);
        contentType = TEXT_TYPE;
      } else if (source instanceof URLSearchParams) {
        body = utf8(source.toString());
        contentType = FORM_TYPE;
      } else if (isBytes(source)) body = new Uint8Array(source);
      else if (source instanceof ArrayBuffer) body = new Uint8Array(source.slice(0));
      else return undefined;
    }
  }
  let headers: Headers;
  // The common case: undici's headers alone, made from the request if read.
  if (headersInit === undefined) return adoptRequest({ method, url, headers: defaultHeaders(contentType), body, client: 'fetch' });
  try {
    headers = requestHeaders(headersInit, (headers, set) => {
      if (contentType !== undefined && !headers.has('content-type')) set('content-type', contentType);
      set('host', url.host);
      for (const [name, value] of DEFAULT_HEADERS) if (!headers.has(name)) set(name, value);
      frame(headers, method, body, false, set);
    });
  } catch {
    return undefined; // invalid headers: the general path throws Request's error
  }
  return adoptRequest({ method, url, headers, body, client: 'fetch' });
}

/**
 * The real response at the end of redirects this interceptor followed: the
 * same status, headers and body stream, with the `url` of the last hop and
 * `redirected` set, as fetch gives when it follows them itself.
 */
function followed(response: Response, type: 'basic' | 'cors'): Response {
  const headers: Array<[string, string]> = [];
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers.push([name, value]);
  });
  for (const cookie of response.headers.getSetCookie()) headers.push(['set-cookie', cookie]);
  const init = { status: response.status, statusText: response.statusText, headers };
  return new (fetchedResponse())(response.body as ReadableStream<Uint8Array<ArrayBuffer>> | null, init, response.url, true, type);
}

function createFetch(engine: RequestHandler, realFetch: typeof fetch): typeof fetch {
  /** Follows what the engine decided for `request` (and its redirects). */
  async function settle(request: Request, realInit: RequestInit | undefined, snap: PookRequest, outcome: Outcome, redirects: number): Promise<Response> {
    const origin = new URL(request.url).origin;
    // Tainted for good once a redirect leaves the first URL's origin, even if a later one comes back.
    let type: 'basic' | 'cors' = 'basic';
    /** Moves on to the next hop of a redirect: the request, what the engine decides for it. */
    const advance = async (next: Request): Promise<void> => {
      if (redirects >= MAX_REDIRECTS) throw fetchFailed(new PookError('pook: redirect count exceeded.'));
      request = next;
      if (new URL(request.url).origin !== origin) type = 'cors';
      redirects++;
      if (request.signal.aborted) throw request.signal.reason;
      snap = await snapshot(request);
      outcome = await engine.handle(snap, { signal: request.signal });
    };
    for (;;) {
      if (outcome.type === 'passthrough') {
        // The undici layer below must not decide this request again.
        const tap = ExchangeTap.of(outcome, snap);
        if (tap === undefined) {
          const { result, context } = runInPassthrough(() => realFetch(request, realInit));
          return result.finally(() => (context.open = false));
        }
        // Recorded: each hop of a redirect is an exchange of its own, as in a
        // browser's HAR, so the real call does not follow redirects and this
        // loop does, asking the engine again for every hop. The undici layer
        // below feeds the tap from the dispatch when it can (no tee); else
        // the response's body is teed here.
        const hopByHop = request.redirect === 'follow';
        const real = hopByHop ? new Request(request, { redirect: 'manual' }) : request;
        const offered: DispatchTap = { tap, follows: real.redirect === 'follow', attached: false, claimed: false };
        const { result, context } = runInPassthrough(() => realFetch(real, realInit), offered);
        let response: Response;
        try {
          response = await result.finally(() => (context.open = false));
        } catch (error) {
          tap.fail(error instanceof Error ? error : new Error(String(error)));
          throw error;
        }
        if (!offered.claimed) tap.tapResponse(response);
        const next = hopByHop ? followRedirect(response, request, snap.body) : undefined;
        if (next === undefined) return redirects === 0 ? response : followed(response, type);
        // A hop fed from the dispatch is recorded when its body ends: read it
        // (a redirect's body is small); a teed one can be cancelled.
        if (offered.claimed) await response.arrayBuffer().catch(() => undefined);
        else void response.body?.cancel().catch(() => undefined);
        await advance(next);
        continue;
      }
      if (outcome.type === 'error') {
        if (request.signal.aborted) throw request.signal.reason;
        throw fetchFailed(outcome.error);
      }
      const response = toResponse(outcome.response, request.method, request.url, request.signal, redirects > 0, type);
      const next = followRedirect(response, request, snap.body);
      if (next === undefined) return response;
      await advance(next);
    }
  }

  return async function fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const fast = fastSnapshot(input, init);
    if (fast !== undefined) {
      // No signal, no redirect mode, no dispatcher: a mocked answer that is
      // not a redirect needs no Request at all.
      const outcome = await engine.handle(fast);
      if (outcome.type === 'error') throw fetchFailed(outcome.error);
      if (outcome.type === 'response' && !REDIRECT_STATUS.has(outcome.response.status)) {
        return toResponse(outcome.response, fast.method, fast.url.href, undefined, false, 'basic');
      }
      return settle(new Request(input, init), undefined, fast, outcome, 0);
    }
    const request = new Request(input, init);
    // A Request cannot carry undici's `dispatcher` option; keep it for the real call.
    const dispatcher = (init as { dispatcher?: unknown } | undefined)?.dispatcher;
    const realInit = dispatcher === undefined ? undefined : ({ dispatcher } as RequestInit);
    if (request.signal.aborted) throw request.signal.reason;
    const snap = await snapshot(request);
    return settle(request, realInit, snap, await engine.handle(snap, { signal: request.signal }), 0);
  };
}

/**
 * Intercepts Node's global `fetch` by replacing `globalThis.fetch`. Mocked
 * responses are real `Response` objects (with `url`, `redirected`), redirects
 * are followed as fetch does, failures reject with `TypeError('fetch failed')`
 * whose `cause` is the pook error, and passthrough calls the original fetch.
 *
 * @example
 * ```ts
 * const engine = new Engine({ interceptors: () => [new FetchInterceptor()] });
 * engine.activate();
 * ```
 */
export class FetchInterceptor implements Interceptor {
  /** The interceptor's name: `interceptors: ['fetch']` in engine options selects it, and reports and debug lines name it. */
  readonly name = 'fetch';
  readonly #patches = new PatchSet();

  /** Replaces `globalThis.fetch`. Idempotent. */
  activate(engine: RequestHandler): void {
    if (typeof globalThis.fetch !== 'function' || !this.#patches.begin()) return;
    this.#patches.patch<typeof fetch>(globalThis, 'fetch', (realFetch) => createFetch(engine, realFetch));
  }

  /** Puts the original `globalThis.fetch` back. Idempotent. */
  disable(): void {
    this.#patches.restore();
  }
}
