import tls from 'node:tls';
// Real loopback servers for the integration tests: they echo what they
// received and count the TCP connections they accepted, so a test can prove
// that a request did (or did not) reach the network.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

// test/fixtures/tls: a self-signed CA certificate for tests only, valid
// 2000-2125, made with `openssl ca -selfsign -startdate 20000101000000Z`
// (backdated so a machine with a wrong clock still accepts it) and
// subjectAltName = DNS:localhost, IP:127.0.0.1, IP:::1.
// Paths, not URL objects: a DOM test environment replaces the global URL with its own.
const tlsDir = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/tls/');

/**
 * Starts `server` on an ephemeral port of `host` (a loopback address) and
 * gives the port and the origin to reach it at (`[::1]` bracketed).
 */
export async function listenOnLoopback(
  server: net.Server,
  host: LoopbackHost,
  protocol: 'http' | 'https',
): Promise<{ readonly port: number; readonly origin: string }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return { port, origin: `${protocol}://${host.includes(':') ? `[${host}]` : host}:${port}` };
}

/** The self-signed certificate of the https servers (SAN: localhost, 127.0.0.1, ::1); trust it with `ca`. */
export const TLS_CERT: string = readFileSync(`${tlsDir}cert.pem`, 'utf8');
/** The private key of {@link TLS_CERT}, for the tests' own https servers. */
export const TLS_KEY: string = readFileSync(`${tlsDir}key.pem`, 'utf8');

/** The loopback hosts tests may talk to; nothing else is ever contacted. */
export type LoopbackHost = '127.0.0.1' | '::1';

/** What the echo server received for one request (its response body, as JSON). */
export interface Echo {
  readonly method: string;
  readonly url: string;
  /** Header names lower-cased; repeated headers joined as node:http joins them. */
  readonly headers: Record<string, string | string[] | undefined>;
  /** The whole request body, decoded as UTF-8. */
  readonly body: string;
}

/** A request body as the server received it. */
export interface ReceivedBody {
  readonly length: number;
  /** SHA-256 of the whole body, hex. */
  readonly sha256: string;
  /** The bytes, for bodies up to 1 MiB. */
  readonly bytes?: Buffer;
}

// Bodies over this size are hashed, not kept (the 64 MiB upload test).
const ECHO_LIMIT = 1024 * 1024;

/** The bytes `/_pook/large?size=N` answers: a pattern that no shifted or truncated copy matches. */
export function patternBytes(size: number, offset = 0): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  for (let i = 0; i < size; i++) {
    const n = i + offset;
    bytes[i] = (n * 31 + (n >>> 10) + (n >>> 20)) & 0xff;
  }
  return bytes;
}

/** The text `/_pook/gzip` answers, gzip-encoded. */
export const GZIP_TEXT: string = `a real compressed response ${'pook '.repeat(4_000)}`;

/** The chunks `/_pook/stream` answers, in order, one write each (chunked transfer). */
export const STREAM_CHUNKS: readonly string[] = Array.from({ length: 5 }, (_, i) => `chunk ${i};`);

/**
 * The special routes of the echo server: `/_pook/large?size=N` (N pattern
 * bytes), `/_pook/gzip` (a gzip-encoded text) and `/_pook/stream` (a
 * chunked body written in several parts). Returns whether it answered.
 */
function special(req: http.IncomingMessage, res: http.ServerResponse, cors: Array<[string, string]>): boolean {
  const url = new URL(req.url ?? '/', 'http://server');
  if (url.pathname === '/_pook/large') {
    const size = Number(url.searchParams.get('size') ?? '0');
    res.writeHead(200, [['Content-Type', 'application/octet-stream'], ['Content-Length', String(size)], ['X-Echo', 'real'], ...cors]);
    // Written in 1 MiB parts so the server never holds the whole body.
    const part = 1024 * 1024;
    let offset = 0;
    const write = (): void => {
      while (offset < size) {
        const bytes = patternBytes(Math.min(part, size - offset), offset);
        offset += bytes.byteLength;
        if (!res.write(bytes)) {
          res.once('drain', write);
          return;
        }
      }
      res.end();
    };
    write();
    return true;
  }
  if (url.pathname === '/_pook/gzip') {
    const body = zlib.gzipSync(GZIP_TEXT);
    res.writeHead(200, [
      ['Content-Type', 'text/plain'],
      ['Content-Encoding', 'gzip'],
      ['Content-Length', String(body.byteLength)],
      ['X-Echo', 'real'],
      ...cors,
    ]);
    res.end(body);
    return true;
  }
  if (url.pathname === '/_pook/stream') {
    res.writeHead(200, [['Content-Type', 'text/plain'], ['X-Echo', 'real'], ...cors]);
    let i = 0;
    const next = (): void => {
      if (i === STREAM_CHUNKS.length) {
        res.end();
        return;
      }
      res.write(STREAM_CHUNKS[i++]);
      setImmediate(next);
    };
    next();
    return true;
  }
  return false;
}

/** A running echo server. */
export interface EchoServer {
  readonly protocol: 'http' | 'https';
  readonly host: LoopbackHost;
  readonly port: number;
  /** `protocol://host:port` (IPv6 hosts in brackets), without a trailing slash. */
  readonly origin: string;
  /** The requests received so far, in order (CORS preflights left out). */
  readonly requests: readonly Echo[];
  /** The body of each of {@link EchoServer.requests}, as received. */
  readonly bodies: readonly ReceivedBody[];
  /** The paths of the CORS preflight requests received. */
  readonly preflights: readonly string[];
  /**
   * TCP connections accepted so far (synchronous; see {@link EchoServer.settledConnections}),
   * leaving out those that carried CORS preflights only.
   */
  readonly connections: number;
  /**
   * The number of connections accepted once every connection already
   * attempted has been accepted: it opens one probe connection of its own,
   * waits for the server to accept it (the accept queue is FIFO) and leaves
   * the probe out of the count.
   */
  settledConnections(): Promise<number>;
  /** Closes every connection and the server. */
  close(): Promise<void>;
}

