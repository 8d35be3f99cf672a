// Record against a real loopback server, then replay with networking off and
// the server gone: a client sees the same status, headers and body as it
// saw live (without pook), for every kind of response. Used by
// round-trip.test.ts (the Node clients) and round-trip-xhr-*.test.ts
// (XMLHttpRequest, in a DOM environment).

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadHar, record } from '../../src/har/index.js';
import pook from '../../src/index.js';
import type { ClientAdapter, ContractRequest, ContractResponse } from '../contract/contract.js';
import { validateHar } from './har-schema.js';
import { type HarServer, type HarServerOptions, startHarServer } from './har-server.js';

export const CASES: ReadonlyArray<{
  readonly name: string;
  readonly path: string;
  readonly method?: string;
  readonly body?: string;
  readonly headers?: Record<string, string>;
}> = [
  { name: 'text', path: '/text' },
  { name: 'JSON with a query', path: '/json?page=2&tag=a' },
  { name: 'a JSON POST', path: '/json', method: 'POST', body: '{"name":"pook"}', headers: { 'content-type': 'application/json' } },
  { name: 'binary', path: '/binary' },
  { name: 'gzip', path: '/gzip' },
  { name: 'brotli', path: '/br' },
  { name: 'chunked', path: '/chunked' },
  { name: 'an empty 204', path: '/empty' },
  { name: 'HEAD', path: '/json', method: 'HEAD' },
  { name: 'a redirect', path: '/redirect' },
];

// Headers that differ from one real response to the next, or that a client
// sets from the connection rather than the response.
const VOLATILE = new Set(['date', 'connection', 'keep-alive']);

function comparable(response: ContractResponse): object {
  const headers = Object.fromEntries(Object.entries(response.headers).filter(([name]) => !VOLATILE.has(name)));
  return { status: response.status, headers, setCookie: response.setCookie, body: response.body, bytes: [...response.bytes] };
}

/** The round trip for one client: every case live, recorded, then replayed offline. */
export function describeRoundTrip(adapter: ClientAdapter, options: HarServerOptions = {}): void {
  describe(`record and replay with ${adapter.name}`, () => {
    let server: HarServer;
    beforeAll(async () => {
      server = await startHarServer(adapter.protocol ?? 'http', options);
    });
    afterAll(async () => {
      await server?.close();
    });
    afterEach(() => {
      pook.off();
      pook.disableNetwork();
    });

    it('replays every kind of response as the client saw it live, with the server gone', async () => {
      const requests: ContractRequest[] = CASES.filter((c) => !(adapter.getOnly && c.method !== undefined)).map((c) => ({
        url: server.origin + c.path,
        ...(c.method !== undefined && { method: c.method }),
        ...(c.body !== undefined && { body: c.body }),
        ...(c.headers !== undefined && { headers: c.headers }),
      }));
      // Live, without pook.
      const live: object[] = [];
      for (const request of requests) live.push(comparable(await adapter.request(request)));

      // Recorded: pook lets every request through and records it.
      pook.activate();
      pook.enableNetwork('127.0.0.1');
      const recorder = record({ zeroTimings: true });
      const recorded: object[] = [];
      for (const request of requests) recorded.push(comparable(await adapter.request(request)));
      await recorder.settled();
      recorder.stop();
      const har = recorder.har();
      expect(recorded).toEqual(live);
      expect(validateHar(har)).toEqual([]);
      expect(har.log.entries.length).toBeGreaterThanOrEqual(requests.length);

      // Replayed: networking off, the server closed.
      pook.reset();
      pook.disableNetwork();
      await server.close();
      const mocks = loadHar(har);
      const replayed: object[] = [];
      for (const request of requests) replayed.push(comparable(await adapter.request(request)));
      expect(replayed).toEqual(live);
      expect(mocks.every((each) => each.isDone())).toBe(true);
      server = await startHarServer(adapter.protocol ?? 'http', options);
    });
  });
}
