import type querystring from 'node:querystring';
import type stream from 'node:stream';
import type { Readable } from 'node:stream';
import { builtin } from '../../core/builtin.js';
import { isBytes } from '../../core/bytes.js';
import { PookRequest } from '../../core/pook-request.js';
import { encodeMultipart } from '../shared/multipart.js';
import { undiciFraming } from '../shared/undici-framing.js';

/** The options undici passes to `Dispatcher#dispatch` (the fields pook reads). */
export interface DispatchOptions {
  readonly origin?: string | URL;
  readonly path: string;
  readonly method: string;
  readonly headers?: unknown;
  readonly query?: Record<string, unknown>;
  readonly body?: unknown;
  readonly [key: string]: unknown;
}

/** A dispatch read by pook: the request the engine sees, and the options that send exactly it. */
export interface ReadDispatch {
  readonly request: PookRequest;
  /** Options for the real dispatch: the given ones, with a consumed body replaced by a replay of the same bytes. */
  readonly passthrough: DispatchOptions;
}

type Pair = [string, string];

function headerValue(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => headerText(v));
  return [headerText(value)];
}

function headerText(value: unknown): string {
  if (isBytes(value)) return Buffer.from(value).toString('latin1');
  return String(value);
}

/** undici's accepted header shapes: a flat array, an iterable of pairs, or a record. */
function headerPairs(headers: unknown): Pair[] {
  const pairs: Pair[] = [];
  if (headers === null || headers === undefined) return pairs;
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) for (const value of headerValue(headers[i + 1])) pairs.push([headerText(headers[i]), value]);
    return pairs;
  }
  if (typeof headers === 'object' && Symbol.iterator in headers) {
    for (const [name, value] of headers as Iterable<[unknown, unknown]>) for (const v of headerValue(value)) pairs.push([headerText(name), v]);
    return pairs;
  }
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    if (value === undefined) continue;
    for (const v of headerValue(value)) pairs.push([name, v]);
  }
  return pairs;
}

const has = (pairs: readonly Pair[], name: string): boolean => pairs.some(([key]) => key.toLowerCase() === name);

const isReadable = (body: object): body is Readable => typeof (body as Readable).pipe === 'function' && typeof (body as Readable).on === 'function';
const tagOf = (body: object): unknown => (body as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag];
const isBlob = (body: object): body is Blob => (tagOf(body) === 'Blob' || tagOf(body) === 'File') && typeof (body as Blob).arrayBuffer === 'function';
const isFormData = (body: object): body is FormData => tagOf(body) === 'FormData' && typeof (body as FormData).entries === 'function';

async function collect(source: AsyncIterable<unknown> | Iterable<unknown>): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of source as AsyncIterable<unknown>) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array));
  }
  return chunks;
}

interface Body {
  readonly bytes: Buffer | undefined;
  /** The body to send for real: the given one when it can be sent again, else a replay. */
  readonly replay: unknown;
  readonly contentType?: string;
  /** Sent in chunks of unknown total length (a stream or iterable), so without `content-length`. */
  readonly streamed?: boolean;
}

async function readBody(body: unknown): Promise<Body> {
  if (body === null || body === undefined) return { bytes: undefined, replay: body };
  if (typeof body === 'string') return { bytes: Buffer.from(body), replay: body };
  if (body instanceof ArrayBuffer) return { bytes: Buffer.from(body), replay: body };
  if (ArrayBuffer.isView(body)) return { bytes: Buffer.from(body.buffer, body.byteOffset, body.byteLength), replay: body };
  if (typeof body !== 'object') return { bytes: Buffer.from(String(body)), replay: body };
  if (isFormData(body)) {
    const { bytes, type } = await encodeMultipart(body.entries() as Iterable<[string, unknown]>);
    return { bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), replay: bytes, contentType: type };
  }
  if (isBlob(body)) {
    const bytes = Buffer.from(await body.arrayBuffer());
    return { bytes, replay: body, ...(body.type === '' ? {} : { contentType: body.type }) };
  }
  if (isReadable(body)) {
    const chunks = await collect(body as AsyncIterable<unknown>);
    return { bytes: Buffer.concat(chunks), replay: builtin<typeof stream>('node:stream').Readable.from(chunks, { objectMode: false }), streamed: true };
  }
  if (Symbol.asyncIterator in body || Symbol.iterator in body) {
    const chunks = await collect(body as AsyncIterable<unknown>);
    return {
      bytes: Buffer.concat(chunks),
      replay: (async function* replay() {
        yield* chunks;
      })(),
      streamed: true,
    };
  }
  return { bytes: undefined, replay: body };
}

/**
 * Reads a dispatch: the URL (origin + path + query), the headers undici
 * will write (with `host`, `content-type` and the framing header,
 * `content-length` or `transfer-encoding: chunked`, as it adds them), and
 * the whole body, consuming a stream or iterable once and
 * keeping its bytes for a real dispatch.
 *
 * @param opts - the dispatch options
 * @param ownOrigin - the origin of a Client or Pool called without `opts.origin`
 */
export async function readDispatch(opts: DispatchOptions, ownOrigin: string | undefined): Promise<ReadDispatch> {
  const origin = new URL(String(opts.origin ?? ownOrigin ?? 'http://localhost'));
  let path = opts.path;
  if (opts.query !== undefined && opts.query !== null) {
    // Loaded when first needed, not on import (docs/performance.md, "Load less").
    const { stringify } = builtin<typeof querystring>('node:querystring');
    const query = stringify(opts.query as Parameters<typeof stringify>[0]);
    if (query !== '') path += `?${query}`;
  }
  const url = /^https?:\/\//i.test(path) ? new URL(path) : new URL(`${origin.origin}${path}`);
  const given = headerPairs(opts.headers);
  const body = await readBody(opts.body);
  const headers: Pair[] = [...given];
  if (!has(headers, 'host')) headers.unshift(['host', url.host]);
  const added: Pair[] = [];
  if (body.contentType !== undefined && !has(given, 'content-type')) added.push(['content-type', body.contentType]);
  if (!has(given, 'content-length') && !has(given, 'transfer-encoding')) {
    const framing = undiciFraming({ method: opts.method, size: body.bytes?.byteLength ?? 0, streamed: body.streamed === true });
    if (framing !== undefined) headers.push([framing[0], framing[1]]);
  }
  headers.push(...added);
  const request = new PookRequest({
    method: opts.method,
    url,
    headers,
    body: body.bytes === undefined || body.bytes.byteLength === 0 ? undefined : body.bytes,
    client: 'undici',
  });
  const passthrough: DispatchOptions =
    body.replay === opts.body && added.length === 0 ? { ...opts } : { ...opts, body: body.replay, headers: [...given, ...added].flat() };
  return { request, passthrough };
}
