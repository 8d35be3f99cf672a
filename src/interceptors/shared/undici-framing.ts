// The framing header undici's HTTP/1.1 client writes for a request body:
// Node's fetch and the undici package both send through it, so the request
// a mock sees carries the header a real server receives (docs/clients.md,
// "What the request shows").

// Methods whose requests undici gives `content-length: 0` when they have no body.
const EXPECTS_PAYLOAD = new Set(['PUT', 'POST', 'PATCH', 'QUERY', 'PROPFIND', 'PROPPATCH']);

/** How a request body is sent. */
export interface BodyFraming {
  /** The request method, upper case. */
  readonly method: string;
  /** The number of bytes sent (0 without a body). */
  readonly size: number;
  /**
   * Whether the body is sent as it is read, its length unknown beforehand
   * (a stream or an async iterable), rather than from a known source (text,
   * bytes, a Blob, a FormData, URLSearchParams).
   */
  readonly streamed: boolean;
}

/**
 * The header undici writes to frame a body, when the caller gave neither
 * `content-length` nor `transfer-encoding`: the length of a body known
 * beforehand; `transfer-encoding: chunked` for a streamed one;
 * `content-length: 0` for an empty body of a method that expects one
 * (POST, PUT, PATCH…); nothing for an empty body of any other method.
 */
export function undiciFraming({ method, size, streamed }: BodyFraming): readonly [string, string] | undefined {
  if (size === 0) return EXPECTS_PAYLOAD.has(method) ? ['content-length', '0'] : undefined;
  return streamed ? ['transfer-encoding', 'chunked'] : ['content-length', String(size)];
}
