// Turns each client's response headers into the contract's shape: a
// lower-case record without set-cookie, plus the Set-Cookie values in order.

/** Lower-case names, every header but set-cookie; repeated values joined with ', '. */
export interface NormalisedHeaders {
  readonly headers: Record<string, string>;
  readonly setCookie: string[];
}

/** From a node:http style record (`IncomingMessage.headers`, got, axios, superagent). */
export function fromRecord(record: Readonly<Record<string, unknown>>): NormalisedHeaders {
  const headers: Record<string, string> = {};
  let setCookie: string[] = [];
  for (const [name, value] of Object.entries(record)) {
    if (value === undefined || value === null) continue;
    const lower = name.toLowerCase();
    const values = Array.isArray(value) ? value.map(String) : [String(value)];
    if (lower === 'set-cookie') setCookie = values;
    else headers[lower] = values.join(', ');
  }
  return { headers, setCookie };
}

/** From a WHATWG `Headers`. */
export function fromHeaders(source: Headers): NormalisedHeaders {
  const headers: Record<string, string> = {};
  source.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  return { headers, setCookie: source.getSetCookie() };
}

/** A body as the contract wants it: the bytes, and their UTF-8 text. */
export function bodyOf(data: Uint8Array | ArrayBuffer): { bytes: Uint8Array; body: string } {
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return { bytes, body: Buffer.from(bytes).toString('utf8') };
}
