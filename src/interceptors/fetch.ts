import { isBytes } from '../bytes.js';
import { PookError } from '../errors.js';
import type { Interceptor, Outcome, RequestHandler } from '../interceptor.js';
import { PookRequest } from '../request.js';
import type { ResolvedResponse } from '../response.js';
import { inPassthroughScope } from './bypass.js';
import { decodeBody, encodeResponse } from './content-encoding.js';
import { patch } from './patch.js';

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

async function snapshot(request: Request): Promise<PookRequest> {
  const body = request.body === null ? undefined : new Uint8Array(await request.clone().arrayBuffer());
  const headers = new Headers(request.headers);
  const url = new URL(request.url);
  headers.set('host', url.host);
  for (const [name, value] of DEFAULT_HEADERS) if (!headers.has(name)) headers.set(name, value);
  if (body !== undefined && !headers.has('content-length')) headers.set('content-length', String(body.byteLength));
  return new PookRequest({ method: request.method, url, headers, body, client: 'fetch' });
}

/** A pull-based stream: each chunk is produced only when the client reads, so streaming is real. */
function streamOf(source: AsyncIterable<Uint8Array>, signal: AbortSignal): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        signal.addEventListener('abort', () => {
          controller.error(signal.reason);
          void iterator.return?.();
        }, { once: true });
      },
      async pull(controller) {
        const { value, done } = await iterator.next();
        if (signal.aborted) return;
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

function toResponse(mocked: ResolvedResponse, request: Request, redirected: boolean): Response {
  if (mocked.status < 200) {
    throw fetchFailed(new PookError(`pook: a ${mocked.status} status cannot be the final response of fetch (${request.method} ${request.url}).`));
  }
  // The body a server would send (encoded as its Content-Encoding says),
  // then decoded as fetch decodes it: headers stay as sent.
  const resolved = encodeResponse(mocked);
  const hasBody = !NULL_BODY_STATUS.has(resolved.status) && request.method !== 'HEAD' && resolved.body !== null;
  const body = hasBody && !REDIRECT_STATUS.has(resolved.status) ? decodeBody(resolved.headers, resolved.body!) : resolved.body;
  const response = new Response(hasBody && body !== null ? (isBytes(body) ? (body as Uint8Array<ArrayBuffer>) : streamOf(body, request.signal)) : null, {
    status: resolved.status,
    statusText: resolved.statusText,
    headers: resolved.headers as Array<[string, string]>,
  });
  // A constructed Response has an empty url and type "default"; a fetched one does not.
  Object.defineProperties(response, {
    url: { value: request.url },
    redirected: { value: redirected },
    type: { value: 'basic' },
  });
  return response;
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

function createFetch(engine: RequestHandler, realFetch: typeof fetch): typeof fetch {
  return async function fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    let request = new Request(input, init);
    // A Request cannot carry undici's `dispatcher` option; keep it for the real call.
    const dispatcher = (init as { dispatcher?: unknown } | undefined)?.dispatcher;
    const realInit = dispatcher === undefined ? undefined : ({ dispatcher } as RequestInit);
    for (let redirects = 0; ; redirects++) {
      if (request.signal.aborted) throw request.signal.reason;
      const snap = await snapshot(request);
      const outcome: Outcome = await engine.handle(snap, { signal: request.signal });
      if (outcome.type === 'passthrough') {
        // The undici layer below must not decide this request again.
        const { result, scope } = inPassthroughScope(() => realFetch(request, realInit));
        return result.finally(() => (scope.open = false));
      }
      if (outcome.type === 'error') {
        if (request.signal.aborted) throw request.signal.reason;
        throw fetchFailed(outcome.error);
      }
      const response = toResponse(outcome.response, request, redirects > 0);
      const next = followRedirect(response, request, snap.body);
      if (next === undefined) return response;
      if (redirects >= MAX_REDIRECTS) throw fetchFailed(new PookError('pook: redirect count exceeded.'));
      request = next;
    }
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
  readonly name = 'fetch';
  #restore: (() => void) | undefined;

  /** Replaces `globalThis.fetch`. Idempotent. */
  activate(engine: RequestHandler): void {
    if (this.#restore !== undefined || typeof globalThis.fetch !== 'function') return;
    this.#restore = patch<typeof fetch>(globalThis, 'fetch', (realFetch) => createFetch(engine, realFetch));
  }

  /** Puts the original `globalThis.fetch` back. Idempotent. */
  disable(): void {
    this.#restore?.();
    this.#restore = undefined;
  }
}
