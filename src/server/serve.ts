import { randomBytes } from 'node:crypto';
import { type FSWatcher, watch } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { wireDiagnostics } from '../api/wiring.js';
import { assertInteger, describe } from '../core/arguments.js';
import { PookInvalidArgumentError } from '../core/errors/invalid-argument-error.js';
import type { PookRequest } from '../core/pook-request.js';
import { Engine } from '../engine/engine.js';
import { PookNoMatchesError } from '../engine/errors/no-matches-error.js';
import type { Mock } from '../engine/mock.js';
import { assertStatus } from '../engine/pook-response.js';
import { type AdminContext, handleAdmin } from './admin.js';
import { mockFromDefinition } from './define-mock.js';
import { headerPairs, isAbsoluteForm, pookRequest, readBody, requestUrl, writeResponse } from './exchange.js';
import { forward } from './forward.js';
import { loadMockFiles } from './mock-files.js';
import { MockRegistry } from './mock-registry.js';
import { ADMIN_PREFIX, type NetworkBody, type UnmatchedRecord } from './protocol/messages.js';
import { nearMissRecord, requestRecord } from './records.js';
import type { ServerLog } from './server-events.js';
import { selfSignedCertificate, type TlsCredentials } from './tls.js';

/** Options of {@link serve}. */
export interface ServeOptions {
  /** Port to listen on; `0` (the default) picks a free one (see {@link PookServer.port}). */
  readonly port?: number | undefined;
  /** Address to bind (default `127.0.0.1`). Beyond loopback, the admin API requires a token. */
  readonly host?: string | undefined;
  /** Mock files or directories to load (JSON, YAML, ES or TypeScript modules; docs/server.md). */
  readonly mocks?: string | readonly string[] | undefined;
  /** HAR mock files: every entry answers any number of times (default false: each once, in file order). */
  readonly harPersist?: boolean | undefined;
  /** Reload the mock files when they change (default false). */
  readonly watch?: boolean | undefined;
  /** Directory relative mock paths are read from (default `process.cwd()`). */
  readonly cwd?: string | undefined;
  /** Status of the answer to a request no mock matched (default 501). */
  readonly unmatchedStatus?: number | undefined;
  /**
   * Reverse proxy: requests no mock matched go to this origin (their path
   * appended to its path), and mocks see them under its URL.
   */
  readonly proxy?: string | undefined;
  /** Let unmatched requests go to the network (forward proxy for absolute-form requests); on with `proxy`. */
  readonly network?: boolean | undefined;
  /** Serve HTTPS with this certificate and key, or with a generated self-signed one (`'self-signed'`, needs openssl). */
  readonly tls?: TlsCredentials | 'self-signed' | undefined;
  /**
   * The admin API's bearer token. Required beyond loopback: when the host is
   * not a loopback address and none is given, one is generated ({@link PookServer.token}).
   */
  readonly token?: string | undefined;
  /** How many requests the server keeps per mock and unmatched (default 1000; memory stays flat). */
  readonly historyLimit?: number | undefined;
  /** Receives the server's events (requests, reloads…); the CLI prints them. */
  readonly log?: ServerLog | undefined;
}

/** A running mock server (see {@link serve}). */
export interface PookServer {
  /** Its base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** The port it listens on. */
  readonly port: number;
  /** The engine that answers its requests: the same mocks, matchers and reports as in-process. */
  readonly engine: Engine;
  /** The admin API's token, when one is required. */
  readonly token: string | undefined;
  /**
   * Registers mocks from definitions (the options of `pook.mock(url, options)`),
   * after those it has.
   * @throws PookInvalidArgumentError on a bad definition, naming the field; nothing is added
   */
  add(...definitions: object[]): Mock[];
  /** Loads the mock files again; on a bad file, keeps the mocks it had and rejects. */
  reload(): Promise<void>;
  /** Stops listening, lets requests in flight finish, then closes every connection. */
  close(): Promise<void>;
}

