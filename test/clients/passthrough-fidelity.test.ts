// Item: in networking mode an unmatched request reaches the loopback server
// intact (the contract checks method, headers and body), and the real
// response comes back intact: large, compressed and streamed.

import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import pook from '../../src/index.js';
import type { ClientAdapter } from '../contract/contract.js';
import { axiosAdapter, fetchAdapter, gotAdapter, kyAdapter, nodeFetchAdapter, superagentAdapter } from '../helpers/adapters.js';
import { nodeHttpAdapter } from '../helpers/node-http-client.js';
import { type EchoServer, GZIP_TEXT, patternBytes, STREAM_CHUNKS, startServer } from '../helpers/servers.js';
import { closeDispatchers, undiciAdapter } from '../helpers/undici-client.js';

const ADAPTERS: ClientAdapter[] = [
  fetchAdapter,
  nodeHttpAdapter('http.request', http, 'request'),
  undiciAdapter('request', 'global'),
  undiciAdapter('fetch', 'global'),
  undiciAdapter('request', 'agent'),
  axiosAdapter,
  gotAdapter,
  nodeFetchAdapter,
  superagentAdapter,
  kyAdapter,
];
const LARGE = 8 * 1024 * 1024;
const large = patternBytes(LARGE);

let server: EchoServer;
beforeEach(async () => {
  server = await startServer();
  pook.activate();
  pook.enableNetwork();
});
afterEach(async () => {
  pook.off();
  pook.disableNetwork();
  await server.close();
});
afterAll(() => closeDispatchers());

for (const adapter of ADAPTERS) {
  describe(`${adapter.name}: the real response comes back intact`, () => {
    it(`a large body (${LARGE / 2 ** 20} MiB), byte for byte`, async () => {
      const response = await adapter.request({ url: `${server.origin}/_pook/large?size=${LARGE}` });
      expect(response.status).toBe(200);
      expect(response.bytes.byteLength).toBe(LARGE);
      expect(Buffer.from(response.bytes).equals(large)).toBe(true);
    });

    it('a gzip-encoded body, decoded by the clients that decode', async () => {
      const response = await adapter.request({ url: `${server.origin}/_pook/gzip` });
      const text = adapter.decompresses ? response.body : zlib.gunzipSync(response.bytes).toString('utf8');
      expect(text).toBe(GZIP_TEXT);
    });

    it('a chunked body written in parts', async () => {
      const response = await adapter.request({ url: `${server.origin}/_pook/stream` });
      expect(response.body).toBe(STREAM_CHUNKS.join(''));
      expect(pook.unmatchedRequests().map((req) => req.url.pathname)).toEqual(['/_pook/stream']);
    });
  });
}
