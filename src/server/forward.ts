import type { ServerResponse } from 'node:http';
import http from 'node:http';
import https from 'node:https';
import type { PookRequest } from '../core/pook-request.js';

// A request no mock matched, when networking is on: sent to the real
// server, its response relayed as it came (docs/server.md, "Proxy mode").

/** Headers that belong to one connection, not to the message (RFC 9110, 7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authorization',
  'proxy-authenticate',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/**
 * Sends `request` to its URL and relays the response into `res`; a failure
 * to reach the server answers 502 with the reason.
 * @param headers - the request's header pairs, as the client sent them
 */
export function forward(request: PookRequest, headers: ReadonlyArray<readonly [string, string]>, res: ServerResponse): Promise<number> {
  const { url } = request;
  const outgoing: string[] = [];
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower)) continue;
    outgoing.push(name, lower === 'host' ? url.host : value);
  }
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const upstream = transport.request(url, { method: request.method, headers: outgoing, agent: false }, (response) => {
      const relayed: string[] = [];
      const raw = response.rawHeaders;
      for (let i = 0; i < raw.length; i += 2) if (!HOP_BY_HOP.has(raw[i]!.toLowerCase())) relayed.push(raw[i]!, raw[i + 1]!);
      res.writeHead(response.statusCode ?? 502, response.statusMessage, relayed);
      response.pipe(res);
      response.once('end', () => resolve(response.statusCode ?? 502));
      response.once('error', () => {
        res.destroy();
        resolve(502);
      });
    });
    upstream.once('error', (error) => {
      if (!res.headersSent) {
        const text = `pook: could not reach ${url.origin} for ${request.method} ${url.href} (${error.message}).\n`;
        res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text), 'x-pook-proxy-error': 'true' });
        res.end(text);
      } else res.destroy();
      resolve(502);
    });
    upstream.end(request.body);
  });
}
