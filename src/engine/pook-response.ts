import type fs from 'node:fs';
import { assertHeaderName, assertHeaderValue, assertInteger, assertRecord, describe, toJson } from '../core/arguments.js';
import { builtin } from '../core/builtin.js';
import { isBytes, utf8 } from '../core/bytes.js';
import { resolveContentType } from '../core/content-types.js';
import { PookInvalidArgumentError } from '../core/errors/invalid-argument-error.js';
import { PookError } from '../core/errors/pook-error.js';
import type { ResolvedResponse } from '../core/resolved-response.js';
import { STATUS_TEXTS } from '../core/status-texts.js';

/** A chunk of a streamed body. */
export type BodyChunk = Uint8Array | string;

/**
 * What a response body may be: text, bytes, or a stream of chunks (a
 * `ReadableStream` or an (async) iterable), which is sent chunk by chunk.
 * A stream or iterator can be read once: for a mock matched several times
 * give bytes, an array of chunks, or use `reply(fn)` to make a fresh stream.
 */
export type BodyInit = string | Uint8Array | ArrayBuffer | ReadableStream<BodyChunk> | AsyncIterable<BodyChunk> | Iterable<BodyChunk>;

/** What a `reply(fn)` function may return (or resolve to). */
export type DynamicReply =
  | Response
  | {
      readonly status?: number;
      readonly headers?: Record<string, string | readonly string[]> | ReadonlyArray<readonly [string, string]>;
      readonly body?: BodyInit;
      readonly json?: unknown;
    };

// The registry's reason phrases (core/status-texts.ts), the same table as
// node:http's `STATUS_CODES` on every Node line pook supports
// (test/unit/status-texts.test.ts), without loading node:http for it.
const reasons = (): Readonly<Record<number, string | undefined>> => STATUS_TEXTS;

async function* chunksOf(source: ReadableStream<BodyChunk> | AsyncIterable<BodyChunk> | Iterable<BodyChunk>): AsyncIterable<Uint8Array> {
  for await (const chunk of source as AsyncIterable<BodyChunk>) yield typeof chunk === 'string' ? utf8(chunk) : chunk;
}

/**
 * An array of chunks: streamed chunk by chunk like any iterable, but it can
 * be iterated again for every request a persisted or `times(n)` mock answers.
 */
class ReplayableChunks implements AsyncIterable<Uint8Array> {
  readonly #chunks: readonly BodyChunk[];
  constructor(chunks: readonly BodyChunk[]) {
    this.#chunks = chunks;
  }
  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    return chunksOf(this.#chunks)[Symbol.asyncIterator]();
  }
}

/** Converts a body definition to bytes or a chunk stream; throws naming `argument` on a bad value. */
function toBody(argument: string, body: BodyInit | null | undefined): Uint8Array | AsyncIterable<Uint8Array> | null {
  if (body === null || body === undefined) return null;
  if (typeof body === 'string') return utf8(body);
  if (isBytes(body)) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (Array.isArray(body)) {
    const chunks = body as unknown[];
    // By index: an `undefined` chunk (or a hole) is as wrong as any other.
    const bad = chunks.findIndex((chunk) => typeof chunk !== 'string' && !isBytes(chunk));
    if (bad !== -1) throw new PookInvalidArgumentError(argument, `every chunk must be a string or a Uint8Array, got ${describe(chunks[bad])}`);
    return new ReplayableChunks([...(chunks as BodyChunk[])]);
  }
  if (typeof body === 'object' && (Symbol.asyncIterator in body || Symbol.iterator in body)) return chunksOf(body);
  throw new PookInvalidArgumentError(argument, `expected a string, Uint8Array, ArrayBuffer, ReadableStream or (async) iterable, got ${describe(body)}`);
}

function hasHeader(headers: ReadonlyArray<readonly [string, string]>, name: string): boolean {
  return headers.some(([key]) => key.toLowerCase() === name);
}

/**
 * Checks a status code: 200–599. A 1xx status is informational: a real
 * server sends it before the final response, never as one, and no client
 * can take it as one (node:http and axios would wait for ever, fetch
 * rejects; 101 hands the connection to another protocol), so it is refused
 * where it is written (docs/responses.md, "Validation").
 */
export function assertStatus(argument: string, status: unknown): asserts status is number {
  if (typeof status === 'number' && Number.isInteger(status) && status >= 100 && status < 200) {
    throw new PookInvalidArgumentError(
      argument,
      `${status} is an informational (1xx) status, which cannot be the final response to a request; give a status from 200 to 599`,
    );
  }
  assertInteger(argument, status, 200, 599);
}

/** The mock-level settings a response forwards to its mock (`Mock` has them; this file does not name it). */
interface MockSettings {
  times(n?: number): unknown;
  persist(on?: boolean): unknown;
  delay(ms: number): unknown;
  error(error: Error | string): unknown;
}

