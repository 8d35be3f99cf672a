import type zlib from 'node:zlib';
import { builtin } from '../../core/builtin.js';
import { concatBytes, isBytes } from '../../core/bytes.js';
import type { ResolvedResponse } from '../../core/resolved-response.js';

// A mock that says `Content-Encoding: gzip` (or deflate, br) gets its body
// encoded here, once for every interceptor, so clients that decompress
// (fetch, got, axios, browsers' XHR) return the original, and clients that
// do not (node:http, undici.request) see the bytes a server would send. A
// body that is already encoded (gzip and zlib headers, or bytes that decode
// as brotli) is sent as given.

type Coding = 'gzip' | 'deflate' | 'br';

let zlibModule: typeof zlib | undefined;
const z = (): typeof zlib => (zlibModule ??= builtin<typeof zlib>('node:zlib', 'a body with a Content-Encoding'));
type Header = readonly [string, string];

const ENCODERS: Readonly<Record<Coding, () => zlib.Gzip | zlib.Deflate | zlib.BrotliCompress>> = {
  gzip: () => z().createGzip(),
  deflate: () => z().createDeflate(),
  br: () => z().createBrotliCompress(),
};
const DECODERS: Readonly<Record<Coding, () => zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress>> = {
  gzip: () => z().createGunzip({ finishFlush: z().constants.Z_SYNC_FLUSH }),
  deflate: () => z().createInflate({ finishFlush: z().constants.Z_SYNC_FLUSH }),
  br: () => z().createBrotliDecompress({ finishFlush: z().constants.BROTLI_OPERATION_FLUSH }),
};

/**
 * The codings a `Content-Encoding` header lists, in the order they were
 * applied; `undefined` when there is none, or one pook cannot apply
 * (then the body is left alone).
 */
function contentCodings(headers: readonly Header[]): Coding[] | undefined {
  // Called for every mocked response, which rarely has the header: no allocation then.
  let values: string[] | undefined;
  for (const [name, value] of headers) {
    if (name.length === 16 && name.toLowerCase() === 'content-encoding') {
      values ??= [];
      values.push(value);
    }
  }
  if (values === undefined) return undefined;
  const codings: Coding[] = [];
  for (const token of values.join(',').split(',')) {
    const coding = token.trim().toLowerCase();
    if (coding === '' || coding === 'identity') continue;
    if (coding === 'x-gzip' || coding === 'gzip') codings.push('gzip');
    else if (coding === 'deflate' || coding === 'br') codings.push(coding);
    else return undefined;
  }
  return codings.length === 0 ? undefined : codings;
}

function looksEncoded(coding: Coding, bytes: Uint8Array): boolean {
  if (coding === 'gzip') return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  if (coding === 'deflate') return bytes.length >= 2 && (bytes[0]! & 0x0f) === 8 && ((bytes[0]! << 8) | bytes[1]!) % 31 === 0;
  // Brotli has no magic number: bytes that decode are taken as encoded.
  try {
    z().brotliDecompressSync(bytes);
    return true;
  } catch {
    return false;
  }
}

function encodeSync(coding: Coding, bytes: Uint8Array): Uint8Array {
  if (coding === 'gzip') return z().gzipSync(bytes);
  if (coding === 'deflate') return z().deflateSync(bytes);
  return z().brotliCompressSync(bytes);
}

/**
 * Passes every chunk through a zlib stream, flushing after each one, so a
 * streamed body stays streamed: each chunk produces output at once.
 */
async function* throughZlib(
  source: AsyncIterable<Uint8Array>,
  make: () => zlib.Gzip | zlib.Deflate | zlib.BrotliCompress | zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress,
): AsyncIterable<Uint8Array> {
  const stream = make();
  const out: Uint8Array[] = [];
  let failure: Error | undefined;
  stream.on('data', (data: Uint8Array) => out.push(data));
  stream.on('error', (error) => (failure = error));
  const flush = (): Promise<void> => new Promise((resolve) => stream.flush(() => resolve()));
  try {
    for await (const chunk of source) {
      stream.write(chunk);
      await flush();
      if (failure) throw failure;
      if (out.length > 0) yield concatBytes(out.splice(0));
    }
    await new Promise<void>((resolve) => stream.end(resolve));
    if (failure) throw failure;
    if (out.length > 0) yield concatBytes(out.splice(0));
  } finally {
    stream.destroy();
  }
}

async function* prepend(first: Uint8Array, rest: AsyncIterator<Uint8Array>): AsyncIterable<Uint8Array> {
  yield first;
  for (;;) {
    const { value, done } = await rest.next();
    if (done) return;
    yield value;
  }
}

async function* encodeStream(source: AsyncIterable<Uint8Array>, codings: readonly Coding[]): AsyncIterable<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const outer = codings[codings.length - 1]!;
  const body = prepend(first.value, iterator);
  // gzip and zlib streams announce themselves in their first bytes; brotli cannot.
  if (outer !== 'br' && looksEncoded(outer, first.value)) {
    yield* body;
    return;
  }
  yield* codings.reduce<AsyncIterable<Uint8Array>>((stream, coding) => throughZlib(stream, ENCODERS[coding]), body);
}

/**
 * The response as a server would send it: when its `Content-Encoding` lists
 * codings pook can apply and the body is not encoded yet, the body encoded
 * with them (and `Content-Length` set to the encoded length, or dropped for
 * a stream). Otherwise the response unchanged.
 */
export function encodeResponse(response: ResolvedResponse): ResolvedResponse {
  const codings = contentCodings(response.headers);
  const body = response.body;
  if (codings === undefined || body === null) return response;
  const others = response.headers.filter(([name]) => name.toLowerCase() !== 'content-length');
  if (!isBytes(body)) return { ...response, headers: others, body: encodeStream(body, codings) };
  if (body.byteLength === 0 || looksEncoded(codings[codings.length - 1]!, body)) return response;
  const encoded = codings.reduce((bytes, coding) => encodeSync(coding, bytes), body);
  return { ...response, headers: [...others, ['Content-Length', String(encoded.byteLength)]], body: encoded };
}

/**
 * Decodes a body sent with `Content-Encoding` (as fetch and browsers do);
 * unknown codings leave it as it is.
 */
export function decodeBody(headers: readonly Header[], body: Uint8Array | AsyncIterable<Uint8Array>): Uint8Array | AsyncIterable<Uint8Array> {
  const codings = contentCodings(headers);
  if (codings === undefined) return body;
  if (isBytes(body)) {
    if (body.byteLength === 0) return body;
    return [...codings].reverse().reduce<Uint8Array>((bytes, coding) => {
      if (coding === 'gzip') return z().gunzipSync(bytes, { finishFlush: z().constants.Z_SYNC_FLUSH });
      if (coding === 'deflate') return z().inflateSync(bytes, { finishFlush: z().constants.Z_SYNC_FLUSH });
      return z().brotliDecompressSync(bytes);
    }, body);
  }
  return [...codings].reverse().reduce<AsyncIterable<Uint8Array>>((stream, coding) => throughZlib(stream, DECODERS[coding]), body);
}
