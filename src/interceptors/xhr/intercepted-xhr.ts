import { concatBytes, isBytes, toArrayBuffer } from '../../core/bytes.js';
import type { RequestHandler } from '../../core/interceptor.js';
import { PookRequest } from '../../core/pook-request.js';
import type { ResolvedResponse } from '../../core/resolved-response.js';
import { decodeBody } from '../shared/content-encoding.js';
import { ExchangeTap } from '../shared/exchange-tap.js';
import { runInPassthrough } from '../shared/passthrough-guard.js';
import { undiciFraming } from '../shared/undici-framing.js';
import { wireResponse } from '../shared/wire-response.js';
import { extractXhrBody, type XhrBody } from './xhr-body.js';
import { parseHeaderBlock, xhrResponseBytes } from './xhr-observed.js';
import { baseUrl, realmOf } from './xhr-realm.js';

// XMLHttpRequest of the environment (jsdom, happy-dom, a browser), intercepted
// at its own API: a request is decided when send() is called, as the page
// wrote it, before the environment applies CORS or spawns the worker of a
// synchronous request. A mocked response is played through the XHR state
// machine here (readyState, progress events, responseType); a request let
// through is handed to the environment's own XHR untouched.

const OPENED = 1;
const HEADERS_RECEIVED = 2;
const LOADING = 3;
const DONE = 4;
const MAX_REDIRECTS = 20;
const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);
const NORMALIZED_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);
// Headers a page may not set (XHR silently drops them; fetch standard "forbidden request-header").
const FORBIDDEN_HEADERS = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
]);
const REQUEST_BODY_HEADERS = ['content-type', 'content-encoding', 'content-language', 'content-location'];

type Pair = [string, string];

function mimeOf(headers: readonly Pair[], override: string | undefined): { essence: string; charset: string | undefined } {
  const value = override ?? headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  const [essence = '', ...params] = value.split(';');
  const charset = params
    .map((p) => p.trim().split('='))
    .find(([key]) => key?.toLowerCase() === 'charset')?.[1]
    ?.replace(/^"|"$/g, '');
  return { essence: essence.trim().toLowerCase(), charset };
}

const isXml = (essence: string): boolean => essence === 'text/xml' || essence === 'application/xml' || essence.endsWith('+xml');

/**
 * A subclass of the environment's `XMLHttpRequest` whose `send()` asks the
 * engine: a mocked response is played through the XHR state machine, a
 * request let through goes to the environment's own implementation.
 */
