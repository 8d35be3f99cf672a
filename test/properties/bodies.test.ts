// Properties of body expectations and response bodies, through fetch and
// node:http: a body or JSON expectation matches the request that sends that
// body; a response status and body reach the client as from a real server.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import pook from '../../src/index.js';
import { awkwardText, CLIENTS, defines, expectResponse, PROPERTY_TIMEOUT_MS, send, settings, watchUncaught } from './support.js';

const uncaught = watchUncaught();
/** A real server answering the status and body of the current case. */
let server: http.Server;
let answering: string;
let answer = { status: 200, body: '' };
beforeAll(async () => {
  server = http.createServer((_req, res) => {
    res.writeHead(answer.status);
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  answering = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  pook.activate();
});
beforeEach(() => pook.reset());
afterEach(() => uncaught.expectNone());
afterAll(async () => {
  uncaught.stop();
  pook.off();
  pook.disable();
  pook.disableNetwork();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Text of every kind: awkward characters, any code points (lone surrogates included), regex strings. */
const text = fc.oneof(
  awkwardText({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ maxLength: 30 }).map((inner) => `re/${inner}/`),
  fc.constantFrom('re//', 're/[/', '{"id":1}', ''),
);

it(
  'a body expectation matches the request sending that body',
  async () => {
    await fc.assert(
      fc.asyncProperty(text, async (body) => {
        pook.reset();
        if (!defines(() => pook.post('http://api.test/b').body(body).persist().reply(200).body('matched'))) {
          // Only a regex string whose pattern does not compile is refused.
          expect(body).toMatch(/^re\/[\s\S]*\/$/);
          return;
        }
        for (const client of CLIENTS) {
          const response = expectResponse(await send(client, { url: 'http://api.test/b', method: 'POST', body }));
          expect(response.body, client).toBe('matched');
        }
      }),
      settings(),
    );
  },
  PROPERTY_TIMEOUT_MS,
);

it(
  'a JSON expectation matches the request sending that value as JSON, whatever its key order',
  async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.boolean(), async (value, asText) => {
        pook.reset();
        const json = JSON.stringify(value);
        // json(string) parses the string (docs/mocks.md): a JSON string value is given as its JSON text.
        const expected = asText || typeof value === 'string' ? json : (value as object);
        expect(defines(() => pook.post('http://api.test/j').json(expected).persist().reply(200).body('matched'))).toBe(true);
        // The same value with its object keys in reverse order.
        const reordered = JSON.stringify(value, (_key, v: unknown) =>
          v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
        );
        for (const client of CLIENTS) {
          const response = expectResponse(await send(client, { url: 'http://api.test/j', method: 'POST', body: reordered }));
          expect(response.body, client).toBe('matched');
        }
      }),
      settings(),
    );
  },
  PROPERTY_TIMEOUT_MS,
);

it(
  'a response status and body reach the client as a real server sends them, or the status is refused where it is written',
  async () => {
    const status = fc.oneof(fc.integer({ min: 99, max: 600 }), fc.constantFrom(100, 101, 103, 200, 204, 205, 304, 404, 500));
    await fc.assert(
      fc.asyncProperty(text, status, async (body, code) => {
        pook.reset();
        pook.enableNetwork('127.0.0.1');
        if (!defines(() => pook.get('http://api.test/r').persist().reply(code).body(body))) {
          // A 1xx status is informational, never a final response (docs/responses.md).
          expect(code < 200 || code > 599, String(code)).toBe(true);
          return;
        }
        expect(code >= 200 && code <= 599, String(code)).toBe(true);
        answer = { status: code, body };
        for (const client of CLIENTS) {
          const realOutcome = await send(client, { url: `${answering}/r` });
          const mockedOutcome = await send(client, { url: 'http://api.test/r' });
          if (realOutcome.kind === 'failed') {
            // fetch fails on a 407, from a server or a mock alike.
            expect(mockedOutcome.kind, `${client} ${code}`).toBe('failed');
            continue;
          }
          const real = realOutcome.response;
          const mocked = expectResponse(mockedOutcome);
          expect(mocked.status, client).toBe(real.status);
          expect(
            Buffer.from(mocked.bytes).equals(Buffer.from(real.bytes)),
            `${client} ${code}: ${JSON.stringify(mocked.body)} vs ${JSON.stringify(real.body)}`,
          ).toBe(true);
        }
      }),
      settings(),
    );
  },
  PROPERTY_TIMEOUT_MS,
);