const LOOPBACK = /^(?:127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/i;

function check(options: ServeOptions): void {
  if (options.port !== undefined) assertInteger('port', options.port, 0);
  if (options.port !== undefined && options.port > 65535) throw new PookInvalidArgumentError('port', `expected 0 to 65535, got ${options.port}`);
  if (options.unmatchedStatus !== undefined) assertStatus('unmatchedStatus', options.unmatchedStatus);
  if (options.historyLimit !== undefined && options.historyLimit !== Number.POSITIVE_INFINITY) assertInteger('historyLimit', options.historyLimit, 0);
  if (options.proxy !== undefined) {
    let upstream: URL | undefined;
    try {
      upstream = new URL(options.proxy);
    } catch {}
    if (upstream === undefined || (upstream.protocol !== 'http:' && upstream.protocol !== 'https:')) {
      throw new PookInvalidArgumentError('proxy', `expected an http or https URL, got ${describe(options.proxy)}`);
    }
  }
}

/**
 * Starts a mock server: a real HTTP/1.1 server (HTTPS with `tls`) whose
 * requests an {@link Engine} answers, with the mocks of the mock files, those
 * the admin API (`/__pook`) or `pook/remote` define, and those given to
 * {@link PookServer.add}. A request no mock matched gets the no-match report
 * (as JSON when the client accepts JSON) with status 501, and is recorded
 * with its near misses. See docs/server.md.
 *
 * @example
 * ```ts
 * import { serve } from 'pook/server';
 * const server = await serve({ port: 0, mocks: 'test/mocks' });
 * server.add({ url: 'api.test/users', method: 'GET', reply: 200, responseJson: [] });
 * await fetch(`${server.url}/users`);
 * await server.close();
 * ```
 */
export async function serve(options: ServeOptions = {}): Promise<PookServer> {
  check(options);
  wireDiagnostics();
  const host = options.host ?? '127.0.0.1';
  const cwd = options.cwd ?? process.cwd();
  const mockPaths = options.mocks === undefined ? [] : typeof options.mocks === 'string' ? [options.mocks] : [...options.mocks];
  const unmatchedStatus = options.unmatchedStatus ?? 501;
  const upstream = options.proxy === undefined ? undefined : new URL(options.proxy);
  const log: ServerLog = options.log ?? (() => {});
  const historyLimit = options.historyLimit ?? 1000;
  const token = options.token ?? (LOOPBACK.test(host) ? undefined : randomBytes(18).toString('base64url'));
  const tls = options.tls === 'self-signed' ? selfSignedCertificate() : options.tls;
  const secure = tls !== undefined;

  const engine = new Engine({ historyLimit });
  const registry = new MockRegistry(engine);
  let networking = upstream !== undefined || options.network === true;
  if (networking) engine.enableNetwork();
  let journal: UnmatchedRecord[] = [];

  const record = (entry: UnmatchedRecord): void => {
    if (historyLimit === 0) return;
    journal.push(entry);
    if (journal.length > historyLimit) journal.shift();
  };

  const load = async (): Promise<void> => {
    if (mockPaths.length === 0) return;
    const mocks = await loadMockFiles(mockPaths, cwd, { harPersist: options.harPersist });
    registry.replaceFileMocks(mocks);
    log({ type: 'loaded', mocks: mocks.length, files: mockPaths });
  };
  await load();

  const context: AdminContext = {
    engine,
    registry,
    token,
    unmatched: () => journal,
    async reset() {
      engine.reset();
      registry.clear();
      journal = [];
      await load();
    },
    network: (): NetworkBody => ({ enabled: networking, ...(upstream === undefined ? {} : { upstream: upstream.href }) }),
    setNetwork(enabled) {
      networking = enabled;
      if (enabled) engine.enableNetwork();
      else engine.disableNetwork();
    },
  };

  // Which mock answered, for the log line (only when there is a log).
  const answeredBy = options.log === undefined ? undefined : new WeakMap<PookRequest, Mock>();
  if (answeredBy !== undefined) engine.on('match', ({ request, mock }) => answeredBy.set(request, mock));

  const inFlight = new Set<ServerResponse>();
  let drained: (() => void) | undefined;
  const closing = new AbortController();

  async function unmatched(req: IncomingMessage, res: ServerResponse, request: PookRequest, error: PookNoMatchesError, started: number): Promise<void> {
    const entry: UnmatchedRecord = {
      request: requestRecord(request, headerPairs(req)),
      outcome: unmatchedStatus,
      message: error.message,
      nearMisses: error.candidates.map((candidate) => nearMissRecord(candidate, (each) => registry.idOf(each.mock))),
    };
    record(entry);
    const wantsJson = /\bjson\b/i.test(req.headers.accept ?? '');
    const text = wantsJson ? JSON.stringify(entry) : `${error.message}\n`;
    res.writeHead(unmatchedStatus, {
      'content-type': wantsJson ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      'x-pook-unmatched': 'true',
    });
    res.end(req.method === 'HEAD' ? undefined : text);
    log({
      type: 'request',
      method: request.method,
      url: request.url.href,
      status: unmatchedStatus,
      outcome: 'unmatched',
      mock: error.candidates[0]?.mock.label,
      ms: Date.now() - started,
    });
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const body = await readBody(req);
    const target = req.url ?? '/';
    if (!isAbsoluteForm(req) && (target === ADMIN_PREFIX || target.startsWith(`${ADMIN_PREFIX}/`) || target.startsWith(`${ADMIN_PREFIX}?`))) {
      const path = target.split('?')[0]!;
      await handleAdmin(context, req, res, path, body);
      log({ type: 'admin', method: req.method ?? 'GET', path, status: res.statusCode });
      return;
    }
    let url: URL;
    try {
      url = requestUrl(req, secure, upstream);
    } catch {
      const text = `pook: cannot make a URL of the request target ${JSON.stringify(target)} and Host ${JSON.stringify(req.headers.host ?? '')}.\n`;
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) }).end(text);
      return;
    }
    const request = pookRequest(req, url, body);
    const outcome = await engine.handle(request, { signal: closing.signal });
    if (outcome.type === 'response') {
      const label = answeredBy?.get(request)?.label;
      await writeResponse(res, outcome.response, request.method === 'HEAD');
      log({ type: 'request', method: request.method, url: url.href, status: outcome.response.status, outcome: 'mock', mock: label, ms: Date.now() - started });
      return;
    }
    if (outcome.type === 'passthrough') {
      // Networking is on: unless the request is for another server (a
      // forward-proxy or reverse-proxy request), it would come back here.
      if (upstream === undefined && !isAbsoluteForm(req)) return unmatched(req, res, request, engine.noMatchError(request), started);
      const error = engine.noMatchError(request);
      const entry: UnmatchedRecord = {
        request: requestRecord(request, headerPairs(req)),
        outcome: 'passthrough',
        message: error.message,
        nearMisses: error.candidates.map((candidate) => nearMissRecord(candidate, (each) => registry.idOf(each.mock))),
      };
      record(entry);
      const status = await forward(request, headerPairs(req), res);
      log({ type: 'request', method: request.method, url: url.href, status, outcome: 'passthrough', ms: Date.now() - started });
      return;
    }
    if (outcome.error instanceof PookNoMatchesError) return unmatched(req, res, request, outcome.error, started);
    // A mock's error (mock.error('ECONNRESET'), a reply function that threw):
    // the connection ends without a response, as a failing server's would.
    res.destroy();
    req.socket.destroy();
    log({ type: 'request', method: request.method, url: url.href, status: 0, outcome: 'error', mock: outcome.error.message, ms: Date.now() - started });
  }

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      if (inFlight.size === 0) drained?.();
    });
    onRequest(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        const text = `pook: the server failed on this request (${(error as Error)?.message ?? String(error)}).\n`;
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) }).end(text);
      } else res.destroy();
    });
  };

  const server = tls === undefined ? http.createServer(handler) : https.createServer({ cert: tls.cert, key: tls.key }, handler);
  // A forward-proxy client may ask to tunnel HTTPS: not intercepted (docs/server.md, "Proxy mode").
  server.on('connect', (req: IncomingMessage, socket) => {
    // The client may reset the socket first (curl does): that must not stop the server.
    socket.on('error', () => {});
    socket.end(
      `HTTP/1.1 501 Not Implemented\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\npook: HTTPS through CONNECT (${req.url}) is not intercepted; send plain HTTP through the proxy, or point the client at the server with --proxy.\n`,
    );
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `${secure ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const watchers: FSWatcher[] = [];
  if (options.watch && mockPaths.length > 0) {
    let timer: NodeJS.Timeout | undefined;
    const changed = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        load().catch((error: unknown) => log({ type: 'load-failed', message: (error as Error).message }));
      }, 100);
    };
    for (const path of mockPaths) {
      const full = resolve(cwd, path);
      let directory = false;
      try {
        directory = (await import('node:fs')).statSync(full).isDirectory();
      } catch {}
      // A file is watched through its directory: editors replace files on save.
      const watcher = directory
        ? watch(full, { recursive: true }, changed)
        : watch(dirname(full), (_event, name) => {
            if (name === null || resolve(dirname(full), name) === full) changed();
          });
      watcher.unref();
      watchers.push(watcher);
    }
  }

  log({ type: 'listening', url, token });

  let closed: Promise<void> | undefined;
  return {
    url,
    port,
    engine,
    token,
    add(...definitions) {
      const mocks = definitions.map((definition) => mockFromDefinition(definition));
      registry.add(mocks);
      return mocks;
    },
    reload: load,
    close() {
      closed ??= new Promise<void>((resolveClose) => {
        log({ type: 'closing' });
        for (const watcher of watchers) watcher.close();
        server.close(() => {
          log({ type: 'closed' });
          resolveClose();
        });
        server.closeIdleConnections();
        const finish = (): void => {
          closing.abort();
          server.closeAllConnections();
        };
        if (inFlight.size === 0) finish();
        else drained = finish;
      });
      return closed;
    },
  };
}