export function createXhrClass(engine: RequestHandler, Base: typeof XMLHttpRequest, scope: typeof globalThis): typeof XMLHttpRequest {
  const realm = realmOf(scope);
  const invalidState = (message: string): DOMException => new realm.DOMException(message, 'InvalidStateError');

  class PookXMLHttpRequest extends Base {
    // 'native': the environment's XHR holds the state (before send, and for
    // a request let through); 'pook': pook plays the request out.
    #mode: 'native' | 'pook' = 'native';
    #method = 'GET';
    #url: URL | undefined;
    #async = true;
    #credentials: unknown[] = [];
    #requestHeaders: Pair[] = [];
    #overrideMime: string | undefined;
    #sent = false;
    #readyState = OPENED;
    #status = 0;
    #statusText = '';
    #responseUrl = '';
    #responseHeaders: Pair[] = [];
    #chunks: Uint8Array[] = [];
    #received = 0;
    #bytes: Uint8Array | undefined;
    #parsed: { readonly value: unknown } | undefined;
    #cancel: AbortController | undefined;
    #timer: ReturnType<typeof setTimeout> | undefined;
    #started = false;
    #uploadDone = true;

    override open(method: string, url: string | URL, ...rest: unknown[]): void {
      this.#stop();
      (super.open as (...args: unknown[]) => void)(method, url, ...rest);
      this.#mode = 'native';
      this.#method = NORMALIZED_METHODS.has(method.toUpperCase()) ? method.toUpperCase() : method;
      this.#url = new URL(String(url), baseUrl(scope));
      this.#async = rest.length === 0 ? true : Boolean(rest[0]);
      this.#credentials = rest.slice(1);
      this.#requestHeaders = [];
      this.#overrideMime = undefined;
      this.#sent = false;
    }

    override setRequestHeader(name: string, value: string): void {
      if (this.#sent) throw invalidState("Failed to execute 'setRequestHeader': send() has been called.");
      super.setRequestHeader(name, value);
      const lower = name.toLowerCase();
      if (FORBIDDEN_HEADERS.has(lower) || lower.startsWith('proxy-') || lower.startsWith('sec-')) return;
      const trimmed = String(value).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
      const existing = this.#requestHeaders.find(([key]) => key.toLowerCase() === lower);
      if (existing) existing[1] = `${existing[1]}, ${trimmed}`;
      else this.#requestHeaders.push([name, trimmed]);
    }

    override overrideMimeType(mime: string): void {
      if (this.#mode === 'pook' && this.#readyState >= LOADING) throw invalidState("Failed to execute 'overrideMimeType': the response is loading or done.");
      super.overrideMimeType(mime);
      this.#overrideMime = mime;
    }

    override send(body?: Document | XMLHttpRequestBodyInit | null): void {
      if (this.readyState !== OPENED || this.#sent) throw invalidState("Failed to execute 'send': the object's state must be OPENED.");
      if (!this.#async) {
        // pook decides asynchronously (reply functions, delays, the whole body); a synchronous XHR would block that decision.
        throw new realm.DOMException(
          `pook: synchronous XMLHttpRequest is not supported (${this.#method} ${this.#url?.href}); make the request asynchronous.`,
          'NetworkError',
        );
      }
      this.#mode = 'pook';
      this.#sent = true;
      this.#readyState = OPENED;
      this.#status = 0;
      this.#statusText = '';
      this.#responseUrl = '';
      this.#responseHeaders = [];
      this.#chunks = [];
      this.#received = 0;
      this.#bytes = undefined;
      this.#parsed = undefined;
      this.#started = false;
      const cancel = new AbortController();
      this.#cancel = cancel;
      const timeout = this.timeout;
      if (timeout > 0) this.#timer = setTimeout(() => this.#fail('timeout', cancel), timeout);
      const payload = this.#method === 'GET' || this.#method === 'HEAD' ? null : body;
      this.#run(payload, cancel).catch(() => this.#fail('error', cancel));
    }

    override abort(): void {
      if (this.#mode === 'native') {
        super.abort();
        return;
      }
      const cancel = this.#cancel;
      if (cancel !== undefined && !cancel.signal.aborted && this.#sent) this.#fail('abort', cancel);
      if (this.#readyState === DONE) {
        this.#readyState = 0;
        this.#status = 0;
      }
    }

    /** Cancels what pook is playing out, silently (open() does). */
    #stop(): void {
      this.#cancel?.abort();
      this.#cancel = undefined;
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }

    #fire(type: string, target: EventTarget = this, progress?: { loaded: number; total: number }): void {
      const event =
        progress === undefined
          ? new realm.Event(type)
          : realm.ProgressEvent !== undefined
            ? new realm.ProgressEvent(type, { lengthComputable: progress.total > 0, loaded: progress.loaded, total: progress.total })
            : Object.assign(new realm.Event(type), { lengthComputable: progress.total > 0, loaded: progress.loaded, total: progress.total });
      target.dispatchEvent(event);
    }

    #start(body: XhrBody | undefined): void {
      if (this.#started) return;
      this.#started = true;
      this.#fire('loadstart', this, { loaded: 0, total: 0 });
      this.#uploadDone = body === undefined;
      if (body !== undefined) this.#fire('loadstart', this.upload, { loaded: 0, total: body.bytes.byteLength });
    }

    /** The request error steps: network error, abort or timeout. */
    #fail(type: 'error' | 'abort' | 'timeout', cancel: AbortController): void {
      if (cancel !== this.#cancel || cancel.signal.aborted) return;
      cancel.abort();
      clearTimeout(this.#timer);
      this.#sent = false;
      this.#status = 0;
      this.#statusText = '';
      this.#responseHeaders = [];
      this.#chunks = [];
      this.#received = 0;
      this.#bytes = undefined;
      this.#parsed = { value: null };
      this.#started = true;
      this.#readyState = DONE;
      this.#fire('readystatechange');
      if (!this.#uploadDone) {
        this.#uploadDone = true;
        this.#fire(type, this.upload, { loaded: 0, total: 0 });
        this.#fire('loadend', this.upload, { loaded: 0, total: 0 });
      }
      this.#fire(type, this, { loaded: 0, total: 0 });
      this.#fire('loadend', this, { loaded: 0, total: 0 });
    }

    async #run(payload: unknown, cancel: AbortController): Promise<void> {
      const body = await extractXhrBody(payload, realm, this.#url!);
      if (cancel.signal.aborted) return;
      let method = this.#method;
      let url = this.#url!;
      let headers: Pair[] = [...this.#requestHeaders];
      if (body?.type !== undefined && !headers.some(([name]) => name.toLowerCase() === 'content-type')) headers.push(['Content-Type', body.type]);
      let bytes = body?.bytes;
      for (let redirects = 0; ; redirects++) {
        const seen: Pair[] = [['host', url.host], ...headers];
        if (!seen.some(([name]) => name.toLowerCase() === 'accept')) seen.push(['accept', '*/*']);
        // Framed as the environment frames it on the wire: happy-dom streams
        // every body chunked; jsdom sends through undici, whose framing
        // (a Content-Length, `0` for a POST without a body) browsers share.
        const framing =
          bytes !== undefined && body?.chunked === true
            ? (['transfer-encoding', 'chunked'] as const)
            : undiciFraming({ method, size: bytes?.byteLength ?? 0, streamed: false });
        if (framing !== undefined) seen.push([framing[0], framing[1]]);
        const request = new PookRequest({ method, url, headers: seen, body: bytes, client: 'xhr' });
        const outcome = await engine.handle(request, { signal: cancel.signal });
        if (cancel.signal.aborted) return;
        if (outcome.type === 'passthrough') {
          this.#native(method, url, headers, redirects > 0, bytes === undefined ? undefined : body, ExchangeTap.of(outcome, request));
          return;
        }
        this.#start(body);
        if (outcome.type === 'error') {
          this.#fail('error', cancel);
          return;
        }
        const response = outcome.response;
        const location = response.headers.find(([name]) => name.toLowerCase() === 'location')?.[1];
        if (!REDIRECT_STATUS.has(response.status) || location === undefined) {
          await this.#deliver(response, url, method, body, cancel);
          return;
        }
        if (redirects >= MAX_REDIRECTS) {
          this.#fail('error', cancel);
          return;
        }
        // Redirects are followed as fetch follows them (XHR always does).
        const toGet = (response.status === 303 && method !== 'HEAD') || ((response.status === 301 || response.status === 302) && method === 'POST');
        const next = new URL(location, url);
        if (toGet) {
          method = 'GET';
          bytes = undefined;
          headers = headers.filter(([name]) => !REQUEST_BODY_HEADERS.includes(name.toLowerCase()));
        }
        if (next.origin !== url.origin) headers = headers.filter(([name]) => name.toLowerCase() !== 'authorization');
        url = next;
      }
    }

    /** Hands the request to the environment's own XHR, which the layers below let through. */
    #native(method: string, url: URL, headers: readonly Pair[], redirected: boolean, body: XhrBody | undefined, tap: ExchangeTap | undefined): void {
      clearTimeout(this.#timer);
      this.#mode = 'native';
      if (redirected) {
        (super.open as (...args: unknown[]) => void)(method, url.href, true, ...this.#credentials);
        for (const [name, value] of headers) super.setRequestHeader(name, value);
      }
      // The environment sends the very bytes and Content-Type pook saw (its
      // own encoding of a FormData would pick another boundary, and a body
      // object of another realm may not be recognised by it).
      if (body?.type !== undefined && !redirected && !this.#requestHeaders.some(([name]) => name.toLowerCase() === 'content-type')) {
        super.setRequestHeader('Content-Type', body.type);
      }
      const replay = body === undefined ? null : toArrayBuffer(body.bytes);
      const { context } = runInPassthrough(() => super.send(replay));
      this.addEventListener('loadend', () => (context.open = false), { once: true });
      if (tap !== undefined) {
        this.addEventListener(
          'loadend',
          () => {
            if (super.status === 0) {
              tap.fail(new Error('pook: the real XMLHttpRequest failed.'));
              return;
            }
            tap.head(super.status, super.statusText, parseHeaderBlock(super.getAllResponseHeaders()), 'HTTP/1.1', true);
            const bytes = xhrResponseBytes(
              super.responseType,
              () => super.response as unknown,
              () => super.responseText,
            );
            if (bytes === undefined) tap.fail(new Error('pook: the XMLHttpRequest body cannot be recorded with this responseType.'));
            else {
              tap.data(bytes);
              tap.end();
            }
          },
          { once: true },
        );
      }
    }

    async #deliver(mocked: ResolvedResponse, url: URL, method: string, body: XhrBody | undefined, cancel: AbortController): Promise<void> {
      if (body !== undefined && !this.#uploadDone) {
        const total = body.bytes.byteLength;
        this.#uploadDone = true;
        for (const type of ['progress', 'load', 'loadend']) this.#fire(type, this.upload, { loaded: total, total });
      }
      const response = wireResponse(mocked, method);
      this.#status = response.status;
      this.#statusText = response.statusText;
      this.#responseHeaders = response.headers.map(([name, value]) => [name, value]);
      this.#responseUrl = url.href;
      this.#readyState = HEADERS_RECEIVED;
      this.#fire('readystatechange');
      if (cancel.signal.aborted) return;
      const noBody = method === 'HEAD' || response.status === 204 || response.status === 304 || response.body === null;
      // Browsers decode Content-Encoding before the page sees the body.
      const decoded = noBody ? undefined : decodeBody(response.headers, response.body!);
      const length = isBytes(decoded) ? decoded.byteLength : 0;
      if (decoded !== undefined) {
        for await (const chunk of isBytes(decoded) ? [decoded] : decoded) {
          if (cancel.signal.aborted) return;
          if (chunk.byteLength === 0) continue;
          this.#chunks.push(chunk);
          this.#received += chunk.byteLength;
          this.#readyState = LOADING;
          this.#fire('readystatechange');
          this.#fire('progress', this, { loaded: this.#received, total: length });
        }
      }
      if (cancel.signal.aborted) return;
      clearTimeout(this.#timer);
      this.#sent = false;
      this.#readyState = DONE;
      this.#fire('readystatechange');
      this.#fire('load', this, { loaded: this.#received, total: length });
      this.#fire('loadend', this, { loaded: this.#received, total: length });
    }

    #body(): Uint8Array {
      if (this.#bytes === undefined || this.#bytes.byteLength !== this.#received) {
        this.#bytes = this.#chunks.length === 1 ? this.#chunks[0]! : concatBytes(this.#chunks);
      }
      return this.#bytes;
    }

    #text(): string {
      const { charset } = mimeOf(this.#responseHeaders, this.#overrideMime);
      let decoder: TextDecoder;
      try {
        decoder = new TextDecoder(charset ?? 'utf-8');
      } catch {
        decoder = new TextDecoder('utf-8');
      }
      return decoder.decode(this.#body());
    }

    #document(): unknown {
      const { essence } = mimeOf(this.#responseHeaders, this.#overrideMime);
      const type = essence === 'text/html' ? 'text/html' : isXml(essence) ? 'application/xml' : undefined;
      if (type === undefined || realm.DOMParser === undefined) return null;
      try {
        return new realm.DOMParser().parseFromString(this.#text(), type);
      } catch {
        return null;
      }
    }

    override get readyState(): number {
      return this.#mode === 'native' ? super.readyState : this.#readyState;
    }

    override get status(): number {
      return this.#mode === 'native' ? super.status : this.#status;
    }

    override get statusText(): string {
      return this.#mode === 'native' ? super.statusText : this.#statusText;
    }

    override get responseURL(): string {
      return this.#mode === 'native' ? super.responseURL : this.#responseUrl;
    }

    override getResponseHeader(name: string): string | null {
      if (this.#mode === 'native') return super.getResponseHeader(name);
      const lower = String(name).toLowerCase();
      if (this.#readyState < HEADERS_RECEIVED || lower === 'set-cookie' || lower === 'set-cookie2') return null;
      const values = this.#responseHeaders.filter(([key]) => key.toLowerCase() === lower).map(([, value]) => value);
      return values.length === 0 ? null : values.join(', ');
    }

    override getAllResponseHeaders(): string {
      if (this.#mode === 'native') return super.getAllResponseHeaders();
      if (this.#readyState < HEADERS_RECEIVED) return '';
      const combined = new Map<string, string[]>();
      for (const [name, value] of this.#responseHeaders) {
        const lower = name.toLowerCase();
        if (lower === 'set-cookie' || lower === 'set-cookie2') continue;
        combined.set(lower, [...(combined.get(lower) ?? []), value]);
      }
      return [...combined.keys()]
        .sort()
        .map((name) => `${name}: ${combined.get(name)!.join(', ')}\r\n`)
        .join('');
    }

    override get responseText(): string {
      if (this.#mode === 'native') return super.responseText;
      if (this.responseType !== '' && this.responseType !== 'text') throw invalidState("Failed to read 'responseText': responseType is not '' or 'text'.");
      if (this.#readyState < LOADING) return '';
      return this.#text();
    }

    override get responseXML(): Document | null {
      if (this.#mode === 'native') return super.responseXML;
      if (this.responseType !== '' && this.responseType !== 'document')
        throw invalidState("Failed to read 'responseXML': responseType is not '' or 'document'.");
      if (this.#readyState !== DONE) return null;
      this.#parsed ??= { value: this.#document() };
      return this.#parsed.value as Document | null;
    }

    override get response(): unknown {
      if (this.#mode === 'native') return super.response;
      const type = this.responseType;
      if (type === '' || type === 'text') return this.#readyState < LOADING ? '' : this.#text();
      if (this.#readyState !== DONE) return null;
      if (this.#parsed === undefined) {
        const bytes = this.#body();
        let value: unknown = null;
        if (type === 'arraybuffer') value = toArrayBuffer(bytes);
        else if (type === 'blob') value = new realm.Blob([toArrayBuffer(bytes)], { type: mimeOf(this.#responseHeaders, this.#overrideMime).essence });
        else if (type === 'document') value = this.#document();
        else if (type === 'json') {
          try {
            value = JSON.parse(new TextDecoder().decode(bytes));
          } catch {
            value = null;
          }
        }
        this.#parsed = { value };
      }
      return this.#parsed.value;
    }
  }
  Object.defineProperty(PookXMLHttpRequest, 'name', { value: Base.name });
  return PookXMLHttpRequest as unknown as typeof XMLHttpRequest;
}
