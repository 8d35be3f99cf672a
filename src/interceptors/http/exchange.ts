import { AsyncResource } from 'node:async_hooks';
import type { Agent, ClientRequest } from 'node:http';
import { isBytes } from '../../core/bytes.js';
import type { RequestHandler } from '../../core/interceptor.js';
import { adoptRequest, type PookRequest } from '../../core/pook-request.js';
import type { ResolvedResponse } from '../../core/resolved-response.js';
import { ExchangeTap } from '../shared/exchange-tap.js';
import { wireResponse } from '../shared/wire-response.js';
import type { AgentRequestOptions } from './agent-request-options.js';
import { createMockSocket, type MockSocket } from './mock-socket.js';
import { passthrough } from './passthrough.js';
import { chunk, LAST_CHUNK, parseRequest, responseHead, type WireRequest } from './wire.js';

/** Where the request really goes: `protocol//host:port` + the request target. */
function requestUrl(protocol: string, options: AgentRequestOptions, target: string): string {
  if (target.charCodeAt(0) !== 0x2f /* / */ && /^https?:\/\//i.test(target)) return target;
  const host = typeof options.host === 'string' && options.host !== '' ? options.host : 'localhost';
  const hostname = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  const port = options.port === undefined || options.port === '' ? '' : `:${options.port}`;
  return `${protocol}//${hostname}${port}${target}`;
}

function headerPairs(raw: readonly string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!]);
  return pairs;
}

/** Sends a mocked response: at once for a whole body, chunk by chunk for a stream. */
function sendResponse(socket: MockSocket, mocked: ResolvedResponse, method: string): void {
  // A stream without a declared length comes with `Transfer-Encoding: chunked` (wireResponse).
  const response = wireResponse(mocked, method);
  const { status, body, headers } = response;
  const noBody = method === 'HEAD' || status === 204 || status === 304 || status < 200;
  const streamed = body !== null && !isBytes(body);
  // Chunked when the headers say so, whatever the body's source, so the client sees its end.
  const chunked = !noBody && headers.some(([key, value]) => key.toLowerCase() === 'transfer-encoding' && /\bchunked\b/i.test(value));
  socket.push(responseHead(status, response.statusText, headers));
  if (noBody) return;
  if (!streamed) {
    const bytes = body as Uint8Array | null;
    if (chunked) for (const part of [...(bytes === null ? [] : chunk(bytes)), LAST_CHUNK]) socket.push(part);
    else if (bytes !== null && bytes.byteLength > 0) socket.push(bytes);
    return;
  }
  sendStream(socket, body, chunked).catch((error: unknown) => socket.destroy(error as Error));
}

async function sendStream(socket: MockSocket, body: AsyncIterable<Uint8Array>, chunked: boolean): Promise<void> {
  for await (const data of body) {
    if (socket.destroyed) return;
    for (const part of chunked ? chunk(data) : [data]) socket.push(part);
  }
  if (socket.destroyed) return;
  if (chunked) socket.push(LAST_CHUNK);
  else socket.push(null);
}

/**
 * What the exchange gives `engine.handle`: the engine reads `signal` only to
 * cancel a mock's delay, so the AbortController (and its listener on the
 * socket) is made then, not for every request.
 */
class ExchangeOptions {
  readonly #socket: MockSocket;
  #controller: AbortController | undefined;

  constructor(socket: MockSocket) {
    this.#socket = socket;
  }

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      const controller = new AbortController();
      this.#controller = controller;
      const abort = (): void => controller.abort(new Error('pook: the request was aborted.'));
      if (this.#socket.destroyed) abort();
      else this.#socket.once('close', abort);
    }
    return this.#controller.signal;
  }
}

// Keep-alive: the client hands the socket back when the response is done; there is nothing to reuse.
function destroyOnFree(this: MockSocket): void {
  this.destroy();
}

/** Reads the request the client wrote, asks the engine and acts on its answer. */
function answer(engine: RequestHandler, socket: MockSocket, options: AgentRequestOptions, protocol: string, originalAgent: Agent | false | undefined): void {
  let wire: WireRequest;
  try {
    wire = parseRequest(socket.takeWritten());
  } catch (error) {
    socket.destroy(error as Error);
    return;
  }
  let request: PookRequest;
  try {
    // node:http validated the header names and values it wrote.
    request = adoptRequest({
      method: wire.method,
      url: new URL(requestUrl(protocol, options, wire.target)),
      headers: headerPairs(wire.rawHeaders),
      body: wire.body,
      client: 'http',
    });
  } catch (error) {
    socket.destroy(error as Error);
    return;
  }
  void engine.handle(request, new ExchangeOptions(socket)).then(
    (outcome) => {
      if (socket.destroyed) return;
      if (outcome.type === 'error') socket.destroy(outcome.error);
      else if (outcome.type === 'passthrough') passthrough(socket, wire, options, protocol, originalAgent, ExchangeTap.of(outcome, request));
      else {
        try {
          sendResponse(socket, outcome.response, wire.method);
        } catch (error) {
          socket.destroy(error as Error);
        }
      }
    },
    // Should the engine ever reject, the request fails with that error, as
    // fetch's does: it must neither hang nor leave an unhandled rejection.
    (error: unknown) => socket.destroy(error instanceof Error ? error : new Error(String(error))),
  );
}

/**
 * Runs one intercepted ClientRequest: gives it a {@link MockSocket}, waits
 * until the whole request is written, asks the engine, then answers with the
 * mock's response, fails with the error, or performs the real request.
 */
export function startExchange(
  engine: RequestHandler,
  req: ClientRequest,
  options: AgentRequestOptions,
  protocol: string,
  originalAgent: Agent | false | undefined,
): void {
  const socket = createMockSocket(protocol === 'https:');
  req.onSocket(socket);
  // An agent's socket starts with the request's timeout, else the agent's
  // (net.connect applies `options.timeout`, and node:http gives a reused
  // socket `req.timeout`): so does the mock socket, whose 'timeout' the
  // ClientRequest turns into its own, as against a silent server.
  const timeout =
    (req as { timeout?: number }).timeout ??
    (originalAgent === false ? undefined : (originalAgent as { options?: { timeout?: number } } | undefined)?.options?.timeout);
  if (timeout !== undefined && timeout > 0) socket.setTimeout(timeout);
  socket.once('free', destroyOnFree);
  // The engine is chosen by the async context of the client call (the
  // ClientRequest is being constructed now), not of whatever ends the
  // request later: `use()` scopes route by it (docs/scopes.md). A resource
  // without a GC destroy hook: AsyncResource.bind costs ~100× more.
  const callContext = new AsyncResource('pook:http', { requireManualDestroy: true });
  req.once('finish', () => callContext.runInAsyncScope(answer, undefined, engine, socket, options, protocol, originalAgent));
}
