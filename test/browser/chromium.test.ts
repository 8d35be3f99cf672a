// The browser build in a real page: headless Chromium loads dist/browser.js
// with a plain <script type="module"> (no bundler, no polyfills) from a
// loopback server, and runs the contract cases that apply to fetch and
// XMLHttpRequest there (test/browser/page/cases.js). A second loopback
// server on another port is the real, cross-origin server for passthrough.

import { readFileSync } from 'node:fs';
import http from 'node:http';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOnLoopback } from '../helpers/servers.js';
import { hasChromium, launchChromium, SKIP_REASON } from './chromium.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html', '.map': 'application/json' };

/**
 * Serves the pages (test/browser/page/, and test/browser/fixture/, the
 * example of docs/browsers.md) and the built bundle, at /dist/browser.js and
 * where an installed pook has it (/node_modules/pook/dist/browser.js), nothing else.
 */
function pageServer(): http.Server {
  return http.createServer((req, res) => {
    const path = normalize(new URL(req.url ?? '/', 'http://x').pathname);
    const bundle = /^(?:\/node_modules\/pook)?(\/dist\/browser\.js(?:\.map)?)$/.exec(path);
    const file = /^\/(page|fixture)\//.test(path) ? join(root, 'test/browser', path) : bundle !== null ? join(root, bundle[1]!) : undefined;
    if (file === undefined) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
}

/** The real server of the passthrough cases: echoes requests with CORS headers, counts them per path. */
function remoteServer(): { server: http.Server; hits: Map<string, number> } {
  const hits = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': '*' };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    if (url.pathname === '/hits') {
      res.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify(hits.get(url.searchParams.get('path') ?? '') ?? 0));
      return;
    }
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const echo = { method: req.method, url: req.url, body: Buffer.concat(chunks).toString('utf8'), contentType: req.headers['content-type'] ?? null };
      res.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify(echo));
    });
  });
  return { server, hits };
}

/** What a case returned: plain JSON of the case's own shape, checked field by field below. */
// biome-ignore lint/suspicious/noExplicitAny: each case returns JSON of its own shape, read as such by its check
type Seen = any;

