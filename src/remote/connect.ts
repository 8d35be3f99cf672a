import type { ConnectionOptions } from 'node:tls';
import { PookError, PookInvalidArgumentError, PookPendingMocksError, PookRequest, PookUnmatchedRequestsError } from '../index.js';
import {
  ADMIN_PREFIX,
  type ErrorBody,
  type MockRecord,
  type NetworkBody,
  type PendingBody,
  type UnmatchedBody,
  type UnmatchedRecord,
} from '../server/protocol/messages.js';
import { type AdminTarget, adminRequest } from './admin-client.js';
import { callSite } from './call-site.js';
import { RemoteMock, type RemoteQueue } from './remote-mock.js';

/** Options of {@link connect}. */
export interface ConnectOptions {
  /** The admin API token (needed when the server is bound beyond loopback; default `$POOK_TOKEN`). */
  readonly token?: string | undefined;
  /** TLS options for an https server, e.g. its `ca`, or `rejectUnauthorized: false` for a self-signed one. */
  readonly tls?: ConnectionOptions | undefined;
}

/** An error as the server sent it, rebuilt with the same class, code and message. */
function rebuild(body: unknown, status: number, what: string): Error {
  const error = (body as Partial<ErrorBody> | undefined)?.error;
  if (error === undefined || typeof error.message !== 'string') return new PookError(`pook: the pook server answered ${what} with ${status}.`, 'POOK_ERROR');
  if (error.code === 'POOK_INVALID_ARGUMENT' && typeof error.argument === 'string') {
    const prefix = `pook: invalid argument "${error.argument}": `;
    if (error.message.startsWith(prefix) && error.message.endsWith('.'))
      return new PookInvalidArgumentError(error.argument, error.message.slice(prefix.length, -1));
  }
  return new PookError(error.message, (error.code ?? 'POOK_ERROR') as PookError['code']);
}

/** A request record as the `PookRequest` an in-process engine would list. */
function toRequest(record: UnmatchedRecord['request']): PookRequest {
  const body = record.body === undefined ? undefined : record.bodyEncoding === 'base64' ? new Uint8Array(Buffer.from(record.body, 'base64')) : record.body;
  return new PookRequest({
    method: record.method,
    url: record.url,
    headers: record.headers as Array<[string, string]>,
    body,
    client: 'server',
    timestamp: record.timestamp,
  });
}

/**
 * A connection to a mock server (`pook serve`, or `serve()` of
 * `pook/server`): the DSL of in-process pook for its mocks, and its
 * assertions. Every call is remote, so each returns a promise; mock
 * definitions are sent in order, together, when one is awaited or before
 * the next remote call. See docs/server.md, "Remote client".
 *
 * @example
 * ```ts
 * import { connect } from 'pook/remote';
 * const remote = connect('http://127.0.0.1:8080');
 * await remote.get('api.test/users').reply(200).json([{ id: 1 }]);
 * // … the app under test calls the server …
 * await remote.assertDone();
 * ```
 */
export class PookRemote {
  readonly #target: AdminTarget;
  #pending: RemoteMock[] = [];
  readonly #records = new WeakMap<RemoteMock, MockRecord>();
  #sending: Promise<void> = Promise.resolve();
  #scheduled = false;
  /** An automatic flush that failed, reported by the next call. */
  #failure: unknown;

  /** @internal Use {@link connect}. */
  constructor(target: AdminTarget) {
    this.#target = target;
  }

  /** The server's base URL. */
  get url(): string {
    return this.#target.url.origin;
  }

