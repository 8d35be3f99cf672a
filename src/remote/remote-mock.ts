import { readFileSync } from 'node:fs';
import { type BodyInit, Mock, type ParamValue, PookInvalidArgumentError, type PookResponse } from '../index.js';
import { toWireValue } from '../server/protocol/definition.js';
import type { MockRecord } from '../server/protocol/messages.js';

// A mock defined through pook/remote: the DSL of an in-process mock, each
// call checked by a real local `Mock` (so a bad argument throws the same
// error, with the same text, where it is written) and recorded as the
// options object the server builds its own mock from (docs/server.md,
// "Remote client").

/** A definition as it is being recorded: the JSON form of `MockOptions`. */
export type RemoteDefinition = Record<string, unknown>;
type Definition = RemoteDefinition;

/** What a remote mock needs from its connection. */
export interface RemoteQueue {
  /** Sends every definition not sent yet. */
  flush(): Promise<void>;
  /** The record the server gave `mock` when it was sent. */
  recordOf(mock: RemoteMock): MockRecord | undefined;
}

function noFunctions(argument: string): never {
  throw new PookInvalidArgumentError(
    argument,
    'a function cannot be sent to a pook server (the mock runs in another process); give the expectation as data, or define the mock in a module mock file (pook serve --mocks)',
  );
}

/** Bytes or text of a body that can be sent as JSON. */
function sendableBody(argument: string, body: BodyInit): string | Uint8Array {
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new PookInvalidArgumentError(argument, 'a streamed body cannot be sent to a pook server; give the body as a string or bytes');
}

/**
 * The response side of a remote mock (what `remote.get(url).reply(200)`
 * returns): the methods of `PookResponse`. Await it, or its mock, to send
 * the mock to the server.
 */
export class RemoteResponse implements PromiseLike<MockRecord> {
  readonly #mock: RemoteMock;
  readonly #local: PookResponse<Mock>;

  /** @internal */
  constructor(mock: RemoteMock, local: PookResponse<Mock>) {
    this.#mock = mock;
    this.#local = local;
  }

  /** The mock this response belongs to. */
  get mock(): RemoteMock {
    return this.#mock;
  }

  /** Sets the status code, as `PookResponse.status()`. */
  status(code: number): this {
    this.#local.status(code);
    this.#mock.record('status', (definition) => {
      definition.reply = code;
    });
    return this;
  }

  /** Adds a header, as `PookResponse.header()`. */
  header(name: string, value: string): this {
    this.#local.header(name, value);
    this.#mock.record('header', (definition) => addHeader(definition, name, value));
    return this;
  }

  /** Adds several headers, as `PookResponse.headers()`. */
  headers(headers: Record<string, string | readonly string[]>): this {
    this.#local.headers(headers);
    this.#mock.record('headers', (definition) => {
      for (const [name, value] of Object.entries(headers)) for (const each of typeof value === 'string' ? [value] : value) addHeader(definition, name, each);
    });
    return this;
  }

  /** Sets a header, replacing its values, as `PookResponse.set()`. */
  set(name: string, value: string): this {
    this.#local.set(name, value);
    this.#mock.record('set', (definition) => {
      const headers = recordIn<string[]>(definition, 'responseHeaders');
      for (const key of Object.keys(headers)) if (key.toLowerCase() === name.toLowerCase()) delete headers[key];
      headers[name] = [value];
    });
    return this;
  }

  /** Sets the Content-Type, as `PookResponse.type()`. */
  type(type: string): this {
    this.#local.type(type);
    this.#mock.record('type', (definition) => {
      definition.responseType = type;
    });
    return this;
  }

  /** Sets the body (text or bytes), as `PookResponse.body()`. */
  body(body: BodyInit): this {
    const sendable = sendableBody('body', body);
    this.#local.body(sendable);
    this.#mock.record('body', (definition) => {
      definition.responseBody = toWireValue(sendable);
    });
    return this;
  }

  /** Sets a JSON body, as `PookResponse.json()`. */
  json(value: unknown): this {
    this.#local.json(value);
    this.#mock.record('json', (definition) => {
      definition.responseJson = value;
    });
    return this;
  }

  /** Sets an XML body, as `PookResponse.xml()`. */
  xml(xml: string): this {
    this.#local.xml(xml);
    this.#mock.record('xml', (definition) => {
      definition.responseXml = xml;
    });
    return this;
  }

  /** Uses a file's bytes as the body, read here, now, as `PookResponse.file()`. */
  file(path: string): this {
    this.#local.file(path);
    const bytes = new Uint8Array(readFileSync(path));
    this.#mock.record('file', (definition) => {
      definition.responseBody = toWireValue(bytes);
    });
    return this;
  }

  /** Sends the mock (with every other one not sent yet) and resolves to the server's record of it. */
  // biome-ignore lint/suspicious/noThenProperty: awaiting a remote definition sends it (docs/server.md).
  then<A = MockRecord, B = never>(
    onFulfilled?: ((value: MockRecord) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#mock.then(onFulfilled, onRejected);
  }
}

