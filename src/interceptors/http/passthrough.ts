import type http from 'node:http';
import type { Agent, IncomingMessage } from 'node:http';
import type https from 'node:https';
import { builtin } from '../../core/builtin.js';
import type { ExchangeTap } from '../shared/exchange-tap.js';
import { runBypassed } from '../shared/passthrough-guard.js';
import { original } from '../shared/property-patch.js';
import type { AgentRequestOptions } from './agent-request-options.js';
import type { MockSocket } from './mock-socket.js';
import { chunk, LAST_CHUNK, responseHead, type WireRequest } from './wire.js';

// Options that describe the request itself; everything else (TLS options,
// lookup, localAddress, createConnection, timeout…) is kept for the real one.
const OWN_KEYS = new Set(['headers', 'agent', 'method', 'path', 'setHost', '_defaultAgent', 'href', 'search', 'pathname', 'hash']);

function relay(socket: MockSocket, response: IncomingMessage, method: string, tap: ExchangeTap | undefined): void {
  const rawHeaders: Array<[string, string]> = [];
  for (let i = 0; i < response.rawHeaders.length; i += 2) rawHeaders.push([response.rawHeaders[i]!, response.rawHeaders[i + 1]!]);
  socket.push(responseHead(response.statusCode ?? 502, response.statusMessage ?? '', rawHeaders, response.httpVersion));
  tap?.head(response.statusCode ?? 502, response.statusMessage ?? '', rawHeaders, `HTTP/${response.httpVersion}`, false);
  const status = response.statusCode ?? 0;
  const noBody = method === 'HEAD' || status === 204 || status === 304;
  const chunked = !noBody && /\bchunked\b/i.test(String(response.headers['transfer-encoding'] ?? ''));
  const closeDelimited = !noBody && !chunked && response.headers['content-length'] === undefined;
  response.on('data', (data: Buffer) => {
    tap?.data(data);
    if (!socket.destroyed) for (const part of chunked ? chunk(data) : [data]) socket.push(part);
  });
  let ended = false;
  response.on('end', () => {
    ended = true;
    tap?.end();
    if (socket.destroyed) return;
    if (chunked) socket.push(LAST_CHUNK);
    else if (closeDelimited) socket.push(null);
  });
  // The real connection ended before the body did. Had its socket failed
  // (a reset), the real request's 'error' has already destroyed the mock
  // socket with that very error. Otherwise the server closed it cleanly, and
  // so does the mock socket: the client's own HTTP parser sees the body cut
  // short, as it would without pook ('aborted' on the response, no error on
  // the request), never an error the real socket did not have
  // (docs/networking.md, "When the server fails").
  response.on('close', () => {
    if (!ended) tap?.fail(new Error('pook: the real response was cut short.'));
    if (!ended && !socket.destroyed) socket.push(null);
  });
}

/**
 * Performs an unmatched request for real (networking mode), with the
 * original node:http function, the caller's own agent and options, and the
 * exact method, target, header names and body that were written; the real
 * response is relayed byte for byte into the mock socket.
 */
export function passthrough(
  socket: MockSocket,
  wire: WireRequest,
  options: AgentRequestOptions,
  protocol: string,
  agent: Agent | false | undefined,
  tap?: ExchangeTap | undefined,
): void {
  const request = original<typeof http.request>(builtin<typeof http | typeof https>(protocol === 'https:' ? 'node:https' : 'node:http'), 'request');
  const realOptions: Record<string, unknown> = {};
  for (const key of Object.keys(options)) if (!OWN_KEYS.has(key)) realOptions[key] = options[key];
  let finished = false;
  // The caller's agent may be a plain http.Agent, whose addRequest pook patches.
  const real = runBypassed(() => request({ ...realOptions, method: wire.method, path: wire.target, headers: wire.rawHeaders, agent } as http.RequestOptions));
  real.on('response', (response) => {
    response.once('end', () => (finished = true));
    relay(socket, response, wire.method, tap);
  });
  real.on('error', (error) => {
    tap?.fail(error);
    socket.destroy(error);
  });
  socket.once('close', () => {
    if (!finished) real.destroy();
  });
  real.end(wire.body);
}
