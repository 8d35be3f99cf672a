// Properties of URL, path and query expectations, through fetch and
// node:http: a mock built from a URL matches the request made to that URL;
// any definition is accepted or refused with a PookInvalidArgumentError; a
// request ends in a response or a documented error, never a hang.

import fc from 'fast-check';
import { expect, it } from 'vitest';
import pook from '../../src/index.js';
import { awkwardText, CLIENTS, defines, expectPookFailure, expectResponse, PROPERTY_TIMEOUT_MS, send, settings, usePookPerCase } from './support.js';

usePookPerCase();

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,6}[a-z0-9])?$/);
/** Hosts under the reserved `.test` domain, with a few unusual but valid spellings. */
const host = fc.oneof(
  { weight: 4, arbitrary: fc.array(label, { minLength: 1, maxLength: 3 }).map((labels) => [...labels, 'test'].join('.')) },
  { weight: 1, arbitrary: fc.constantFrom('API.Test', 'bücher.test', 'xn--bcher-kva.test', 'localhost', '127.0.0.1', '[::1]') },
);
const scheme = fc.constantFrom('http://', 'https://', '');
const port = fc.option(fc.constantFrom(80, 443, 8080, 1, 65535), { nil: undefined });
/** A path: segments of any text but `?` and `#`, which would start the query or the fragment. */
const path = fc.option(
  fc.array(awkwardText({ exclude: /[?#]/ }), { minLength: 1, maxLength: 4 }).map((segments) => `/${segments.join('/')}`),
  { nil: undefined },
);
/** What encodeURIComponent cannot encode. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const queryPart = awkwardText({ maxLength: 6, exclude: /[#&=]/ });
/** A query: `key=value` pairs, raw or percent-encoded, keys repeated sometimes, `?=v` included. */
const query = fc.option(
  fc
    .array(fc.tuple(fc.oneof(queryPart, fc.constantFrom('a', 'toString', '__proto__', '')), queryPart, fc.boolean()), { minLength: 1, maxLength: 4 })
    .map((pairs) =>
      pairs
        .map(([key, value, encode]) => [key.replace(LONE_SURROGATE, ''), value.replace(LONE_SURROGATE, ''), encode] as const)
        .map(([key, value, encode]) => (encode ? `${encodeURIComponent(key)}=${encodeURIComponent(value)}` : `${key}=${value}`))
        .join('&'),
    )
    .map((text) => `?${text}`),
  { nil: undefined },
);

it(
  'a mock built from a URL matches a request to that URL, with fetch and node:http',
  async () => {
    await fc.assert(
      fc.asyncProperty(
        scheme,
        host,
        port,
        path,
        query,
        fc.constantFrom('http://', 'https://'),
        async (written, hostname, portNumber, pathname, search, chosen) => {
          pook.reset();
          const rest = `${hostname}${portNumber === undefined ? '' : `:${portNumber}`}${pathname ?? ''}${search ?? ''}`;
          const mockUrl = `${written}${rest}`;
          let mock: ReturnType<typeof pook.mock> | undefined;
          const requestUrl = `${written === '' ? chosen : written}${rest}`;
          if (!defines(() => (mock = pook.mock(mockUrl).persist().reply(200).body('matched').mock))) {
            // Refused only when no client could request it either.
            expect(() => new URL(requestUrl), requestUrl).toThrow();
            return;
          }
          for (const client of CLIENTS) {
            const response = expectResponse(await send(client, { url: requestUrl }));
            expect(response.body, `${client} ${requestUrl}`).toBe('matched');
          }
          expect(mock!.calls).toBe(CLIENTS.length);
        },
      ),
      settings(),
    );
  },
  PROPERTY_TIMEOUT_MS,
);

it(
  'a mock built from a path matches a request for that path on any host',
  async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(awkwardText({ exclude: /[?#]/ }), { minLength: 1, maxLength: 4 }), async (segments) => {
        pook.reset();
        const pathname = `/${segments.join('/')}`;
        expect(defines(() => pook.mock().path(pathname).persist().reply(200).body('matched'))).toBe(true);
        // The request for that path: the URL whose path is set to it (in a URL
        // string, the parser would drop spaces and controls at the very end).
        const url = new URL('http://any.test');
        url.pathname = pathname;
        for (const client of CLIENTS) {
          const response = expectResponse(await send(client, { url: url.href }));
          expect(response.body, `${client} ${pathname}`).toBe('matched');
        }
      }),
      settings(),
    );
  },
  PROPERTY_TIMEOUT_MS,
);

it(
  'any string or RegExp as a URL or path is accepted or refused where it is written; a request then matches or fails with POOK_NO_MATCH',
  async () => {
    const anyText = fc.oneof(
      awkwardText({ maxLength: 20 }),
      fc.string(),
      fc.webUrl(),
      fc.constantFrom('re//', 're/\\/', 're/[/', 're/(?P<x>a)/', '//a/b', '//%'),
    );
    await fc.assert(
      fc.asyncProperty(anyText, fc.constantFrom('url', 'path') as fc.Arbitrary<'url' | 'path'>, path, async (text, key, pathname) => {
        pook.reset();
        if (!defines(() => pook.mock({ [key]: text, reply: 200 }))) return;
        const url = `http://api.test${pathname ?? '/'}`;
        for (const client of CLIENTS) {
          const outcome = await send(client, { url });
          if (outcome.kind === 'failed') expectPookFailure(outcome, 'POOK_NO_MATCH');
        }
      }),
      settings(),
    );
  },
  PROPERTY_TIMEOUT_MS,
);