/** The record under `key` of a definition, made when missing. */
function recordIn<T>(definition: RemoteDefinition, key: string): Record<string, T> {
  if (definition[key] === undefined) definition[key] = {};
  return definition[key] as Record<string, T>;
}

function addHeader(definition: Definition, name: string, value: string): void {
  const headers = recordIn<string[]>(definition, 'responseHeaders');
  headers[name] = [...(headers[name] ?? []), value];
}

/**
 * A mock defined through `pook/remote`: the request side of the DSL of
 * `Mock`, with the same checks and errors. It is sent to the server when
 * awaited, on `remote.flush()`, before any other call of the remote, or
 * on the next turn of the event loop, whichever comes first; after that it
 * cannot change. Await it to know the server took it (a definition the
 * server rejects rejects with the server's error).
 *
 * @example
 * ```ts
 * await remote.get('api.test/users').header('Accept', 'application/json').reply(200).json([]);
 * ```
 */
export class RemoteMock implements PromiseLike<MockRecord> {
  readonly #local = new Mock();
  readonly #definition: Definition = {};
  readonly #queue: RemoteQueue;
  #sent = false;

  /** @internal */
  constructor(queue: RemoteQueue, definedAt: { file: string; line: number; column: number } | undefined) {
    this.#queue = queue;
    if (definedAt !== undefined) this.#definition.definedAt = definedAt;
  }

  /** The definition in its JSON form, as the server will get it. */
  get definition(): Readonly<Record<string, unknown>> {
    return this.#definition;
  }

  /** A short label: method and URL, e.g. `GET api.test/users`. */
  get label(): string {
    return this.#local.label;
  }

  /** What the mock expects, one line per expectation (as `Mock.expectations`). */
  get expectations(): readonly string[] {
    return this.#local.expectations;
  }

  /** @internal Marks the definition sent: it cannot change any more. */
  markSent(): void {
    this.#sent = true;
  }

  /** @internal Applies one DSL call to the definition, unless the mock was sent. */
  record(argument: string, change: (definition: RemoteDefinition) => void): void {
    if (this.#sent) {
      throw new PookInvalidArgumentError(
        argument,
        `${this.label} was already sent to the pook server, and cannot change; define a remote mock whole before awaiting it or flushing`,
      );
    }
    change(this.#definition);
  }

  /** Expects the URL, as `Mock.url()`. */
  url(url: string | RegExp): this {
    this.#local.url(url);
    this.record('url', (d) => {
      d.url = toWireValue(url);
    });
    return this;
  }

  /** Expects the method, as `Mock.method()`. */
  method(method: string): this {
    this.#local.method(method);
    this.record('method', (d) => {
      d.method = method;
    });
    return this;
  }

  /** Expects the path, as `Mock.path()`. */
  path(path: string | RegExp): this {
    this.#local.path(path);
    this.record('path', (d) => {
      d.path = toWireValue(path);
    });
    return this;
  }

  /** Expects a header, as `Mock.header()`. */
  header(name: string, value: string | RegExp): this {
    this.#local.header(name, value);
    this.record('header', (d) => {
      d.headers ??= {} as Record<string, unknown>;
      (d.headers as Record<string, unknown>)[name] = toWireValue(value);
    });
    return this;
  }

  /** Expects several headers, as `Mock.headers()`. */
  headers(headers: Record<string, string | RegExp>): this {
    this.#local.headers(headers);
    this.record('headers', (d) => {
      const into = recordIn<unknown>(d, 'headers');
      for (const [name, value] of Object.entries(headers)) into[name] = toWireValue(value);
    });
    return this;
  }

  /** Expects headers to be present, as `Mock.headerPresent()`. */
  headerPresent(...names: string[]): this {
    this.#local.headerPresent(...names);
    this.record('headerPresent', (d) => {
      d.headerPresent = [...((d.headerPresent as string[] | undefined) ?? []), ...names];
    });
    return this;
  }

  /** Expects headers to be present, as `Mock.headersPresent()`. */
  headersPresent(names: readonly string[]): this {
    this.#local.headersPresent(names);
    this.record('headersPresent', (d) => {
      d.headerPresent = [...((d.headerPresent as string[] | undefined) ?? []), ...names];
    });
    return this;
  }

  /** Expects headers to be absent, as `Mock.headerAbsent()`. */
  headerAbsent(...names: string[]): this {
    this.#local.headerAbsent(...names);
    this.record('headerAbsent', (d) => {
      d.headerAbsent = [...((d.headerAbsent as string[] | undefined) ?? []), ...names];
    });
    return this;
  }

  /** Expects the Content-Type, as `Mock.type()`. */
  type(type: string): this {
    this.#local.type(type);
    this.record('type', (d) => {
      d.type = type;
    });
    return this;
  }

  /** Expects a query parameter, as `Mock.param()`. */
  param(name: string, value: ParamValue): this {
    this.#local.param(name, value);
    this.record('param', (d) => {
      const into = recordIn<unknown>(d, 'params');
      into[name] = toWireValue(value);
    });
    return this;
  }

