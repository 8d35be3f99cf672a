import { utf8 } from '../../core/bytes.js';
import { encodeMultipart } from '../shared/multipart.js';
import type { Realm } from './xhr-realm.js';

// XMLHttpRequest#send(body): the bytes, default Content-Type and framing
// the environment's own XHR would put on the wire for the body, so the
// request a mock sees is what a real server receives, and a request let
// through sends exactly that (docs/clients.md, "XMLHttpRequest"). A body is
// recognised as the environment recognises it, by the environment's own
// classes or its own body extraction, never by `Symbol.toStringTag` (which
// happy-dom's classes do not set).

/** An extracted request body. */
export interface XhrBody {
  readonly bytes: Uint8Array;
  /** The Content-Type the body brings when the author set none. */
  readonly type: string | undefined;
  /** Sent with `Transfer-Encoding: chunked` rather than a Content-Length (happy-dom). */
  readonly chunked: boolean;
}

const TEXT = 'text/plain;charset=UTF-8';

/** A DOM Document of any environment (node type 9). */
const isDocument = (value: object): boolean =>
  (value as { nodeType?: unknown }).nodeType === 9 && typeof (value as { documentElement?: unknown }).documentElement === 'object';

function serializeDocument(realm: Realm, document: object): { text: string; html: boolean } {
  const doc = document as { documentElement?: { outerHTML?: string } | null; contentType?: string };
  const html = doc.contentType === 'text/html';
  if (!html && realm.XMLSerializer !== undefined) return { text: new realm.XMLSerializer().serializeToString(document), html };
  return { text: doc.documentElement?.outerHTML ?? '', html };
}

/**
 * happy-dom's XHR sends through happy-dom's own fetch: a falsy body is no
 * body, a Document is serialised to text first, and anything else is
 * extracted by its `Request` (whatever it recognises, it recognises), then
 * piped to the socket chunked.
 */
async function fetchExtracted(body: unknown, realm: Realm & { readonly Request: typeof Request }, url: URL): Promise<XhrBody | undefined> {
  if (!body) return undefined;
  const init = typeof body === 'object' && isDocument(body) ? serializeDocument(realm, body).text : body;
  const request = new realm.Request(url.href, { method: 'POST', body: init as BodyInit });
  return { bytes: new Uint8Array(await request.arrayBuffer()), type: request.headers.get('content-type') ?? undefined, chunked: true };
}

/**
 * The XHR standard's "extract a body" as jsdom implements it: a Blob
 * (File) or FormData of the environment, an ArrayBuffer or a view of any
 * realm, a Document; anything else, URLSearchParams included (jsdom's XHR
 * does not take them), is sent as its string. Sent with a Content-Length.
 */
/** Whether `value` is an ArrayBuffer or SharedArrayBuffer of any realm (what node:util's `types.isAnyArrayBuffer` says). */
function isAnyArrayBuffer(value: object): boolean {
  const tag = Object.prototype.toString.call(value);
  return tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]';
}

async function standardExtracted(body: unknown, realm: Realm): Promise<XhrBody> {
  const chunked = false;
  if (typeof body !== 'object' || body === null) return { bytes: utf8(String(body)), type: TEXT, chunked };
  if (isAnyArrayBuffer(body)) return { bytes: new Uint8Array((body as ArrayBuffer).slice(0)), type: undefined, chunked };
  // jsdom copies a view with `new Uint8Array(view)`: element by element, so a
  // wider typed array loses its high bytes and a DataView sends nothing.
  if (ArrayBuffer.isView(body)) return { bytes: new Uint8Array(body as unknown as ArrayLike<number>), type: undefined, chunked };
  if (body instanceof realm.Blob) return { bytes: new Uint8Array(await body.arrayBuffer()), type: body.type === '' ? undefined : body.type, chunked };
  if (realm.FormData !== undefined && body instanceof realm.FormData) {
    const { bytes, type } = await encodeMultipart(body as unknown as Iterable<[string, unknown]>);
    return { bytes, type, chunked };
  }
  if (isDocument(body)) {
    const { text, html } = serializeDocument(realm, body);
    return { bytes: utf8(text), type: html ? 'text/html;charset=UTF-8' : 'application/xml;charset=UTF-8', chunked };
  }
  return { bytes: utf8(String(body)), type: TEXT, chunked };
}

/**
 * Extracts an XHR request body as the environment's XHR does; `null` or
 * `undefined` (and, under happy-dom, any falsy value) is no body.
 *
 * @param body - what `send()` was given
 * @param realm - the environment's classes
 * @param url - the request URL (happy-dom's `Request` needs one)
 */
export async function extractXhrBody(body: unknown, realm: Realm, url: URL): Promise<XhrBody | undefined> {
  if (realm.Request !== undefined) return fetchExtracted(body, realm as Realm & { readonly Request: typeof Request }, url);
  if (body === null || body === undefined) return undefined;
  return standardExtracted(body, realm);
}
