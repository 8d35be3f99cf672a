import type { IncomingMessage, ServerResponse } from 'node:http';
import { adoptRequest, type PookRequest } from '../core/pook-request.js';
import type { ResolvedResponse } from '../core/resolved-response.js';
import { encodeResponse } from '../interceptors/shared/content-encoding.js';

// One HTTP exchange of the server: the incoming request as the PookRequest
// the engine decides on, and a resolved response written back.

/** Reads a request's whole body (`undefined` when it has none). */
export async function readBody(req: IncomingMessage): Promise<Uint8Array | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return undefined;
  const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
}

/** Whether the request line has an absolute URL (`GET http://api.test/ HTTP/1.1`): a forward-proxy request. */
export function isAbsoluteForm(req: IncomingMessage): boolean {
  return /^https?:\/\//i.test(req.url ?? '');
}

/** The header pairs of a request, as the client sent them. */
export function headerPairs(req: IncomingMessage): Array<[string, string]> {
  const raw = req.rawHeaders;
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!]);
  return pairs;
}

/**
 * The URL a request is for: its own for an absolute-form request; for an
 * origin-form one, its path on the upstream when there is one, else on the
 * host it was sent to (its Host header).
 * @throws TypeError when the request's target or Host header is not a valid URL
 */
export function requestUrl(req: IncomingMessage, secure: boolean, upstream: URL | undefined): URL {
  const target = req.url ?? '/';
  if (isAbsoluteForm(req)) return new URL(target);
  if (upstream !== undefined) {
    const url = new URL(upstream.href);
    const [path = '', search = ''] = target.split(/\?(.*)/s, 2);
    url.pathname = `${upstream.pathname.replace(/\/$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
    url.search = search;
    return url;
  }
  const host = req.headers.host ?? `${req.socket.localAddress}:${req.socket.localPort}`;
  return new URL(`${secure ? 'https' : 'http'}://${host}${target.startsWith('/') ? target : `/${target}`}`);
}

/** The request as the engine sees it. */
export function pookRequest(req: IncomingMessage, url: URL, body: Uint8Array | undefined): PookRequest {
  return adoptRequest({ method: req.method ?? 'GET', url, headers: headerPairs(req), body, client: 'server' });
}

/**
 * Writes a mock's response: status, headers in order as given, then the body
 * (none for HEAD), encoded as its `Content-Encoding` says when it is not yet,
 * as the interceptors send it in-process (src/interceptors/shared/content-encoding.ts).
 */
export async function writeResponse(res: ServerResponse, mocked: ResolvedResponse, head: boolean): Promise<void> {
  const response = encodeResponse(mocked);
  const flat: string[] = [];
  for (const [name, value] of response.headers) flat.push(name, value);
  res.writeHead(response.status, response.statusText === '' ? undefined : response.statusText, flat);
  const body = response.body;
  if (body === null || head) {
    res.end();
    return;
  }
  if (body instanceof Uint8Array) {
    res.end(body);
    return;
  }
  for await (const chunk of body) {
    if (res.destroyed) return;
    if (!res.write(chunk)) await new Promise<void>((resolve) => res.once('drain', resolve));
  }
  res.end();
}