  /** Expects several query parameters, as `Mock.params()`. */
  params(params: Record<string, ParamValue>): this {
    this.#local.params(params);
    this.record('params', (d) => {
      const into = recordIn<unknown>(d, 'params');
      for (const [name, value] of Object.entries(params)) into[name] = toWireValue(value);
    });
    return this;
  }

  /** Expects the whole query: exactly these parameters, no other, as `Mock.query()`. */
  query(params: Record<string, ParamValue>): this {
    this.#local.query(params);
    this.record('query', (d) => {
      const into = recordIn<unknown>(d, 'query');
      for (const [name, value] of Object.entries(params)) into[name] = toWireValue(value);
    });
    return this;
  }

  /** Expects a form body (`application/x-www-form-urlencoded`) with exactly these fields, as `Mock.form()`. */
  form(fields: Record<string, ParamValue>): this {
    this.#local.form(fields);
    this.record('form', (d) => {
      const into = recordIn<unknown>(d, 'form');
      for (const [name, value] of Object.entries(fields)) into[name] = toWireValue(value);
    });
    return this;
  }

  /** Expects a query key to be present and non-empty, as `Mock.paramExists()`. */
  paramExists(name: string, allowEmpty = false): this {
    this.#local.paramExists(name, allowEmpty);
    if (allowEmpty) throw new PookInvalidArgumentError('paramExists', 'allowEmpty cannot be sent to a pook server (mock options have no such field)');
    this.record('paramExists', (d) => {
      d.paramExists = [...((d.paramExists as string[] | undefined) ?? []), name];
    });
    return this;
  }

  /** Expects the body, as `Mock.body()`. */
  body(body: string | Uint8Array | RegExp): this {
    this.#local.body(body);
    this.record('body', (d) => {
      d.body = toWireValue(body);
    });
    return this;
  }

  /** Expects a JSON body, as `Mock.json()`. */
  json(json: Parameters<Mock['json']>[0]): this {
    this.#local.json(json);
    this.record('json', (d) => {
      d.json = json;
    });
    return this;
  }

  /** Expects the body to satisfy a JSON Schema, as `Mock.jsonSchema()`. */
  jsonSchema(schema: object | string): this {
    this.#local.jsonSchema(schema);
    this.record('jsonSchema', (d) => {
      d.jsonSchema = schema;
    });
    return this;
  }

  /** Expects an XML body, as `Mock.xml()`. */
  xml(xml: string | RegExp): this {
    this.#local.xml(xml);
    this.record('xml', (d) => {
      d.xml = toWireValue(xml);
    });
    return this;
  }

  /** Expects the body to equal a file's bytes, read here, now (as `Mock.file()`). */
  file(path: string): this {
    this.#local.file(path);
    const bytes = new Uint8Array(readFileSync(path));
    this.record('file', (d) => {
      d.body = toWireValue(bytes);
    });
    return this;
  }

  /** Not available remotely: a function cannot be sent. */
  use(..._matchers: unknown[]): never {
    return noFunctions('use');
  }

  /** Not available remotely: a function cannot be sent. */
  filter(..._filters: unknown[]): never {
    return noFunctions('filter');
  }

  /** Not available remotely: a function cannot be sent. */
  map(..._mappers: unknown[]): never {
    return noFunctions('map');
  }

  /** Not available remotely: a function cannot be sent. */
  callback(..._callbacks: unknown[]): never {
    return noFunctions('callback');
  }

  /** The mock may match `n` times, as `Mock.times()`. */
  times(n = 1): this {
    this.#local.times(n);
    this.record('times', (d) => {
      d.times = n;
    });
    return this;
  }

  /** The mock never expires, as `Mock.persist()`. */
  persist(on = true): this {
    this.#local.persist(on);
    this.record('persist', (d) => {
      d.persist = on;
    });
    return this;
  }

  /** Delays the response, as `Mock.delay()`. */
  delay(ms: number): this {
    this.#local.delay(ms);
    this.record('delay', (d) => {
      d.delay = ms;
    });
    return this;
  }

  /** Fails the request (the server closes the connection), as `Mock.error()`. */
  error(error: Error | string): this {
    this.#local.error(error);
    this.record('error', (d) => {
      d.error = typeof error === 'string' ? error : error.message;
    });
    return this;
  }

  /** Sets the status and returns the response definition, as `Mock.reply()`; a reply function cannot be sent. */
  reply(status = 200): RemoteResponse {
    if (typeof status === 'function') noFunctions('reply');
    const local = this.#local.reply(status);
    this.record('reply', (d) => {
      d.reply = status;
    });
    return new RemoteResponse(this, local);
  }

  /** Sends the mock (with every other one not sent yet) and resolves to the server's record of it. */
  // biome-ignore lint/suspicious/noThenProperty: awaiting a remote definition sends it (docs/server.md).
  then<A = MockRecord, B = never>(
    onFulfilled?: ((value: MockRecord) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#queue
      .flush()
      .then(() => this.#queue.recordOf(this)!)
      .then(onFulfilled, onRejected);
  }
}