/**
 * What a failed definition call of a response does to its mock before it
 * rethrows: set by the mock (src/engine/mock.ts), which withdraws itself
 * from its engine while it has answered no request (docs/mocks.md).
 */
let definitionFailed: (owner: unknown) => void = () => {};
/** The response's own failure path ({@link PookResponse} `#invalid`), for the guides below the class. */
let failDefinition: (response: PookResponse, error: unknown) => unknown;

/** Sets what a failed definition call of a response does to its mock. Internal. */
export function onFailedResponseDefinition(fn: (owner: unknown) => void): void {
  definitionFailed = fn;
}

/**
 * The response a mock gives: status, headers and body, defined fluently.
 * Every setter returns the response; `.mock` goes back to the mock. The
 * mock-level settings `times()`, `persist()`, `delay()` and `error()` may be
 * chained here too: they set the mock's and return the response. Every other
 * method of the mock (`param()`, `filter()`, `assertCalled()`…) throws here,
 * in JavaScript, a `PookError` saying to call it before `reply()` or through
 * `.mock` (a `PookInvalidArgumentError` for a method that defines the mock);
 * the names both have (`header`, `headers`, `type`, `body`, `json`, `xml`,
 * `file`) describe the response (docs/responses.md).
 * `Owner` is the type of that mock: `mock.reply()` returns a
 * `PookResponse<Mock>`, so `.mock` is typed as the `Mock` it came from (the
 * class does not name `Mock` itself, which is defined above it).
 *
 * @example
 * ```ts
 * pook.get('https://api.test/users/1')
 *   .reply(200)
 *   .header('X-Request-Id', 'abc')
 *   .json({ id: 1, name: 'ada' });
 * ```
 */
export class PookResponse<Owner = unknown> {
  #status = 200;
  /** A reason phrase of its own, else the standard one of the status. */
  #statusText: string | undefined;
  #headers: Array<[string, string]> = [];
  #body: Uint8Array | AsyncIterable<Uint8Array> | null = null;
  #consumed = false;
  readonly #mock: Owner | undefined;
  // What resolve() gives while nothing changes: one frozen snapshot, not a
  // new object per request (a body of bytes or replayable chunks only).
  #resolved: ResolvedResponse | undefined;

  static {
    failDefinition = (response, error) => response.#invalid(error);
  }

  /** @param mock - the mock this response belongs to (`Mock.reply()` passes itself) */
  constructor(mock?: Owner) {
    this.#mock = mock;
  }

