// The browser scenario: `await fetch(url)` + `res.json()` in a page, one
// persistent mock, requests per second, for pook's browser build, msw's
// Service Worker (setupWorker) and fetch-mock, in the same headless
// Chromium (Debian's /usr/bin/chromium through playwright-core; another
// with POOK_CHROMIUM). Each library's page module is bundled with esbuild
// for the browser, as an application would ship it, and served from a
// loopback server of its own (its own origin: a Service Worker stays with
// its origin); each round opens a fresh page per library, in rotating
// order. Prints a Markdown table (docs/browsers.md quotes it).
//
//   node bench/browser.mjs [--rounds=N] [--requests=N] [--warmup=N] [--json]

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { parseFlags } from './args.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const args = parseFlags();
const ROUNDS = Number(args.rounds ?? 5);
const REQUESTS = Number(args.requests ?? 1_000);
const WARMUP = Number(args.warmup ?? 200);
const URL_MOCKED = 'https://api.test/users';
const BODY = [{ id: 1, name: 'ada' }];

/** Each library's page module: set up one persistent mock, then expose `window.ready`. */
const PAGES = {
  pook: `
    import pook from ${JSON.stringify(path.join(root, 'dist/browser.js'))};
    pook.activate();
    pook.get(${JSON.stringify(URL_MOCKED)}).persist().reply(200).json(${JSON.stringify(BODY)});
    window.ready = true;`,
  msw: `
    import { setupWorker } from 'msw/browser';
    import { http, HttpResponse } from 'msw';
    const worker = setupWorker(http.get(${JSON.stringify(URL_MOCKED)}, () => HttpResponse.json(${JSON.stringify(BODY)})));
    await worker.start({ quiet: true, onUnhandledRequest: 'error', serviceWorker: { url: '/mockServiceWorker.js' } });
    window.ready = true;`,
  'fetch-mock': `
    import fetchMock from 'fetch-mock';
    fetchMock.mockGlobal();
    fetchMock.route(${JSON.stringify(URL_MOCKED)}, { status: 200, body: ${JSON.stringify(BODY)} }, { method: 'get' });
    window.ready = true;`,
};

const version = (name) => JSON.parse(readFileSync(path.join(root, name === 'pook' ? 'package.json' : `node_modules/${name}/package.json`), 'utf8')).version;

async function bundle(contents) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'js' },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    minify: true,
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0].contents;
}

/** A loopback server for one library: its page, its module and (msw) its worker. */
async function serve(code) {
  const files = {
    '/': ['text/html', '<!doctype html><meta charset="utf-8"><script type="module" src="/bench.js"></script>'],
    '/bench.js': ['text/javascript', code],
    '/mockServiceWorker.js': ['text/javascript', readFileSync(path.join(root, 'node_modules/msw/lib/mockServiceWorker.js'))],
  };
  const server = http.createServer((req, res) => {
    const file = files[new URL(req.url, 'http://x').pathname];
    if (file === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': file[0], 'cache-control': 'no-store' }).end(file[1]);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

/** Mean µs per request over `REQUESTS` sequential fetches after `WARMUP`, in a fresh page. */
async function measure(context, origin) {
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => window.ready === true, undefined, { timeout: 30_000 });
    return await page.evaluate(
      async ({ url, warmup, requests }) => {
        const once = async () => {
          const body = await (await fetch(url)).json();
          if (body.length !== 1) throw new Error('wrong body');
        };
        for (let i = 0; i < warmup; i++) await once();
        const start = performance.now();
        for (let i = 0; i < requests; i++) await once();
        return ((performance.now() - start) * 1000) / requests;
      },
      { url: URL_MOCKED, warmup: WARMUP, requests: REQUESTS },
    );
  } finally {
    await page.close();
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const libs = Object.keys(PAGES);
  const servers = {};
  for (const lib of libs) servers[lib] = await serve(await bundle(PAGES[lib]));
  const profile = mkdtempSync(path.join(os.tmpdir(), 'pook-bench-chromium-'));
  const executablePath = process.env.POOK_CHROMIUM ?? '/usr/bin/chromium';
  const chromiumArgs = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ];
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: chromiumArgs });
  const times = Object.fromEntries(libs.map((lib) => [lib, []]));
  const errors = Object.fromEntries(libs.map((lib) => [lib, []]));
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const order = libs.map((_, i) => libs[(i + round) % libs.length]);
      for (const lib of order) {
        try {
          times[lib].push(await measure(context, servers[lib].origin));
        } catch (error) {
          errors[lib].push(String(error.message).split('\n')[0]);
        }
      }
      process.stderr.write(`bench browser: round ${round + 1}/${ROUNDS}\n`);
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    for (const { server } of Object.values(servers)) server.close();
  }
  const pook = median(times.pook);
  const rows = libs.map((lib) => {
    const t = times[lib];
    if (t.length === 0) return { lib, error: errors[lib][0] };
    return { lib, version: version(lib), median: median(t), min: Math.min(...t), max: Math.max(...t), perSecond: 1e6 / median(t), vsPook: median(t) / pook };
  });
  if (args.json) {
    console.log(JSON.stringify({ chromium: context.browser()?.version(), rounds: ROUNDS, requests: REQUESTS, rows }));
    return;
  }
  const fmt = (n) => n.toLocaleString('en-US', { maximumFractionDigits: n < 100 ? 1 : 0 });
  console.log(
    `Chromium (${executablePath}), ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; ${ROUNDS} rounds of ${REQUESTS} requests after ${WARMUP} warm-up\n`,
  );
  console.log('| library | µs per request (median, min–max of rounds) | requests per second | pook faster by |');
  console.log('|---|---|---|---|');
  for (const row of rows) {
    if (row.error !== undefined) console.log(`| ${row.lib} | failed: ${row.error} | | |`);
    else
      console.log(
        `| ${row.lib === 'pook' ? '**pook**' : row.lib} ${row.version} | ${fmt(row.median)} (${fmt(row.min)}–${fmt(row.max)}) | ${fmt(row.perSecond)} | ${fmt(row.vsPook)}× |`,
      );
  }
}

await main();