  readonly #queue: RemoteQueue = {
    flush: () => this.flush(),
    recordOf: (mock) => this.#records.get(mock),
  };

  #define(method: string, url: string | RegExp | undefined, boundary: (...args: never[]) => unknown): RemoteMock {
    const mock = new RemoteMock(this.#queue, callSite(boundary));
    if (method !== '*') mock.method(method);
    if (url !== undefined) mock.url(url);
    this.#pending.push(mock);
    if (!this.#scheduled) {
      this.#scheduled = true;
      setImmediate(() => {
        this.#scheduled = false;
        this.flush().catch((error: unknown) => {
          this.#failure ??= error;
        });
      });
    }
    return mock;
  }

  /** A mock for any method (`remote.mock(url).method('PUT')`). */
  mock(url?: string | RegExp): RemoteMock {
    return this.#define('*', url, this.mock);
  }

  /** A GET mock, as `pook.get(url)`. */
  get(url?: string | RegExp): RemoteMock {
    return this.#define('GET', url, this.get);
  }

  /** A POST mock. */
  post(url?: string | RegExp): RemoteMock {
    return this.#define('POST', url, this.post);
  }

  /** A PUT mock. */
  put(url?: string | RegExp): RemoteMock {
    return this.#define('PUT', url, this.put);
  }

  /** A PATCH mock. */
  patch(url?: string | RegExp): RemoteMock {
    return this.#define('PATCH', url, this.patch);
  }

  /** A DELETE mock. */
  delete(url?: string | RegExp): RemoteMock {
    return this.#define('DELETE', url, this.delete);
  }

  /** A HEAD mock. */
  head(url?: string | RegExp): RemoteMock {
    return this.#define('HEAD', url, this.head);
  }

  /** An OPTIONS mock. */
  options(url?: string | RegExp): RemoteMock {
    return this.#define('OPTIONS', url, this.options);
  }

  /**
   * Sends every mock defined and not sent yet, in order, in one request: the
   * server takes them all or none (a bad one rejects with the server's
   * error, the same error an in-process definition throws).
   */
  flush(): Promise<void> {
    const batch = this.#pending;
    this.#pending = [];
    for (const mock of batch) mock.markSent();
    const send = async (): Promise<void> => {
      if (batch.length === 0) return;
      const answer = await adminRequest(this.#target, 'POST', `${ADMIN_PREFIX}/mocks`, { mocks: batch.map((mock) => mock.definition) });
      if (answer.status !== 201) throw rebuild(answer.body, answer.status, 'the mock definitions');
      const records = (answer.body as { mocks: MockRecord[] }).mocks;
      for (const [index, mock] of batch.entries()) this.#records.set(mock, records[index]!);
    };
    this.#sending = this.#sending.then(send, send);
    return this.#sending;
  }

  /** Flushes, reports an earlier automatic flush's failure, then makes the call. */
  async #call(method: string, path: string, body?: unknown): Promise<unknown> {
    await this.flush();
    const failure = this.#failure;
    if (failure !== undefined) {
      this.#failure = undefined;
      throw failure;
    }
    const answer = await adminRequest(this.#target, method, `${ADMIN_PREFIX}${path}`, body);
    if (answer.status >= 400) throw rebuild(answer.body, answer.status, `${method} ${path}`);
    return answer.body;
  }

  /** Every mock on the server, in matching order. */
  async mocks(): Promise<MockRecord[]> {
    return ((await this.#call('GET', '/mocks')) as { mocks: MockRecord[] }).mocks;
  }

  /** The mocks not done yet. */
  async pendingMocks(): Promise<MockRecord[]> {
    return ((await this.#call('GET', '/pending')) as PendingBody).mocks.slice();
  }

  /** Whether every mock on the server is done. */
  async isDone(): Promise<boolean> {
    return ((await this.#call('GET', '/pending')) as PendingBody).done;
  }

  /**
   * Rejects with a `PookPendingMocksError` whose message is the one
   * `assertDone()` throws in-process, when a mock is not done. Its `mocks`
   * is empty: the mocks live in the server (see {@link PookRemote.pendingMocks}).
   */
  async assertDone(): Promise<void> {
    const pending = (await this.#call('GET', '/pending')) as PendingBody;
    if (!pending.done) throw new PookPendingMocksError(pending.message ?? 'pook: some mocks are not done.', []);
  }

  /** The requests no mock matched, as `PookRequest`s (client `'server'`). */
  async unmatchedRequests(): Promise<PookRequest[]> {
    return (await this.unmatched()).map((record) => toRequest(record.request));
  }

  /** The requests no mock matched, each with its ranked near misses and the no-match report. */
  async unmatched(): Promise<UnmatchedRecord[]> {
    return ((await this.#call('GET', '/unmatched')) as UnmatchedBody).requests.slice();
  }

  /** Rejects with a `PookUnmatchedRequestsError` (the in-process message) when a request was unmatched. */
  async assertNoUnmatched(): Promise<void> {
    const body = (await this.#call('GET', '/unmatched')) as UnmatchedBody;
    if (body.requests.length > 0) {
      throw new PookUnmatchedRequestsError(
        body.message ?? 'pook: some requests were unmatched.',
        body.requests.map((record) => toRequest(record.request)),
      );
    }
  }

  /** The calls of one mock: its count and the requests it matched. */
  async calls(mock: RemoteMock | MockRecord | string): Promise<{ calls: number; requests: PookRequest[] }> {
    const id = typeof mock === 'string' ? mock : mock instanceof RemoteMock ? (await mock).id : mock.id;
    const body = (await this.#call('GET', `/mocks/${encodeURIComponent(id)}/calls`)) as { calls: number; requests: UnmatchedRecord['request'][] };
    return { calls: body.calls, requests: body.requests.map(toRequest) };
  }

  /** Removes one mock from the server. */
  async removeMock(mock: RemoteMock | MockRecord | string): Promise<void> {
    const id = typeof mock === 'string' ? mock : mock instanceof RemoteMock ? (await mock).id : mock.id;
    await this.#call('DELETE', `/mocks/${encodeURIComponent(id)}`);
  }

  /** Removes every mock and unmatched request; the server loads its mock files again. */
  async reset(): Promise<void> {
    this.#pending = [];
    await this.#call('POST', '/reset');
  }

  /** Lets unmatched requests go to the network (the upstream, or their own host). */
  async enableNetwork(): Promise<NetworkBody> {
    return (await this.#call('PUT', '/network', { enabled: true })) as NetworkBody;
  }

  /** Answers unmatched requests with the no-match report again. */
  async disableNetwork(): Promise<NetworkBody> {
    return (await this.#call('PUT', '/network', { enabled: false })) as NetworkBody;
  }
}

/**
 * Connects to a mock server started with `pook serve` (or `serve()` of
 * `pook/server`). No request is made until the first call.
 * @param url - the server's URL, as its readiness line prints it
 * @example `const remote = connect('http://127.0.0.1:8080')`
 */
export function connect(url: string | URL, options: ConnectOptions = {}): PookRemote {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new PookInvalidArgumentError('url', `expected the URL of a pook server, got ${JSON.stringify(String(url))}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new PookInvalidArgumentError('url', `expected an http or https URL, got ${JSON.stringify(parsed.href)}`);
  return new PookRemote({ url: parsed, token: options.token ?? process.env.POOK_TOKEN, tls: options.tls });
}
