// Replay keeps the recorded status text: a server's own reason phrase
// ("HTTP/1.1 404 Nothing Here") reaches node:http's res.statusMessage and
// fetch's statusText as it did live.

import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadHar, record } from '../../src/har/index.js';
import pook from '../../src/index.js';
import { listenOnLoopback } from '../helpers/servers.js';

const ROUTES: Readonly<Record<string, readonly [number, string]>> = {
  '/fine': [200, 'Fine Thanks'],
  '/missing': [404, 'Nothing Here'],
  '/custom': [299, 'Custom Status'],
  '/standard': [201, 'Created'],
};

let server: http.Server;
let origin: string;

beforeEach(async () => {
  server = http.createServer((request, response) => {
    const [status, text] = ROUTES[request.url ?? ''] ?? [500, 'Unknown Route'];
    response.setHeader('Connection', 'close');
    response.writeHead(status, text, { 'Content-Type': 'text/plain' });
    response.end(`${status} ${text}`);
  });
  ({ origin } = await listenOnLoopback(server, '127.0.0.1', 'http'));
});
afterEach(async () => {
  pook.off();
  pook.disableNetwork();
  pook.reset();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

interface Seen {
  readonly status: number;
  readonly statusText: string;
  readonly body: string;
}

const CLIENTS: ReadonlyArray<{ readonly name: string; readonly get: (url: string) => Promise<Seen> }> = [
  {
    name: 'fetch',
    get: async (url) => {
      const response = await fetch(url);
      return { status: response.status, statusText: response.statusText, body: await response.text() };
    },
  },
  {
    name: 'node:http',
    get: (url) =>
      new Promise((resolve, reject) => {
        http
          .get(url, (response) => {
            let body = '';
            response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, statusText: response.statusMessage ?? '', body }));
          })
          .on('error', reject);
      }),
  },
];

describe.each(CLIENTS)('$name', ({ get }) => {
  it('sees the recorded status text on replay, as it saw it live', async () => {
    const urls = Object.keys(ROUTES).map((path) => origin + path);
    const live: Seen[] = [];
    for (const url of urls) live.push(await get(url));
    expect(live.map((each) => each.statusText)).toEqual(Object.values(ROUTES).map(([, text]) => text));

    pook.activate();
    pook.enableNetwork('127.0.0.1');
    const recorder = record();
    for (const url of urls) await get(url);
    await recorder.settled();
    recorder.stop();
    expect(recorder.entries.map((entry) => entry.response.statusText)).toEqual(Object.values(ROUTES).map(([, text]) => text));

    pook.reset();
    pook.disableNetwork();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    loadHar(recorder.har());
    const replayed: Seen[] = [];
    for (const url of urls) replayed.push(await get(url));
    expect(replayed).toEqual(live);
    server.listen(Number(new URL(origin).port), '127.0.0.1');
  });
});

it('an entry with an empty status text (HTTP/2 HARs write none) replays the standard one', async () => {
  pook.activate();
  loadHar({
    log: {
      version: '1.2',
      creator: { name: 'test', version: '1' },
      entries: [
        {
          startedDateTime: new Date(0).toISOString(),
          time: 0,
          request: { method: 'GET', url: 'http://api.test/h2', httpVersion: 'HTTP/2', cookies: [], headers: [], queryString: [], headersSize: -1, bodySize: 0 },
          response: {
            status: 404,
            statusText: '',
            httpVersion: 'HTTP/2',
            cookies: [],
            headers: [],
            content: { size: 0, mimeType: 'text/plain' },
            redirectURL: '',
            headersSize: -1,
            bodySize: 0,
          },
          cache: {},
          timings: { send: 0, wait: 0, receive: 0 },
        },
      ],
    },
  });
  const response = await fetch('http://api.test/h2');
  expect(response.statusText).toBe('Not Found');
});
