import tls from 'node:tls';
// Real loopback servers for the integration tests: they echo what they
// received and count the TCP connections they accepted, so a test can prove
// that a request did (or did not) reach the network.

import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

// test/fixtures/tls: a self-signed CA certificate for tests only, valid
// 2000-2125, made with `openssl ca -selfsign -startdate 20000101000000Z`
// (backdated so a machine with a wrong clock still accepts it) and
// subjectAltName = DNS:localhost, IP:127.0.0.1, IP:::1.
const tlsDir = new URL('../fixtures/tls/', import.meta.url);

/** The self-signed certificate of the https servers (SAN: localhost, 127.0.0.1, ::1); trust it with `ca`. */
export const TLS_CERT: string = readFileSync(new URL('cert.pem', tlsDir), 'utf8');
const TLS_KEY = readFileSync(new URL('key.pem', tlsDir), 'utf8');

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

/** A running echo server. */
export interface EchoServer {
  readonly protocol: 'http' | 'https';
  readonly host: LoopbackHost;
  readonly port: number;
  /** `protocol://host:port` (IPv6 hosts in brackets), without a trailing slash. */
  readonly origin: string;
  /** The requests received so far, in order. */
  readonly requests: readonly Echo[];
  /** TCP connections accepted so far (synchronous; see {@link EchoServer.settledConnections}). */
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
  // Remote ports of every accepted connection, in order; probes are left out of the count.
  const accepted: number[] = [];
  const probePorts = new Set<number>();
  const onAccept = new Set<() => void>();
  const counted = (): number => accepted.filter((port) => !probePorts.has(port)).length;

  const handler: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const echo: Echo = { method: req.method ?? '', url: req.url ?? '', headers: { ...req.headers }, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(echo);
      const payload = JSON.stringify(echo);
      res.writeHead(200, [
        ['Content-Type', 'application/json'],
        ['Content-Length', String(Buffer.byteLength(payload))],
        ['X-Echo', 'real'],
        ['Set-Cookie', 'real1=a; Path=/'],
        ['Set-Cookie', 'real2=b; Path=/'],
      ]);
      res.end(payload);
    });
  };
  const server = protocol === 'https' ? https.createServer({ key: TLS_KEY, cert: TLS_CERT }, handler) : http.createServer(handler);
  server.on('connection', (socket: net.Socket) => {
    accepted.push(socket.remotePort ?? -1);
    for (const listener of onAccept) listener();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `${protocol}://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    protocol,
    host,
    port,
    origin,
    requests,
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
