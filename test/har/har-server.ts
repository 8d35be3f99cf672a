// A loopback server with one route per kind of response the record and
// replay tests compare: text, JSON, bytes, gzip, brotli, chunked, 204, a
// redirect, and a route that answers differently each time.

import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import { listenOnLoopback, TLS_CERT, TLS_KEY } from '../helpers/servers.js';

export interface HarServer {
  readonly origin: string;
  /** Requests received, as `METHOD /path?query`. */
  readonly received: string[];
  close(): Promise<void>;
}

export const BINARY: Buffer = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 7) & 0xff));
export const LONG_TEXT: string = `compressible ${'pook records '.repeat(500)}`;

/** Options of {@link startHarServer}. */
export interface HarServerOptions {
  /**
   * Answer cross-origin requests as a browser's XMLHttpRequest needs (a
   * DOM environment's document has another origin): every response allows
   * any origin and exposes its headers, and preflights are answered.
   */
  readonly cors?: boolean;
}

const EXPOSED = 'X-Kind, Content-Encoding, Content-Length, Content-Type, Location, Transfer-Encoding';

export async function startHarServer(protocol: 'http' | 'https' = 'http', options: HarServerOptions = {}): Promise<HarServer> {
  const received: string[] = [];
  let counter = 0;
  const handler: http.RequestListener = (req, res) => {
    if (options.cors === true) {
      res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
      res.setHeader('Access-Control-Expose-Headers', EXPOSED);
      if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
        res.writeHead(204, {
          'Access-Control-Allow-Methods': String(req.headers['access-control-request-method']),
          'Access-Control-Allow-Headers': String(req.headers['access-control-request-headers'] ?? '*'),
        });
        res.end();
        return;
      }
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push(`${req.method} ${req.url}`);
      const url = new URL(req.url ?? '/', 'http://x');
      switch (url.pathname) {
        case '/text':
          res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Kind': 'text' });
          res.end('héllo from the server');
          return;
        case '/json':
          res.writeHead(200, { 'Content-Type': 'application/json', 'X-Kind': 'json' });
          res.end(JSON.stringify({ method: req.method, query: url.search, body: Buffer.concat(chunks).toString('utf8') }));
          return;
        case '/binary':
          res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(BINARY.byteLength) });
          res.end(BINARY);
          return;
        case '/gzip': {
          const body = zlib.gzipSync(LONG_TEXT);
          res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Encoding': 'gzip', 'Content-Length': String(body.byteLength) });
          res.end(body);
          return;
        }
        case '/br': {
          const body = zlib.brotliCompressSync(LONG_TEXT);
          res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Encoding': 'br', 'Content-Length': String(body.byteLength) });
          res.end(body);
          return;
        }
        case '/chunked': {
          res.writeHead(200, { 'Content-Type': 'text/plain' });
          let i = 0;
          const next = (): void => {
            if (i === 4) return void res.end();
            res.write(`part ${i++};`);
            setImmediate(next);
          };
          next();
          return;
        }
        case '/empty':
          res.writeHead(204, { 'X-Kind': 'empty' });
          res.end();
          return;
        case '/redirect':
          res.writeHead(302, { Location: '/json?from=redirect', 'Content-Length': '0' });
          res.end();
          return;
        case '/cookie':
          res.writeHead(200, { 'Content-Type': 'text/plain', 'Set-Cookie': 'sid=server-session-123; Path=/; HttpOnly' });
          res.end('cookie set');
          return;
        case '/counter':
          counter++;
          res.writeHead(200, { 'Content-Type': 'text/plain' });
          res.end(`call ${counter}`);
          return;
        default:
          res.writeHead(404, { 'Content-Type': 'text/plain' });
          res.end('not found');
      }
    });
  };
  const server = protocol === 'https' ? https.createServer({ key: TLS_KEY, cert: TLS_CERT }, handler) : http.createServer(handler);
  const { origin } = await listenOnLoopback(server, '127.0.0.1', protocol);
  return {
    origin,
    received,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