  /** The mock this response belongs to (for chaining back to request expectations). */
  get mock(): Owner {
    if (this.#mock === undefined) throw new PookInvalidArgumentError('mock', 'this response is not attached to a mock');
    return this.#mock;
  }

  /**
   * Sets the status code (200–599; a 1xx status is refused: it cannot be a final response).
   * @example `pook.get(url).reply().status(404)`
   */
  status(code: number): this {
    try {
      assertStatus('status', code);
      this.#status = code;
      return this.#changed();
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Sets the status text (the reason phrase of the status line, e.g. `'Not
   * Here'`): node:http's `res.statusMessage`, fetch's and XHR's `statusText`.
   * Default: the standard text of the status (`'Not Found'` for 404). Any
   * text without line breaks or control characters; `''` sends none.
   * @example `pook.get(url).reply(404).statusText('Gone Fishing')`
   */
  statusText(text: string): this {
    try {
      if (typeof text !== 'string') throw new PookInvalidArgumentError('statusText', `expected a string, got ${describe(text)}`);
      // RFC 9112's reason-phrase: tab, space, visible ASCII and obs-text; never CR or LF.
      if (/[^\t\x20-\x7e\x80-\xff]/.test(text))
        throw new PookInvalidArgumentError('statusText', 'expected tabs, spaces and visible characters only (no line break, no control character)');
      this.#statusText = text;
      return this.#changed();
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Adds a header (several calls with one name give several values, e.g. `set-cookie`).
   * @example `.header('Set-Cookie', 'a=1').header('Set-Cookie', 'b=2')`
   */
  header(name: string, value: string): this {
    try {
      assertHeaderName('header', name);
      assertHeaderValue(`header "${name}"`, value);
      this.#headers.push([name, value]);
      return this.#changed();
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Adds several headers; an array value adds one header per element.
   * @example `.headers({ 'Cache-Control': 'no-store', 'Set-Cookie': ['a=1', 'b=2'] })`
   */
  headers(headers: Record<string, string | readonly string[]>): this {
    try {
      assertRecord('headers', headers);
      // Every pair is checked before the first is added.
      const pairs: Array<[string, string]> = [];
      for (const [name, value] of Object.entries(headers)) {
        for (const one of Array.isArray(value) ? (value as unknown[]) : [value]) {
          assertHeaderName('header', name);
          assertHeaderValue(`header "${name}"`, one);
          pairs.push([name, one as string]);
        }
      }
      this.#headers.push(...pairs);
      return this.#changed();
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Sets a header, replacing any value it had.
   * @example `.set('Content-Type', 'text/csv')`
   */
  set(name: string, value: string): this {
    try {
      assertHeaderName('set', name);
      assertHeaderValue(`header "${name}"`, value);
      const lower = name.toLowerCase();
      this.#headers = this.#headers.filter(([key]) => key.toLowerCase() !== lower);
      this.#headers.push([name, value]);
      return this.#changed();
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Sets the Content-Type: a media type, or an alias (`json`, `xml`, `html`,
   * `text`, `form`, `form-data`, `urlencoded`). Anything else throws; to
   * send a malformed Content-Type on purpose, use `set()`.
   * @example `.type('json')`
   */
  type(type: string): this {
    try {
      return this.set('Content-Type', resolveContentType('type', type));
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Sets the body: text, bytes, or a stream of chunks sent one by one.
   * @example `.body('hello')`, `.body(new Uint8Array([1, 2]))`, `.body(['a', 'b'])`
   */
  body(body: BodyInit): this {
    try {
      this.#body = toBody('body', body);
      this.#consumed = false;
      return this.#changed();
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Serialises `value` as the JSON body and sets `application/json` unless a Content-Type is set.
   * @example `.json({ id: 1 })`
   */
  json(value: unknown): this {
    try {
      this.#body = utf8(toJson('json', value));
      if (!hasHeader(this.#headers, 'content-type')) this.#headers.push(['Content-Type', 'application/json']);
      return this.#changed();
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Sets an XML body and `application/xml` unless a Content-Type is set.
   * @example `.xml('<ok/>')`
   */
  xml(xml: string): this {
    try {
      if (typeof xml !== 'string') throw new PookInvalidArgumentError('xml', `expected a string, got ${describe(xml)}`);
      this.#body = utf8(xml);
      if (!hasHeader(this.#headers, 'content-type')) this.#headers.push(['Content-Type', 'application/xml']);
      return this.#changed();
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Uses a file's bytes as the body (read now, when the mock is defined).
   * @example `.file('./fixtures/user.json')`
   */
  file(path: string): this {
    const { readFileSync } = builtin<typeof fs>('node:fs', 'a file body');
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch (cause) {
      throw this.#invalid(new PookInvalidArgumentError('file', `cannot read ${JSON.stringify(path)} (${(cause as Error).message})`, { cause }));
    }
    this.#body = bytes;
    return this.#changed();
  }

  // ── the mock's settings, forwarded ───────────────────────────────────

  /**
   * Sets how many times the mock may match (`mock.times(n)`), so that it can
   * follow `reply()`; returns the response.
   * @example `pook.get(url).reply(200).times(2).json({ ok: true })`
   */
  times(n = 1): this {
    this.#settings('times').times(n);
    return this;
  }

  /**
   * Makes the mock persistent (`mock.persist(on)`), so that it can follow
   * `reply()`; returns the response.
   * @example `pook.get(url).reply(200).persist()`
   */
  persist(on = true): this {
    this.#settings('persist').persist(on);
    return this;
  }

  /**
   * Delays the mock's answer by `ms` milliseconds (`mock.delay(ms)`), so that
   * it can follow `reply()`; returns the response.
   * @example `pook.get(url).reply(200).delay(50)`
   */
  delay(ms: number): this {
    this.#settings('delay').delay(ms);
    return this;
  }

  /**
   * Makes the mock fail the request with this error instead of answering
   * (`mock.error(e)`: an Error, a message or a Node network error code), so
   * that it can follow `reply()`; returns the response.
   * @example `pook.get(url).reply(200).error('ECONNRESET')`
   */
  error(error: Error | string): this {
    this.#settings('error').error(error);
    return this;
  }

  /** The mock, for a forwarded setting (`argument` names it when there is none). */
  #settings(argument: string): MockSettings {
    if (this.#mock === undefined) throw new PookInvalidArgumentError(argument, 'this response is not attached to a mock');
    return this.#mock as MockSettings;
  }

  /** A definition call failed: its mock withdraws while unused (see {@link onFailedResponseDefinition}); rethrows `error`. */
  #invalid(error: unknown): unknown {
    if (error instanceof PookInvalidArgumentError && this.#mock !== undefined) definitionFailed(this.#mock);
    return error;
  }

  /**
   * The response to send now. Byte bodies, and no body (`0`), get a
   * Content-Length unless one is set, as a real server would send.
   */
  resolve(): ResolvedResponse {
    if (this.#resolved !== undefined) return this.#resolved;
    const body = this.#body;
    if (body !== null && !isBytes(body) && !(body instanceof ReplayableChunks)) {
      if (this.#consumed) {
        throw new PookInvalidArgumentError('body', 'a streamed body can be sent once; use reply(fn) to return a fresh stream for each request');
      }
      this.#consumed = true;
      return finish(this.#status, this.#headers, body, this.#statusText);
    }
    // A frozen snapshot, until this response changes. A new one per request
    // cost more than its few objects: with thousands of mocks registered,
    // V8's allocation-site pretenuring moved those allocations to the old
    // generation, and every request's garbage then waited for a full
    // collection (docs/performance.md, "Fast paths").
    const resolved = finish(
      this.#status,
      this.#headers.map(([name, value]) => [name, value] as const),
      body,
      this.#statusText,
    );
    for (const pair of resolved.headers) Object.freeze(pair);
    Object.freeze(resolved.headers);
    const frozen = Object.freeze(resolved);
    this.#resolved = frozen;
    return frozen;
  }

  /** Forgets the snapshot resolve() keeps: the response was changed. */
  #changed(): this {
    this.#resolved = undefined;
    return this;
  }
}

/**
 * Gives the response, for JavaScript users who chain a method of the mock
 * after `reply()`, a method of each such name that says what to do instead
 * of failing with "is not a function": a definition method (`param`,
 * `filter`…) throws a `PookInvalidArgumentError` naming it, which withdraws
 * a mock still being defined, like any bad definition; any other method of
 * the mock (`assertCalled`, `isDone`…) throws a `PookError`. Not part of the
 * type: TypeScript reports such a call at compile time. Internal: the mock
 * passes the names of its methods.
 * @param definition - the names among them that define the mock
 */
export function guideMockMethods(names: readonly string[], definition: ReadonlySet<string>): void {
  for (const name of names) {
    if (name in PookResponse.prototype) continue;
    const hint = `${name}() is a method of the mock, and after reply() the chain is the response: call it before reply(), or through .mock (\`.mock.${name}(…)\`)`;
    const guide = definition.has(name)
      ? function (this: PookResponse) {
          throw failDefinition(this, new PookInvalidArgumentError(name, hint));
        }
      : () => {
          throw new PookError(`pook: ${hint}.`);
        };
    Object.defineProperty(guide, 'name', { value: name });
    Object.defineProperty(PookResponse.prototype, name, { value: guide, writable: true, configurable: true, enumerable: false });
  }
}

function finish(
  status: number,
  headers: ReadonlyArray<readonly [string, string]>,
  body: Uint8Array | AsyncIterable<Uint8Array> | null,
  statusText: string = reasons()[status] ?? 'Unknown',
): ResolvedResponse {
  let out = headers;
  // No body is an empty body: without `Content-Length: 0` a client reading
  // HTTP/1.1 would wait for the connection to close to know the body ended.
  const length = body === null ? 0 : isBytes(body) ? body.byteLength : undefined;
  if (
    length !== undefined &&
    status >= 200 &&
    status !== 204 &&
    status !== 304 &&
    !hasHeader(headers, 'content-length') &&
    !hasHeader(headers, 'transfer-encoding')
  ) {
    out = [...headers, ['Content-Length', String(length)]];
  }
  return { status, statusText, headers: out, body };
}

/**
 * Converts what a `reply(fn)` returned into a response to send.
 * @throws PookInvalidArgumentError when the value is not a valid reply
 */
export function resolveDynamicReply(reply: DynamicReply): ResolvedResponse {
  if (reply instanceof Response) {
    const headers: Array<[string, string]> = [];
    for (const [name, value] of reply.headers) if (name !== 'set-cookie') headers.push([name, value]);
    for (const cookie of reply.headers.getSetCookie()) headers.push(['set-cookie', cookie]);
    return finish(reply.status, headers, reply.body === null ? null : chunksOf(reply.body), reply.statusText || undefined);
  }
  assertRecord('reply', reply);
  const response = new PookResponse();
  if (reply.status !== undefined) response.status(reply.status);
  const headers = reply.headers;
  if (Array.isArray(headers)) {
    for (const pair of headers as unknown[]) {
      if (!Array.isArray(pair) || pair.length !== 2) throw new PookInvalidArgumentError('headers', `expected [name, value] pairs, got ${describe(pair)}`);
      response.header(pair[0] as string, pair[1] as string);
    }
  } else if (headers !== undefined) response.headers(headers as Record<string, string | readonly string[]>);
  if (reply.json !== undefined) response.json(reply.json);
  else if (reply.body !== undefined) response.body(reply.body);
  return response.resolve();
}
