// A fetch that follows redirects is recorded hop by hop, as browsers' HARs
// are: one entry for each 30x (with its Location and `redirectURL`), then
// one for the target. Replayed offline, fetch follows them from the mocks
// and the client sees what it saw live: final status, status text,
// headers, body, `url`, `redirected`.

import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadHar, record } from '../../src/har/index.js';
import pook from '../../src/index.js';
import { validateHar } from './har-schema.js';

let server: http.Server;
let origin = '';
const received: string[] = [];

function handler(request: http.IncomingMessage, response: http.ServerResponse): void {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    received.push(`${request.method} ${request.url}`);
    // No kept-alive connection survives the server: it restarts on the same port after each replay.
    response.setHeader('Connection', 'close');
    const redirect = (status: number, location: string): void => {
      response.writeHead(status, { Location: location, 'Content-Type': 'text/plain', 'X-Hop': request.url ?? '' });
      response.end(`see ${location}`);
    };
    switch (new URL(request.url ?? '/', 'http://x').pathname) {
      case '/start':
        return redirect(301, '/middle');
      case '/middle':
        return redirect(302, `${origin}/final?from=middle`);
      case '/keep-post':
        return redirect(307, '/final?from=307');
      case '/to-get':
        return redirect(303, '/final?from=303');
      case '/final':
        response.writeHead(200, { 'Content-Type': 'application/json', 'X-Final': 'yes' });
        response.end(JSON.stringify({ method: request.method, url: request.url, body: Buffer.concat(chunks).toString('utf8') }));
        return;
      default:
        response.writeHead(404);
        response.end();
    }
  });
}

async function start(): Promise<void> {
  server = http.createServer(handler);
  // The same port again after a replay, so that recorded URLs stay those of the server.
  const port = origin === '' ? 0 : Number(new URL(origin).port);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

beforeEach(async () => {
  await start();
  received.length = 0;
});
afterEach(async () => {
  pook.off();
  pook.disableNetwork();
  pook.reset();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const VOLATILE = new Set(['date', 'connection', 'keep-alive']);

async function seen(response: Response): Promise<object> {
  const headers = [...response.headers].filter(([name]) => !VOLATILE.has(name));
  return {
    status: response.status,
    statusText: response.statusText,
    url: response.url,
    redirected: response.redirected,
    type: response.type,
    headers,
    body: await response.text(),
  };
}

const CASES: ReadonlyArray<{ readonly name: string; readonly path: string; readonly init?: RequestInit; readonly hops: readonly string[] }> = [
  { name: 'two redirects (301, then 302 to an absolute URL)', path: '/start', hops: ['GET /start', 'GET /middle', 'GET /final?from=middle'] },
  {
    name: 'a 307 that keeps the POST and its body',
    path: '/keep-post',
    init: { method: 'POST', body: 'kept' },
    hops: ['POST /keep-post', 'POST /final?from=307'],
  },
  { name: 'a 303 that turns the POST into a GET', path: '/to-get', init: { method: 'POST', body: 'dropped' }, hops: ['POST /to-get', 'GET /final?from=303'] },
  {
    name: 'a redirect with a signal (the general path)',
    path: '/start',
    init: { signal: AbortSignal.timeout(10_000) },
    hops: ['GET /start', 'GET /middle', 'GET /final?from=middle'],
  },
];

describe.each(CASES)('fetch following $name', ({ path, init, hops }) => {
  it('is recorded one entry per hop, and replays offline as it was live', async () => {
    const live = await seen(await fetch(origin + path, init));
    expect(live).toMatchObject({ redirected: true, status: 200 });
    expect(received).toEqual(hops);

    received.length = 0;
    pook.activate();
    pook.enableNetwork('127.0.0.1');
    const recorder = record({ zeroTimings: true });
    const recorded = await seen(await fetch(origin + path, init));
    await recorder.settled();
    recorder.stop();
    expect(recorded).toEqual(live);
    expect(received).toEqual(hops);
    const har = recorder.har();
    expect(validateHar(har)).toEqual([]);
    expect(har.log.entries.map((entry) => `${entry.request.method} ${entry.request.url.slice(origin.length)}`)).toEqual(hops);
    const statuses = har.log.entries.map((entry) => entry.response.status);
    expect(statuses.at(-1)).toBe(200);
    for (const [index, entry] of har.log.entries.slice(0, -1).entries()) {
      expect([301, 302, 303, 307, 308]).toContain(entry.response.status);
      const location = entry.response.headers.find(({ name }) => name.toLowerCase() === 'location')?.value;
      expect(location).toBeDefined();
      expect(entry.response.redirectURL).toBe(new URL(location!, entry.request.url).href);
      expect(entry.response.redirectURL).toBe(har.log.entries[index + 1]!.request.url);
      expect(entry.response.content.text).toBe(`see ${location}`);
    }

    pook.reset();
    pook.disableNetwork();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    received.length = 0;
    const mocks = loadHar(har);
    const replayed = await seen(await fetch(origin + path, init));
    expect(replayed).toEqual(live);
    expect(received).toEqual([]);
    expect(mocks.every((each) => each.isDone())).toBe(true);
    await start();
  });
});

it('with redirect: "manual", records the 30x alone, as the client sees it', async () => {
  pook.activate();
  pook.enableNetwork('127.0.0.1');
  const recorder = record();
  const response = await fetch(`${origin}/start`, { redirect: 'manual' });
  expect(response.status).toBe(301);
  expect(await response.text()).toBe('see /middle');
  await recorder.settled();
  recorder.stop();
  expect(recorder.entries.map((entry) => entry.response.status)).toEqual([301]);
});
