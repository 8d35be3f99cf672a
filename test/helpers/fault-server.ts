// A real loopback server that fails the way real servers fail: it closes
// the connection before the response head or in the middle of the body,
// resets it (TCP RST) in the middle of the body, or never answers. Each
// request reads the whole request first, so a close is never a reset by
// accident (unread data makes the kernel send RST instead of FIN).

import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { type LoopbackHost, listenOnLoopback, TLS_CERT, TLS_KEY } from './servers.js';

/** How the server fails the request. */
export type Fault =
  /** Reads the request, then closes the connection cleanly (FIN) without a byte of response. */
  | 'close-before-headers'
  /** Sends the head (`Content-Length: 1000`) and 10 bytes of body, then closes cleanly (FIN). */
  | 'close-mid-body'
  /** Sends the head (`Content-Length: 1000`) and 10 bytes of body, then resets the connection (RST). */
  | 'reset-mid-body'
  /** Reads the request and never answers: only the client's own timeout ends it. */
  | 'stall';

/** Every fault, in the order the tests run them. */
export const FAULTS: readonly Fault[] = ['close-before-headers', 'close-mid-body', 'reset-mid-body', 'stall'];

// How long the server waits between the partial body and the reset (milliseconds).
const RESET_AFTER = 100;

/** The 10 bytes of body sent before a mid-body fault. */
export const PARTIAL_BODY = '0123456789';

/** A running fault server. */
export interface FaultServer {
  readonly protocol: 'http' | 'https';
  /** `protocol://127.0.0.1:port`, without a trailing slash. */
  readonly origin: string;
  /** The URL whose request fails with `fault`. */
  url(fault: Fault): string;
  /** Requests received so far, by path. */
  readonly received: readonly string[];
  /** Destroys every connection (stalled ones included) and closes the server. */
  close(): Promise<void>;
}

function fail(fault: Fault, req: http.IncomingMessage, res: http.ServerResponse): void {
  const socket = req.socket;
  if (fault === 'stall') return;
  if (fault === 'close-before-headers') {
    socket.destroy();
    return;
  }
  res.writeHead(200, [
    ['Content-Type', 'text/plain'],
    ['Content-Length', '1000'],
    ['X-Fault', fault],
    // CORS, for the XMLHttpRequest of DOM environments (their page is on another origin).
    ['Access-Control-Allow-Origin', req.headers.origin ?? '*'],
  ]);
  // The callback runs once the bytes are handed to the kernel: they reach the client before the FIN or RST.
  res.write(PARTIAL_BODY, () => {
    if (fault === 'close-mid-body') {
      socket.destroy();
      return;
    }
    // The reset comes once the client has read what came before it: a reset
    // that arrives together with unread bytes is sometimes reported as a
    // clean close on Node 22 (the bytes, then end of stream), with or without
    // pook; Node 24 and 26 report an error. A TLS socket resets through the
    // TCP socket under it.
    setTimeout(() => ((socket as { _parent?: Socket })._parent ?? socket).resetAndDestroy(), RESET_AFTER);
  });
}

/** Starts a fault server on 127.0.0.1 and a free port; `/<fault>` fails with that fault. */
export async function startFaultServer(protocol: 'http' | 'https' = 'http', host: LoopbackHost = '127.0.0.1'): Promise<FaultServer> {
  const received: string[] = [];
  const sockets = new Set<Socket>();
  const handler: http.RequestListener = (req, res) => {
    // A CORS preflight of a DOM environment's XMLHttpRequest.
    if (req.method === 'OPTIONS') {
      res.writeHead(204, [
        ['Access-Control-Allow-Origin', req.headers.origin ?? '*'],
        ['Access-Control-Allow-Methods', 'GET'],
        ['Access-Control-Allow-Headers', String(req.headers['access-control-request-headers'] ?? '*')],
      ]);
      res.end();
      return;
    }
    received.push(req.url ?? '');
    const fault = (req.url ?? '').slice(1) as Fault;
    if (!FAULTS.includes(fault)) {
      res.writeHead(404).end();
      return;
    }
    req.resume();
    req.on('end', () => fail(fault, req, res));
  };
  const server = protocol === 'https' ? https.createServer({ cert: TLS_CERT, key: TLS_KEY }, handler) : http.createServer(handler);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const { origin } = await listenOnLoopback(server, host, protocol);
  return {
    protocol,
    origin,
    url: (fault) => `${origin}/${fault}`,
    received,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
