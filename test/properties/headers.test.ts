// Properties of request header expectations and response headers, through
// fetch and node:http, compared with what a real loopback server receives
// and sends: a header expectation matches the request that carries that
// header, and sees it as the server would; a response header reaches the
// client as a real server's would; anything else is refused where it is
// written, with a PookInvalidArgumentError.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import pook from '../../src/index.js';
import { closeServers, type Echo, type EchoServer, startServer } from '../helpers/servers.js';
import { awkwardText, CLIENTS, defines, expectResponse, PROPERTY_TIMEOUT_MS, send, settings, watchUncaught } from './support.js';

const uncaught = watchUncaught();
let echo: EchoServer;
/** Answers every request with the header pairs of the current case. */
let answering: http.Server;
let answerWith: string[] = [];
let answerOrigin: string;

beforeAll(async () => {
  echo = await startServer();
  answering = http.createServer((_req, res) => {
    res.writeHead(200, [...answerWith, 'Content-Length', '0']);
    res.end();
  });
  await new Promise<void>((resolve) => answering.listen(0, '127.0.0.1', resolve));
  answerOrigin = `http://127.0.0.1:${(answering.address() as AddressInfo).port}`;
  pook.activate();
});
afterEach(() => uncaught.expectNone());
afterAll(async () => {
  uncaught.stop();
  pook.off();
  pook.disable();
  answering.closeAllConnections();
  await new Promise((resolve) => answering.close(resolve));
  await closeServers(echo);
});

/** A fresh case: no mocks, and only the loopback servers reachable. */
function freshCase(): void {
  pook.reset();
  pook.enableNetwork('127.0.0.1');
}

const token = fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,10}$/);
/** Header names a client sends as given (not host, content-length and the like, which clients write themselves). */
const requestName = fc.oneof(
  token.map((name) => `x-${name}`),
  fc.constantFrom('X-Mixed-Case', 'authorization', 'accept', '__proto__', 'constructor'),
);
/** Header values: Latin-1 text with spaces, tabs, controls and characters beyond Latin-1 mixed in. */
const value = fc.oneof(awkwardText({ maxLength: 10 }), fc.string({ maxLength: 10 }), fc.constantFrom('re/json/', 're/[/', ' padded\t', ''));

/** Distinct header names (case-insensitively) with a value each. */
function headerRecord(name: fc.Arbitrary<string>): fc.Arbitrary<Record<string, string>> {
  return fc
    .uniqueArray(fc.tuple(name, value), { minLength: 1, maxLength: 3, selector: ([n]) => n.toLowerCase() })
    .map((pairs) => Object.fromEntries(pairs) as Record<string, string>);
}

/** Whether Node refuses the header, as every client on it does. */
function nodeRefuses(name: string, text: string): boolean {
  try {
    http.validateHeaderName(name);
    http.validateHeaderValue(name, text);
    return false;
  } catch {
    return true;
  }
}

it(
  'a header expectation matches the request carrying that header, and sees what the server receives',
  async () => {
    await fc.assert(
      fc.asyncProperty(headerRecord(requestName), async (headers) => {
        freshCase();
        let mock: ReturnType<typeof pook.mock> | undefined;
        if (!defines(() => (mock = pook.mock('http://api.test/h').headers(headers).persist().reply(200).body('matched').mock))) {
          // Refused: a value no client can send, or a regex string whose pattern does not compile.
          expect(Object.entries(headers).some(([name, text]) => nodeRefuses(name, text) || /^re\/.*\/$/s.test(text))).toBe(true);
          return;
        }
        // A regex string is a pattern, not a value: one that no header could
        // carry is accepted, and no request can be made with it.
        if (Object.entries(headers).some(([name, text]) => nodeRefuses(name, text))) return;
        // undici's fetch never sends a request header named __proto__ (it
        // builds an object of the headers): only node:http can carry it.
        const clients = Object.hasOwn(headers, '__proto__') ? (['node:http'] as const) : CLIENTS;
        for (const client of clients) {
          const received = JSON.parse(expectResponse(await send(client, { url: `${echo.origin}/h`, headers })).body) as Echo;
          const response = expectResponse(await send(client, { url: 'http://api.test/h', headers }));
          expect(response.body, client).toBe('matched');
          const seen = mock!.matches.at(-1)!;
          for (const name of Object.keys(headers)) {
            // The echo server's record (IncomingMessage.headers) loses a __proto__ header.
            if (name === '__proto__') continue;
            expect(seen.headers.get(name), `${client}: ${name}`).toBe(received.headers[name.toLowerCase()]);
          }
        }
      }),
      settings(2),
    );
  },
  PROPERTY_TIMEOUT_MS,
);

/** A value without the spaces and tabs at its end (each of repeated values joined with `, `). */
const withoutTrailingSpace = (text: string): string => text.replace(/[\t ]+$/, '');

/** Response header names: tokens, including ones named like Object.prototype members. */
const responseName = fc.oneof(token, fc.constantFrom('__proto__', 'constructor', 'toString', 'Set-Cookie', 'X-Mixed-Case'));

it(
  'a response header reaches the client as a real server sends it, or is refused where it is written',
  async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(responseName, value), { minLength: 1, maxLength: 3 }), async (pairs) => {
        freshCase();
        const reserved = /^(content-length|transfer-encoding|connection|keep-alive|date|content-encoding|trailer|upgrade)$/i;
        const headers = pairs.filter(([name]) => !reserved.test(name));
        if (headers.length === 0) return;
        if (
          !defines(() => {
            const response = pook.mock('http://api.test/r').persist().reply(200);
            for (const [name, text] of headers) response.header(name, text);
          })
        ) {
          expect(headers.some(([name, text]) => nodeRefuses(name, text))).toBe(true);
          return;
        }
        answerWith = headers.flat();
        for (const client of CLIENTS) {
          const real = expectResponse(await send(client, { url: `${answerOrigin}/r` }));
          const mocked = expectResponse(await send(client, { url: 'http://api.test/r' }));
          // Spaces and tabs around a value are not part of it (RFC 9110): node:http
          // drops them, undici's fetch keeps the trailing ones a server sends,
          // a mocked fetch drops them (docs/responses.md, "Headers").
          const keep = (record: Readonly<Record<string, string>>) =>
            Object.fromEntries(
              Object.entries(record)
                .filter(([name]) => !reserved.test(name))
                .map(([name, text]) => [name, text.split(',').map(withoutTrailingSpace).join(',')]),
            );
          const cookies = (values: readonly string[]) => values.map(withoutTrailingSpace);
          expect({ headers: keep(mocked.headers), setCookie: cookies(mocked.setCookie) }, client).toEqual({
            headers: keep(real.headers),
            setCookie: cookies(real.setCookie),
          });
        }
      }),
      settings(2),
    );
  },
  PROPERTY_TIMEOUT_MS,
);
