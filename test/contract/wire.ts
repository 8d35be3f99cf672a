// The wire part of the shared client contract: what a client sends and
// receives through pook is what the wire carries. Each request body kind is
// sent three times with the same client: to a real loopback server without
// pook (the reference), to a mock (the PookRequest matchers see must say
// what the server received), and through pook in networking mode (the
// server must receive the same again, and the very bytes pook saw). A
// streamed response is compared the same way: a real chunked server's
// against a mocked streamed body.

import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pook, { type PookRequest } from '../../src/index.js';
import { BODY_KINDS, bodySample } from '../helpers/bodies.js';
import { type Echo, type EchoServer, type ReceivedBody, STREAM_CHUNKS, startServer } from '../helpers/servers.js';
import type { ClientAdapter, ContractResponse } from './contract.js';

/** What the wire says about a request body: method, framing and content. */
export interface RequestView {
  readonly method: string;
  /** With a multipart boundary replaced by `<boundary>`: each client picks its own at random. */
  readonly contentType: string | undefined;
  /** The length the body would have with the boundary so replaced. */
  readonly contentLength: string | undefined;
  readonly transferEncoding: string | undefined;
  readonly length: number;
  /** SHA-256 of the body, boundary replaced. */
  readonly sha256: string;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const single = (value: string | string[] | undefined | null): string | undefined => (Array.isArray(value) ? value.join(', ') : (value ?? undefined));

/** The view of a body: a multipart boundary is replaced, in the body and in the lengths. */
function requestView(method: string, headers: (name: string) => string | undefined, body: Uint8Array): RequestView {
  const contentType = headers('content-type');
  const boundary = contentType === undefined ? undefined : /;\s*boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  const normal = boundary === undefined ? Buffer.from(body) : Buffer.from(Buffer.from(body).toString('latin1').replaceAll(boundary, '<boundary>'), 'latin1');
  const contentLength = headers('content-length');
  return {
    method,
    contentType: boundary === undefined ? contentType : contentType!.replace(boundary, '<boundary>'),
    contentLength: contentLength === undefined ? undefined : String(Number(contentLength) - body.byteLength + normal.byteLength),
    transferEncoding: headers('transfer-encoding'),
    length: normal.byteLength,
    sha256: sha256(normal),
  };
}

function serverView(echo: Echo, received: ReceivedBody): RequestView {
  expect(received.bytes, 'the echo server keeps bodies up to 1 MiB').toBeDefined();
  return requestView(echo.method, (name) => single(echo.headers[name]), received.bytes!);
}

function pookView(request: PookRequest): RequestView {
  return requestView(request.method, (name) => request.headers.get(name) ?? undefined, request.body ?? new Uint8Array(0));
}

/** What the client shows of a response's framing and content. */
function responseView(response: ContractResponse): Record<string, unknown> {
  return {
    status: response.status,
    contentType: response.headers['content-type'],
    contentLength: response.headers['content-length'],
    transferEncoding: response.headers['transfer-encoding'],
    body: response.body,
  };
}

/** Sends one POST of the body under test to `url` and resolves with what the client received. */
export type SendUpload = (url: string) => Promise<{ readonly status: number; readonly body: string }>;

/**
 * Sends the same upload three times with `send`, pook active on entry:
 * (a) without pook, to the real `server` (the reference); (b) through
 * pook to a mock, whose matched request must say what the server received;
 * (c) through pook in networking mode, the server must receive the same
 * again, and the very bytes the unmatched request shows. Leaves pook
 * active with networking enabled. Returns the reference view.
 */
export async function expectUploadAsOnTheWire(server: EchoServer, url: string, send: SendUpload): Promise<RequestView> {
  const before = server.requests.length;
  // (a) The reference: the client alone, against the real server.
  pook.disable();
  expect((await send(url)).status).toBe(200);
  expect(server.requests).toHaveLength(before + 1);
  const real = serverView(server.requests[before]!, server.bodies[before]!);

  // (b) Through pook to a mock: the request the mock matched says the same.
  pook.activate();
  const mock = pook.post(url).reply(200).body('mocked').mock;
  expect((await send(url)).body).toBe('mocked');
  expect(pookView(mock.matches[0]!)).toEqual(real);
  expect(server.requests).toHaveLength(before + 1);

  // (c) Through pook to the server: it receives what it received alone,
  // and the very bytes the unmatched request shows.
  pook.enableNetwork();
  expect((await send(url)).status).toBe(200);
  expect(server.requests).toHaveLength(before + 2);
  expect(serverView(server.requests[before + 1]!, server.bodies[before + 1]!)).toEqual(real);
  const seen = pook.unmatchedRequests().at(-1)!;
  expect(pookView(seen)).toEqual(real);
  expect(sha256(seen.body ?? new Uint8Array(0))).toBe(server.bodies[before + 1]!.sha256);
  return real;
}

/** Registers the wire tests for one client (inside its contract's describe). */
export function describeWire(adapter: ClientAdapter): void {
  describe('the wire: what the client sends and receives is what a real server sees', () => {
    let server: EchoServer;
    beforeEach(async () => {
      server = await startServer({ protocol: adapter.protocol ?? 'http' });
    });
    afterEach(async () => {
      await server.close();
    });

    for (const kind of BODY_KINDS) {
      const reason = adapter.getOnly ? 'the client sends no body' : adapter.cannotSend?.[kind];
      const test = reason === undefined ? it : it.skip;
      test(`a ${kind} body${reason === undefined ? '' : ` (skipped: ${reason})`}: the mock sees what the server receives, and networking mode sends it unchanged`, async () => {
        const real = await expectUploadAsOnTheWire(server, `${server.origin}/wire/${kind}`, (url) => {
          const sample = bodySample(kind);
          return adapter.request({ url, method: 'POST', headers: sample.headers, ...(sample.body !== undefined && { body: sample.body }) });
        });
        expect(real.length === 0).toBe(kind === 'none');
      });
    }

    it('a streamed response: a mocked stream shows the headers and body of a real chunked server', async () => {
      const url = `${server.origin}/_pook/stream`;
      pook.disable();
      const real = responseView(await adapter.request({ url }));
      expect(real.transferEncoding).toBe('chunked');
      expect(real.body).toBe(STREAM_CHUNKS.join(''));
      pook.activate();
      pook
        .get(url)
        .reply(200)
        .type('text/plain')
        .body(
          (async function* () {
            yield* STREAM_CHUNKS;
          })(),
        );
      expect(responseView(await adapter.request({ url }))).toEqual(real);
      expect(server.requests).toHaveLength(1);
    });
  });
}
