import { isBytes } from '../../core/bytes.js';
import type { ResolvedResponse } from '../../core/resolved-response.js';
import { encodeResponse } from './content-encoding.js';

// What every interceptor answers with: the mocked response as a real
// HTTP/1.1 server puts it on the wire, so each client shows the headers it
// would show for a real server (docs/responses.md, "Streamed bodies").

function hasHeader(headers: ReadonlyArray<readonly [string, string]>, name: string): boolean {
  for (const [key] of headers) if (key.length === name.length && key.toLowerCase() === name) return true;
  return false;
}

/**
 * The response as a server sends it for a `method` request: its body
 * encoded as its `Content-Encoding` says ({@link encodeResponse}), and a
 * streamed body of no declared length framed with `Transfer-Encoding:
 * chunked`, as Node's own server and any HTTP/1.1 server frame a body
 * whose length they do not know. A response without a body (`HEAD`, 1xx,
 * `204`, `304`) gets no framing header, as from Node's server.
 */
export function wireResponse(mocked: ResolvedResponse, method: string): ResolvedResponse {
  const response = encodeResponse(mocked);
  const { status, body } = response;
  if (body === null || isBytes(body) || method === 'HEAD' || status < 200 || status === 204 || status === 304) return response;
  if (hasHeader(response.headers, 'content-length') || hasHeader(response.headers, 'transfer-encoding')) return response;
  return { ...response, headers: [...response.headers, ['Transfer-Encoding', 'chunked']] };
}