/** Options of {@link startServer}. */
export interface StartServerOptions {
  readonly protocol?: 'http' | 'https';
  readonly host?: LoopbackHost;
}

/**
 * Starts an echo server on a loopback address and a free port. Every
 * response is `200` with the JSON {@link Echo}, two `Set-Cookie` headers
 * and `X-Echo: real`.
 */
export async function startServer(options: StartServerOptions = {}): Promise<EchoServer> {
  const protocol = options.protocol ?? 'http';
  const host = options.host ?? '127.0.0.1';
  const requests: Echo[] = [];
  const bodies: ReceivedBody[] = [];
  const preflights: string[] = [];
  // Remote ports of every accepted connection, in order; probes are left out of the count.
  const accepted: number[] = [];
  const probePorts = new Set<number>();
  const onAccept = new Set<() => void>();
  // A connection that only ever carried CORS preflights (of a DOM environment's XHR) is not counted.
  const preflightPorts = new Set<number>();
  const requestPorts = new Set<number>();
  const counted = (): number => accepted.filter((port) => !probePorts.has(port) && !(preflightPorts.has(port) && !requestPorts.has(port))).length;

  const handler: http.RequestListener = (req, res) => {
    // CORS for the XMLHttpRequest of DOM environments (their page is on another origin).
    const cors: Array<[string, string]> = [
      ['Access-Control-Allow-Origin', req.headers.origin ?? '*'],
      ['Access-Control-Expose-Headers', 'X-Echo, Content-Encoding, Content-Length, Transfer-Encoding'],
    ];
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
      preflights.push(req.url ?? '');
      preflightPorts.add(req.socket.remotePort ?? -1);
      res.writeHead(204, [
        ...cors,
        ['Access-Control-Allow-Methods', String(req.headers['access-control-request-method'])],
        ['Access-Control-Allow-Headers', String(req.headers['access-control-request-headers'] ?? '*')],
        ['Access-Control-Max-Age', '600'],
      ]);
      res.end();
      return;
    }
    requestPorts.add(req.socket.remotePort ?? -1);
    const chunks: Buffer[] = [];
    const hash = createHash('sha256');
    let length = 0;
    req.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      length += chunk.byteLength;
      if (length <= ECHO_LIMIT) chunks.push(chunk);
    });
    req.on('end', () => {
      const body = length <= ECHO_LIMIT ? Buffer.concat(chunks) : undefined;
      const echo: Echo = { method: req.method ?? '', url: req.url ?? '', headers: { ...req.headers }, body: body?.toString('utf8') ?? '' };
      requests.push(echo);
      bodies.push({ length, sha256: hash.digest('hex'), ...(body !== undefined && { bytes: body }) });
      if (special(req, res, cors)) return;
      const payload = JSON.stringify(echo);
      res.writeHead(200, [
        ['Content-Type', 'application/json'],
        ['Content-Length', String(Buffer.byteLength(payload))],
        ['X-Echo', 'real'],
        ['Set-Cookie', 'real1=a; Path=/'],
        ['Set-Cookie', 'real2=b; Path=/'],
        ...cors,
      ]);
      res.end(payload);
    });
  };
  const server = protocol === 'https' ? https.createServer({ key: TLS_KEY, cert: TLS_CERT }, handler) : http.createServer(handler);
  server.on('connection', (socket: net.Socket) => {
    accepted.push(socket.remotePort ?? -1);
    for (const listener of onAccept) listener();
  });

  const { port, origin } = await listenOnLoopback(server, host, protocol);

  return {
    protocol,
    host,
    port,
    origin,
    requests,
    bodies,
    preflights,
    get connections() {
      return counted();
    },
    async settledConnections() {
      // net.connect is never patched by pook, so the probe always connects.
      const probe = net.connect({ host, port });
      const probePort = await new Promise<number>((resolve, reject) => {
        probe.once('connect', () => resolve(probe.localPort!));
        probe.once('error', reject);
      });
      probePorts.add(probePort);
      await new Promise<void>((resolve) => {
        const check = (): void => {
          if (!accepted.includes(probePort)) return;
          onAccept.delete(check);
          resolve();
        };
        onAccept.add(check);
        check();
      });
      probe.destroy();
      return counted();
    },
    async close() {
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Closes every given server (undefined entries are skipped). */
export async function closeServers(...servers: Array<EchoServer | undefined>): Promise<void> {
  await Promise.all(servers.map((server) => server?.close()));
}

/**
 * Node 22's tls.checkServerIdentity cannot match an IPv6 address against an
 * "IP Address:0:0:0:0:0:0:0:1" SAN (it fails even for that exact spelling;
 * Node 24 and 26 match it). Accept the loopback SAN of our own certificate and
 * leave every other check to Node.
 */
export function checkServerIdentity(host: string, cert: tls.PeerCertificate): Error | undefined {
  if (host === '::1' && /IP Address:0:0:0:0:0:0:0:1\b/.test(cert.subjectaltname ?? '')) return undefined;
  return tls.checkServerIdentity(host, cert);
}

/** TLS options that trust the loopback servers' self-signed certificate. */
export const TLS_CLIENT_OPTIONS: { readonly ca: string; readonly checkServerIdentity: typeof checkServerIdentity } = {
  ca: TLS_CERT,
  checkServerIdentity,
};
