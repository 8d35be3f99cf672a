import type { ObservedExchange, ObservedResponse } from '../index.js';
import { bodyText } from './body-text.js';
import type { HarCookie, HarEntry, HarNameValue, HarRequest, HarResponse } from './har-format.js';

type Pair = readonly [string, string];

function headerList(pairs: Iterable<Pair>): HarNameValue[] {
  const list: HarNameValue[] = [];
  for (const [name, value] of pairs) list.push({ name, value });
  return list;
}

function find(pairs: Iterable<Pair>, wanted: string): string | undefined {
  for (const [name, value] of pairs) if (name.toLowerCase() === wanted) return value;
  return undefined;
}

function requestCookies(header: string | undefined): HarCookie[] {
  if (header === undefined) return [];
  const cookies: HarCookie[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies.push({ name: part.slice(0, eq).trim(), value: part.slice(eq + 1).trim() });
  }
  return cookies;
}

function responseCookies(headers: readonly Pair[]): HarCookie[] {
  const cookies: HarCookie[] = [];
  for (const [name, value] of headers) {
    if (name.toLowerCase() !== 'set-cookie') continue;
    const [first = '', ...attributes] = value.split(';');
    const eq = first.indexOf('=');
    if (eq <= 0) continue;
    const cookie: HarCookie = { name: first.slice(0, eq).trim(), value: first.slice(eq + 1).trim() };
    for (const attribute of attributes) {
      const [key = '', ...rest] = attribute.split('=');
      const lower = key.trim().toLowerCase();
      const attributeValue = rest.join('=').trim();
      if (lower === 'path') cookie.path = attributeValue;
      else if (lower === 'domain') cookie.domain = attributeValue;
      else if (lower === 'expires') cookie.expires = attributeValue;
      else if (lower === 'httponly') cookie.httpOnly = true;
      else if (lower === 'secure') cookie.secure = true;
    }
    cookies.push(cookie);
  }
  return cookies;
}

function harRequest(exchange: ObservedExchange): HarRequest {
  const { request } = exchange;
  const headers = [...request.headers] as Pair[];
  const har: HarRequest = {
    method: request.method,
    url: request.url.href,
    httpVersion: exchange.response?.httpVersion ?? 'HTTP/1.1',
    cookies: requestCookies(request.headers.get('cookie') ?? undefined),
    headers: headerList(headers),
    queryString: [...request.url.searchParams].map(([name, value]) => ({ name, value })),
    headersSize: -1,
    bodySize: request.body?.byteLength ?? 0,
  };
  if (request.body !== undefined) {
    const mimeType = request.headers.get('content-type') ?? '';
    const { text, base64 } = bodyText(request.body, mimeType);
    har.postData = base64 ? { mimeType, text, _encoding: 'base64' } : { mimeType, text };
  }
  return har;
}

function harResponse(response: ObservedResponse, base: URL): HarResponse {
  const mimeType = find(response.headers, 'content-type') ?? '';
  const { text, base64 } = bodyText(response.body, mimeType);
  const location = find(response.headers, 'location');
  let redirectURL = '';
  if (location !== undefined) {
    try {
      redirectURL = new URL(location, base).href;
    } catch {
      redirectURL = location;
    }
  }
  const size = response.body.byteLength;
  return {
    status: response.status,
    statusText: response.statusText,
    httpVersion: response.httpVersion,
    cookies: responseCookies(response.headers),
    headers: headerList(response.headers),
    content: {
      size,
      ...(response.wireSize >= 0 && response.wireSize !== size ? { compression: size - response.wireSize } : {}),
      mimeType,
      ...(size > 0 ? { text } : {}),
      ...(base64 && size > 0 ? { encoding: 'base64' } : {}),
    },
    redirectURL,
    headersSize: -1,
    bodySize: response.wireSize,
  };
}

/** The HAR entry of an exchange that got a response (secrets not redacted yet). */
export function harEntry(exchange: ObservedExchange & { readonly response: ObservedResponse }): HarEntry {
  const wait = round(exchange.wait);
  const receive = round(Math.max(0, exchange.time - exchange.wait));
  return {
    startedDateTime: new Date(exchange.startedAt).toISOString(),
    time: round(wait + receive),
    request: harRequest(exchange),
    response: harResponse(exchange.response, exchange.request.url),
    cache: {},
    timings: { blocked: -1, dns: -1, connect: -1, send: 0, wait, receive, ssl: -1 },
  };
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;