describe.skipIf(!hasChromium)(`pook/browser in headless Chromium${hasChromium ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  let remote: string;
  let site: string;
  const servers: http.Server[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    const pages = pageServer();
    const { server } = remoteServer();
    servers.push(pages, server);
    const { origin } = await listenOnLoopback(pages, '127.0.0.1', 'http');
    site = origin;
    remote = (await listenOnLoopback(server, '127.0.0.1', 'http')).origin;
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    await page.goto(`${origin}/page/index.html`);
    await page.waitForFunction(() => (window as { pookReady?: boolean }).pookReady === true, undefined, { timeout: 30_000 });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
  });

  const run = (name: string): Promise<Seen> =>
    page.evaluate(([caseName, context]) => (window as unknown as { runCase: (n: string, c: object) => Promise<unknown> }).runCase(caseName, context), [
      name,
      { remote },
    ] as const);

  it("docs/browsers.md's example page runs as shown: an import map, a module script, no bundler", async () => {
    const example = await browser.context.newPage();
    const errors: string[] = [];
    example.on('pageerror', (error) => errors.push(String(error)));
    await example.goto(`${site}/fixture/index.html`);
    await example.waitForFunction(() => document.body.textContent !== '', undefined, { timeout: 30_000 });
    expect(await example.textContent('body')).toBe('passed: Ada');
    expect(errors).toEqual([]);
    await example.close();
  });

  it('loads the bundle with no error, and every case of the page is run below', async () => {
    expect(consoleErrors).toEqual([]);
    const names = await page.evaluate(() => (window as unknown as { caseNames: string[] }).caseNames);
    expect(names.sort()).toEqual(Object.keys(expected).sort());
  });

  // What each case of cases.js must see.
  const expected: Record<string, (result: Seen) => void> = {
    'fetch: status, status text and headers': (r) =>
      expect(r).toEqual({ status: 201, statusText: 'Created', id: 'abc', ok: true, url: 'https://api.test/users' }),
    'fetch: JSON, text and binary bodies': (r) =>
      expect(r).toEqual({ json: { id: 1, tags: ['a'] }, jsonType: 'application/json', text: 'héllo', bytes: [0, 1, 254, 255] }),
    'fetch: matching on method, headers, query and JSON body': (r) => expect(r).toEqual({ status: 201, body: { id: 7 }, done: true }),
    'fetch: a streamed response body arrives chunk by chunk': (r) => {
      expect(r.text).toBe('one two three');
      expect(r.chunks).toBeGreaterThanOrEqual(2);
    },
    'fetch: a delay holds the response back': (r) => {
      expect(r.status).toBe(204);
      expect(r.elapsed).toBeGreaterThanOrEqual(140);
    },
    'fetch: abort during a delay rejects with the AbortError': (r) => {
      expect(r.error.name).toBe('AbortError');
      expect(r.elapsed).toBeLessThan(2_000);
    },
    'fetch: FIFO, times and persist': (r) => {
      expect(r.texts).toEqual(['first', 'first', 'second']);
      expect(r.persisted).toEqual(Array(5).fill('always'));
      expect(r.after).toMatchObject({ name: 'TypeError', cause: { name: 'PookNoMatchesError', code: 'POOK_NO_MATCH', pook: true } });
      expect(r.pending).toBe(0);
    },
    'fetch: no match is an error naming the closest mock and where it was defined': (r) => {
      expect(r.error).toMatchObject({ name: 'TypeError', message: 'fetch failed', cause: { name: 'PookNoMatchesError', code: 'POOK_NO_MATCH', pook: true } });
      expect(r.report).toContain('GET https://api.test/users');
      expect(r.report).toMatch(/x-key/i);
      expect(r.definedAt.file).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/page\/cases\.js$/);
      expect(r.report).toContain(`${r.definedAt.file}:${r.definedAt.line}`);
      expect(r.unmatched).toBe(2);
    },
    'fetch: mock.error() rejects as fetch fails': (r) =>
      expect(r).toMatchObject({ name: 'TypeError', cause: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED api.test:443' } }),
    'fetch: passthrough to a real cross-origin server (CORS)': (r) =>
      expect(r).toEqual({
        status: 200,
        echo: { method: 'POST', url: '/echo?x=1', body: '{"a":1}', contentType: 'application/json' },
        mocked: 'mocked',
        unmatched: 1,
      }),
    'fetch: networking off, the real server is never reached': (r) => {
      expect(r.error.cause).toMatchObject({ code: 'POOK_NO_MATCH' });
      expect(r.hits).toBe(0);
    },
    'xhr: status, headers and a JSON response': (r) => {
      expect(r).toMatchObject({ status: 200, statusText: 'OK', readyState: 4, contentType: 'application/json', response: [{ id: 1 }] });
      expect(r.headers).toMatch(/^x-id: 9\r$/m);
      expect(r.events).toEqual(['loadstart', 'load', 'loadend']);
    },
    'xhr: text and arraybuffer responses, a POST body matched': (r) => expect(r).toEqual({ text: 'pong', textStatus: 200, bytes: [1, 2, 3, 250] }),
    'xhr: a delay, then abort': (r) => {
      expect(r.delayed).toEqual({ status: 204, events: ['loadstart', 'load', 'loadend'] });
      expect(r.elapsed).toBeGreaterThanOrEqual(140);
      // As under jsdom and happy-dom (test/helpers/xhr-behaviour.ts): pook fires
      // loadstart once the engine has decided, so an abort during a delay
      // comes without it (docs/browsers.md, "What differs").
      expect(r.aborted).toEqual({ status: 0, events: ['abort', 'loadend'] });
    },
    'xhr: times, and no match is a network error': (r) => {
      expect(r.first).toBe('once');
      expect(r.second).toEqual({ status: 0, events: ['loadstart', 'error', 'loadend'] });
      expect(r.unmatched).toBe(1);
    },
    'xhr: passthrough to a real cross-origin server (CORS)': (r) =>
      expect(r).toEqual({ status: 200, echo: { method: 'POST', url: '/echo?via=xhr', body: 'hi', contentType: 'text/plain;charset=UTF-8' } }),
    'Node-only features fail with a PookError that says so': (r) => {
      expect(r.file).toMatchObject({ name: 'PookError', code: 'POOK_ERROR' });
      expect(r.file.message).toContain('a file body needs node:fs');
      expect(r.jsonSchema).toMatchObject({ name: 'PookError', code: 'POOK_ERROR' });
      expect(r.jsonSchema.message).toContain('the jsonSchema() matcher needs node:module');
      // fetch rejects with it as it is, not as a network failure.
      expect(r.gzip.error).toMatchObject({ name: 'PookError', cause: undefined });
      expect(r.gzip.error.message).toContain('a body with a Content-Encoding needs node:zlib');
    },
    'use() scopes, pook.debug() on the console, and disable() restores fetch and XMLHttpRequest': (r) => {
      expect(r.scoped).toBe('in scope');
      expect(r.logged).toEqual([
        expect.stringMatching(/^pook: GET https:\/\/api\.test\/scoped → GET https:\/\/api\.test\/scoped \(http:\/\/127\.0\.0\.1:\d+\/page\/cases\.js:\d+\)$/),
      ]);
      expect(r.patched).toBe(true);
      expect(r.restored).toBe(true);
    },
  };

  for (const [name, check] of Object.entries(expected)) {
    it(name, async () => check(await run(name)));
  }
});
