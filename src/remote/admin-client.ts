import net from 'node:net';
import tls from 'node:tls';
import { PookError } from '../index.js';

// The remote client's HTTP: one request per connection, written on a plain
// TCP (or TLS) socket. Not fetch or node:http: a test process that also uses
// pook in-process intercepts those, and the admin API's own calls must
// never be mocked, blocked or recorded.

/** How to reach a server's admin API. */
export interface AdminTarget {
  /** The server's origin (`http://127.0.0.1:4010`); admin paths are resolved under it. */
  readonly url: URL;
  /** The admin API's bearer token, sent as `Authorization: Bearer …`; `undefined` for none (a loopback server). */
  readonly token: string | undefined;
  /** TLS options for an https server (e.g. `ca`, or `rejectUnauthorized: false` for a self-signed one). */
  readonly tls: tls.ConnectionOptions | undefined;
}

/** An admin API answer: status and parsed JSON body (undefined when empty). */
export interface AdminAnswer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * Sends one admin API request and reads the whole answer.
 * @throws PookError when the server cannot be reached or does not answer HTTP
 */
export function adminRequest(target: AdminTarget, method: string, path: string, body?: unknown): Promise<AdminAnswer> {
  const { url } = target;
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const head = [
    `${method} ${path} HTTP/1.1`,
    `Host: ${url.host}`,
    'Accept: application/json',
    'Connection: close',
    ...(target.token === undefined ? [] : [`Authorization: Bearer ${target.token}`]),
    ...(payload === undefined ? [] : ['Content-Type: application/json', `Content-Length: ${payload.byteLength}`]),
    '',
    '',
  ].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket =
      url.protocol === 'https:' ? tls.connect({ host, port, servername: net.isIP(host) === 0 ? host : undefined, ...target.tls }) : net.connect({ host, port });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.once('error', (error) =>
      reject(new PookError(`pook: cannot reach the pook server at ${url.origin} (${error.message}).`, 'POOK_SERVER_UNREACHABLE', { cause: error })),
    );
    socket.once('end', () => {
      const raw = Buffer.concat(chunks);
      const split = raw.indexOf('\r\n\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(raw.subarray(0, Math.max(split, 0)).toString('latin1'))?.[1]);
      if (split === -1 || !Number.isInteger(status)) {
        reject(new PookError(`pook: ${url.origin} did not answer ${method} ${path} as a pook server would.`, 'POOK_SERVER_UNREACHABLE'));
        return;
      }
      const headers = raw.subarray(0, split).toString('latin1');
      let rest: Buffer = raw.subarray(split + 4);
      if (/\r\ntransfer-encoding:\s*chunked/i.test(headers)) rest = dechunk(rest);
      const text = rest.toString('utf8');
      try {
        resolve({ status, body: text.length === 0 ? undefined : JSON.parse(text) });
      } catch {
        reject(
          new PookError(
            `pook: ${url.origin} answered ${method} ${path} with ${status} and a body that is not JSON: is it a pook server?`,
            'POOK_SERVER_UNREACHABLE',
          ),
        );
      }
    });
    socket.write(head);
    if (payload !== undefined) socket.write(payload);
  });
}

/** The body of a chunked message. */
function dechunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const end = data.indexOf('\r\n', at);
    if (end === -1) break;
    const size = Number.parseInt(data.subarray(at, end).toString('latin1'), 16);
    if (!(size > 0)) break;
    parts.push(data.subarray(end + 2, end + 2 + size));
    at = end + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
