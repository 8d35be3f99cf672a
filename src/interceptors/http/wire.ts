import { withoutOuterSpace } from '../../core/arguments.js';

// HTTP/1.1 framing for the mock socket: reading the request a ClientRequest
// wrote, and writing a response head and body chunks for it to parse.

/** A request as written on the wire. */
export interface WireRequest {
  readonly method: string;
  /** Request target: origin-form path (`/a?b`) or absolute-form URL. */
  readonly target: string;
  /** Header names and values, flat, as written (`[name, value, name, value…]`). */
  readonly rawHeaders: string[];
  readonly body: Buffer | undefined;
}

const CRLF = Buffer.from('\r\n');
const HEAD_END = Buffer.from('\r\n\r\n');

function decodeChunked(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = data.indexOf(CRLF, offset);
    if (lineEnd === -1) throw new Error('pook: malformed chunked request body (no chunk size line).');
    const size = Number.parseInt(data.toString('latin1', offset, lineEnd).split(';', 1)[0]!, 16);
    if (Number.isNaN(size)) throw new Error('pook: malformed chunked request body (bad chunk size).');
    if (size === 0) break;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** Parses the bytes a ClientRequest wrote for one request. */
export function parseRequest(data: Buffer): WireRequest {
  const headEnd = data.indexOf(HEAD_END);
  if (headEnd === -1) throw new Error('pook: the client wrote an incomplete request head.');
  const lines = data.toString('latin1', 0, headEnd).split('\r\n');
  const [method = '', target = '/'] = lines[0]!.split(' ');
  const rawHeaders: string[] = [];
  let chunked = false;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon);
    // Only the spaces and tabs around a value, as an HTTP parser drops them:
    // String#trim would also eat a Latin-1 no-break space (0xA0) that is part of it.
    const value = withoutOuterSpace(line.slice(colon + 1));
    rawHeaders.push(name, value);
    if (name.toLowerCase() === 'transfer-encoding' && /\bchunked\b/i.test(value)) chunked = true;
  }
  const rest = data.subarray(headEnd + 4);
  const body = chunked ? decodeChunked(rest) : rest;
  return { method, target, rawHeaders, body: body.byteLength === 0 && !chunked ? undefined : body };
}

/** A response head: status line, headers, blank line. */
export function responseHead(status: number, statusText: string, headers: ReadonlyArray<readonly [string, string]>, version = '1.1'): Buffer {
  let head = `HTTP/${version} ${status} ${statusText}\r\n`;
  for (const [name, value] of headers) head += `${name}: ${value}\r\n`;
  return Buffer.from(`${head}\r\n`, 'latin1');
}

/** One chunk in chunked transfer coding (empty chunks are skipped: they would end the body). */
export function chunk(data: Uint8Array): Buffer[] {
  if (data.byteLength === 0) return [];
  return [Buffer.from(`${data.byteLength.toString(16)}\r\n`, 'latin1'), Buffer.from(data.buffer, data.byteOffset, data.byteLength), CRLF];
}

/** The last chunk of a chunked body. */
export const LAST_CHUNK: Buffer = Buffer.from('0\r\n\r\n', 'latin1');
