// XMLHttpRequest#send(body): the bytes and default Content-Type the XHR
// standard's "extract a body" gives, for the body types of any realm (jsdom's
// and happy-dom's Blob, FormData and Document are not Node's).

import { utf8 } from '../../core/bytes.js';
import { encodeMultipart } from '../shared/multipart.js';

/** An extracted request body. */
export interface XhrBody {
  readonly bytes: Uint8Array;
  /** The Content-Type the body brings when the author set none. */
  readonly type: string | undefined;
}

const tag = (value: object): string => Object.prototype.toString.call(value).slice(8, -1);

interface BlobLike {
  readonly type: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

const isBlob = (value: object): value is BlobLike => (tag(value) === 'Blob' || tag(value) === 'File') && typeof (value as BlobLike).arrayBuffer === 'function';

async function blobBytes(blob: BlobLike): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

function serializeDocument(document: object): { text: string; html: boolean } {
  const doc = document as { documentElement?: { outerHTML?: string }; contentType?: string };
  const Serializer = (globalThis as { XMLSerializer?: new () => { serializeToString(node: object): string } }).XMLSerializer;
  const html = doc.contentType === 'text/html';
  if (!html && Serializer !== undefined) return { text: new Serializer().serializeToString(document), html };
  return { text: doc.documentElement?.outerHTML ?? '', html };
}

/** Extracts an XHR request body; `null`/`undefined` is no body. */
export async function extractXhrBody(body: unknown): Promise<XhrBody | undefined> {
  if (body === null || body === undefined) return undefined;
  if (typeof body === 'string') return { bytes: utf8(body), type: 'text/plain;charset=UTF-8' };
  if (typeof body !== 'object') return { bytes: utf8(String(body)), type: 'text/plain;charset=UTF-8' };
  const kind = tag(body);
  if (kind === 'ArrayBuffer' || kind === 'SharedArrayBuffer') return { bytes: new Uint8Array((body as ArrayBuffer).slice(0)), type: undefined };
  if (ArrayBuffer.isView(body)) return { bytes: new Uint8Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength)), type: undefined };
  if (isBlob(body)) return { bytes: await blobBytes(body), type: body.type === '' ? undefined : body.type };
  if (kind === 'URLSearchParams') return { bytes: utf8(String(body)), type: 'application/x-www-form-urlencoded;charset=UTF-8' };
  if (kind === 'FormData') {
    const { bytes, type } = await encodeMultipart(body as Iterable<[string, unknown]>);
    return { bytes, type };
  }
  if (kind === 'Document' || kind === 'XMLDocument' || kind === 'HTMLDocument') {
    const { text, html } = serializeDocument(body);
    return { bytes: utf8(text), type: html ? 'text/html;charset=UTF-8' : 'application/xml;charset=UTF-8' };
  }
  return { bytes: utf8(String(body)), type: 'text/plain;charset=UTF-8' };
}
