// A `fetch` captured before activation never escapes (docs/clients.md,
// "undici"), whatever comes first: activation, the first fetch, or an import
// of node:http — Node makes undici's global dispatcher lazily, and pook
// must intercept it when it comes to exist. Each case runs in a fresh
// process (test/fixtures/child/captured-fetch.ts), with DNS lookups counted,
// on pook's source and on the built package, under the Node that runs the
// tests (`bash .ci/test-matrix` runs them on Node 22 and 26 too).

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runTs } from '../helpers/child.js';
import { type EchoServer, startServer } from '../helpers/servers.js';

const ENTRIES = {
  source: fileURLToPath(new URL('../../src/index.ts', import.meta.url)),
  'built package': fileURLToPath(new URL('../../dist/index.js', import.meta.url)),
};
const ORDERS = ['activate', 'fetch', 'import', 'activate-import', 'activate-headers', 'pook-fetch'] as const;
const FIRST: Record<(typeof ORDERS)[number], string> = {
  activate: 'activation comes first',
  fetch: 'a real request of the captured fetch comes first',
  import: 'an import of node:http comes first',
  'activate-import': 'activation comes first, then an import of node:http',
  'activate-headers': 'activation comes first, then a read of the global Headers',
  'pook-fetch': "pook's own fetch lets the first request through",
};

/** What every order must print: the captured fetch intercepted in every test of the run. */
function expected(order: (typeof ORDERS)[number]): Array<{ step: string; result: unknown }> {
  const checks = (label: string) => [
    { step: `${label}: mocked`, result: '200 mocked' },
    { step: `${label}: blocked by name`, result: 'fetch failed: POOK_NO_MATCH' },
    { step: `${label}: blocked on loopback`, result: 'fetch failed: POOK_NO_MATCH' },
    { step: `${label}: DNS lookups`, result: [] },
    { step: `${label}: unmatched`, result: ['/blocked', '/blocked'] },
  ];
  return [
    { step: 'after activate and off: slots, undici loaded', result: [0, false] },
    // The premise: nothing had loaded undici when the fetch was captured.
    { step: 'undici loaded before the program', result: false },
    ...(order === 'fetch' ? [{ step: 'real request first', result: '200 real /first' }] : []),
    ...(order === 'activate-headers' ? [{ step: 'Headers is a function', result: true }] : []),
    ...(order === 'pook-fetch' ? [{ step: "pook's fetch lets a request through", result: 200 }] : []),
    ...checks('activated'),
    ...checks('after reset'),
    ...checks('activated again'),
    { step: 'let through', result: '200 real /let-through' },
    { step: 'undici loaded by now', result: true },
    { step: 'Object.defineProperty as it was', result: true },
  ];
}

let server: EchoServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

for (const [label, entry] of Object.entries(ENTRIES)) {
  describe(`a fetch captured before activation, with pook's ${label}`, () => {
    for (const order of ORDERS) {
      it(`is intercepted when ${FIRST[order]}`, async () => {
        expect(existsSync(entry), `${entry} is missing: npm test builds it first`).toBe(true);
        const { code, stdout, stderr } = await runTs('captured-fetch.ts', { ORDER: order, ORIGIN: server.origin, POOK_ENTRY: entry });
        expect(stderr).toBe('');
        expect(code).toBe(0);
        const steps: unknown[] = stdout
          .trimEnd()
          .split('\n')
          .map((line) => JSON.parse(line));
        expect(steps).toEqual(expected(order));
        // Only the requests meant to go out reached the server.
        const paths = { fetch: ['/first'], 'pook-fetch': ['/through-pook'] }[order as string] ?? [];
        expect(server.requests.map((request) => request.url)).toEqual([...paths, '/let-through']);
      });
    }
  });
}
