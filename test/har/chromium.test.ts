// A HAR that headless Chromium recorded (Playwright's recordHar) against a
// loopback page loads under pook and answers fetch and node:http as the
// server did; and the shapes other tools write (HTTP/2 pseudo-headers,
// `_` fields, no content.text, bodySize -1) load as they are.

import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterEach, expect, it } from 'vitest';
import { type Har, loadHar, readHar } from '../../src/har/index.js';
import pook from '../../src/index.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../browser/chromium.js';
import { type HarServer, LONG_TEXT, startHarServer } from './har-server.js';

afterEach(() => {
  pook.off();
  pook.disableNetwork();
});

function httpGet(url: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

it('replays a HAR recorded by headless Chromium for fetch and node:http, with the server gone', { timeout: 60_000 }, async () => {
  let server: HarServer | undefined = await startHarServer();
  const path = join(mkdtempSync(join(tmpdir(), 'pook-chromium-')), 'chromium.har');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  try {
    const context = await browser.newContext({ recordHar: { path } });
    const page = await context.newPage();
    await page.goto(`${server.origin}/text`);
    const seen = await page.evaluate(async () => {
      const json = await (await fetch('/json?page=3')).json();
      const gzip = await (await fetch('/gzip')).text();
      return { json, gzipLength: gzip.length };
    });
    expect(seen).toEqual({ json: { method: 'GET', query: '?page=3', body: '' }, gzipLength: LONG_TEXT.length });
    await context.close();
  } finally {
    await browser.close();
  }
  const origin = server.origin;
  await server.close();
  server = undefined;

  const har = readHar(path);
  expect(har.log.creator.name).toBe('Playwright');
  pook.activate();
  loadHar(har, { persist: true });
  const viaFetch = await fetch(`${origin}/json?page=3`);
  expect(viaFetch.status).toBe(200);
  expect(await viaFetch.json()).toEqual({ method: 'GET', query: '?page=3', body: '' });
  expect(await (await fetch(`${origin}/gzip`)).text()).toBe(LONG_TEXT);
  expect(await (await fetch(`${origin}/text`)).text()).toBe('héllo from the server');

  const viaHttp = await httpGet(`${origin}/json?page=3`);
  expect(viaHttp.status).toBe(200);
  expect(JSON.parse(viaHttp.body.toString('utf8'))).toEqual({ method: 'GET', query: '?page=3', body: '' });
  // node:http sees the body as a server sends it: gzip-encoded, as recorded.
  const gzipped = await httpGet(`${origin}/gzip`);
  expect(gzipped.headers['content-encoding']).toBe('gzip');
  const { gunzipSync } = await import('node:zlib');
  expect(gunzipSync(gzipped.body).toString('utf8')).toBe(LONG_TEXT);
});

it('loads what browsers and proxies write: HTTP/2 pseudo-headers, _ fields, no content.text, bodySize -1, status 0', async () => {
  const har = {
    log: {
      version: '1.2',
      creator: { name: 'WebInspector', version: '537.36' },
      pages: [{ id: 'page_1', startedDateTime: '2026-01-01T00:00:00.000Z', title: 'x', pageTimings: {} }],
      entries: [
        {
          _initiator: { type: 'script' },
          _priority: 'High',
          _resourceType: 'fetch',
          pageref: 'page_1',
          startedDateTime: '2026-01-01T00:00:00.000Z',
          time: 12.5,
          request: {
            method: 'GET',
            url: 'https://api.test/v1/items?limit=2',
            httpVersion: 'h2',
            headers: [
              { name: ':authority', value: 'api.test' },
              { name: ':method', value: 'GET' },
              { name: ':path', value: '/v1/items?limit=2' },
              { name: ':scheme', value: 'https' },
              { name: 'accept', value: '*/*' },
            ],
            queryString: [{ name: 'limit', value: '2' }],
            cookies: [],
            headersSize: -1,
            bodySize: 0,
          },
          response: {
            status: 200,
            statusText: '',
            httpVersion: 'h2',
            headers: [
              { name: ':status', value: '200' },
              { name: 'content-type', value: 'application/json' },
              { name: 'content-encoding', value: 'br' },
              { name: 'set-cookie', value: 'a=1\nb=2' },
            ],
            cookies: [],
            content: { size: 15, mimeType: 'application/json', text: '[{"id":1},{"id":2}]', _transferSize: 40 },
            redirectURL: '',
            headersSize: -1,
            bodySize: -1,
            _transferSize: 120,
            _error: null,
          },
          cache: {},
          timings: { blocked: 1, dns: -1, ssl: -1, connect: -1, send: 0.1, wait: 10, receive: 1.4, _blocked_queueing: 0.5 },
          serverIPAddress: '[::1]',
          _fromCache: 'memory',
        },
        {
          startedDateTime: '2026-01-01T00:00:01.000Z',
          time: 3,
          request: {
            method: 'GET',
            url: 'https://api.test/v1/logo.png',
            httpVersion: 'h2',
            headers: [],
            queryString: [],
            cookies: [],
            headersSize: -1,
            bodySize: 0,
          },
          response: {
            status: 200,
            statusText: '',
            httpVersion: 'h2',
            headers: [{ name: 'content-type', value: 'image/png' }],
            cookies: [],
            content: { size: 2048, mimeType: 'image/png' },
            redirectURL: '',
            headersSize: -1,
            bodySize: -1,
          },
          cache: {},
          timings: { send: 0, wait: 3, receive: 0 },
        },
        {
          startedDateTime: '2026-01-01T00:00:02.000Z',
          time: 0,
          request: { method: 'GET', url: 'https://api.test/blocked', httpVersion: '', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
          response: {
            status: 0,
            statusText: '',
            httpVersion: '',
            headers: [],
            cookies: [],
            content: { size: 0, mimeType: 'x-unknown' },
            redirectURL: '',
            headersSize: -1,
            bodySize: -1,
            _error: 'net::ERR_BLOCKED_BY_CLIENT',
          },
          cache: {},
          timings: { send: 0, wait: 0, receive: 0 },
        },
      ],
    },
  } as unknown as Har;
  pook.activate();
  const mocks = loadHar(har);
  expect(mocks).toHaveLength(2);
  const items = await fetch('https://api.test/v1/items?limit=2');
  expect(await items.json()).toEqual([{ id: 1 }, { id: 2 }]);
  expect(items.headers.get('content-encoding')).toBe('br');
  expect(items.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
  expect([...items.headers.keys()].some((name) => name.startsWith(':'))).toBe(false);
  const logo = await fetch('https://api.test/v1/logo.png');
  expect(logo.status).toBe(200);
  expect((await logo.arrayBuffer()).byteLength).toBe(0);
});
