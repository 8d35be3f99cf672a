// The request bodies of the wire contract (test/contract/wire.ts), one of
// each kind a client can send, and their conversion to what each client
// takes: the environment's own Blob, File and FormData (jsdom's and
// happy-dom's in a DOM test environment, Node's otherwise), web streams for
// fetch-like clients, Node streams for node:http-based ones.

import { Readable } from 'node:stream';
import { patternBytes } from './servers.js';

/** Every kind of request body the wire contract sends (`none`: a POST without a body). */
export const BODY_KINDS = ['none', 'json', 'text', 'bytes', 'blob', 'params', 'form', 'stream'] as const;

/** One kind of request body. */
export type BodyKind = (typeof BODY_KINDS)[number];

/** A file field of a form. */
export interface FormFile {
  readonly name: string;
  readonly type: string;
  readonly bytes: Uint8Array;
}

/**
 * A request body other than text, described without any client's classes:
 * each adapter makes it into what its client takes, fresh for every request
 * (a stream is read once).
 */
export type ContractBody =
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  | { readonly kind: 'blob'; readonly bytes: Uint8Array; readonly type: string }
  | { readonly kind: 'params'; readonly entries: ReadonlyArray<readonly [string, string]> }
  | { readonly kind: 'form'; readonly fields: ReadonlyArray<readonly [string, string]>; readonly file: FormFile }
  | { readonly kind: 'stream'; readonly chunks: readonly Uint8Array[] };

/** What the contract sends as a body: text (JSON or plain) or a {@link ContractBody}. */
export type AnyBody = string | ContractBody;

/** A body of one kind and the headers it is sent with. */
export interface BodySample {
  readonly kind: BodyKind;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: AnyBody | undefined;
}

// Every byte value, in an order no shifted or truncated copy matches.
const BINARY = patternBytes(70_000);

/** The sample of each kind: JSON and text are strings (text with the client's default Content-Type). */
export function bodySample(kind: BodyKind): BodySample {
  switch (kind) {
    case 'none':
      return { kind, headers: {}, body: undefined };
    case 'json':
      return { kind, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'ada', tags: ['x', 'é'], nested: { n: 1 } }) };
    case 'text':
      return { kind, headers: {}, body: 'plain text é\nline two' };
    case 'bytes':
      return { kind, headers: { 'content-type': 'application/octet-stream' }, body: { kind, bytes: BINARY } };
    case 'blob':
      return { kind, headers: {}, body: { kind, bytes: BINARY.subarray(0, 20_000), type: 'application/x-pook' } };
    case 'params':
      return {
        kind,
        headers: {},
        body: {
          kind,
          entries: [
            ['q', 'a b&c'],
            ['tag', 'x'],
            ['tag', 'é'],
          ],
        },
      };
    case 'form':
      return {
        kind,
        headers: {},
        body: {
          kind,
          fields: [
            ['name', 'ada'],
            ['quote', 'line one\r\nline "two"'],
          ],
          file: { name: 'bytes.bin', type: 'application/octet-stream', bytes: BINARY.subarray(0, 5_000) },
        },
      };
    case 'stream':
      return { kind, headers: {}, body: { kind, chunks: Array.from({ length: 7 }, (_, i) => BINARY.subarray(i * 10_000, (i + 1) * 10_000)) } };
  }
}

/** The classes a web body is made with; the global ones (read at call time) unless given. */
export interface WebClasses {
  readonly Blob?: typeof Blob;
  readonly File?: typeof File;
  readonly FormData?: typeof FormData;
}

/** A copy of the bytes, in an ArrayBuffer of this realm (what every client accepts). */
const copy = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

/** `ReadableStream.from` (not in the DOM typings yet). */
const streamFrom = <T>(source: Iterable<T>): ReadableStream<T> => (ReadableStream as unknown as { from(source: Iterable<T>): ReadableStream<T> }).from(source);

/** The body as fetch, ky, node-fetch (no web stream) and XMLHttpRequest (no stream at all) take it. */
export function webBody(body: AnyBody, classes: WebClasses = {}): string | Uint8Array<ArrayBuffer> | Blob | URLSearchParams | FormData | ReadableStream {
  if (typeof body === 'string') return body;
  const BlobClass = classes.Blob ?? globalThis.Blob;
  switch (body.kind) {
    case 'bytes':
      return copy(body.bytes);
    case 'blob':
      return new BlobClass([copy(body.bytes)], { type: body.type });
    case 'params':
      return new URLSearchParams(body.entries.map(([name, value]) => [name, value]));
    case 'form': {
      const form = new (classes.FormData ?? globalThis.FormData)();
      for (const [name, value] of body.fields) form.append(name, value);
      const { name, type, bytes } = body.file;
      form.append('file', new (classes.File ?? globalThis.File)([copy(bytes)], name, { type }));
      return form;
    }
    case 'stream':
      return streamFrom(body.chunks.map(copy));
  }
}

/** The body as node:http, got, axios and superagent write it: text, a Buffer or a Node stream. */
export function nodeBody(body: AnyBody): string | Buffer | Readable {
  if (typeof body === 'string') return body;
  if (body.kind === 'bytes') return Buffer.from(body.bytes);
  if (body.kind === 'stream') return Readable.from(body.chunks.map((chunk) => Buffer.from(chunk)));
  throw new Error(`a ${body.kind} body is not a Node body: the adapter must list it in cannotSend`);
}
