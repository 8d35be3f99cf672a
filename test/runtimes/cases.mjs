// The contract cases that apply to any server-side runtime, run on the built
// package: `node`, `bun` and `deno run -A` each run this file as it is
// (test/runtimes/runtimes.test.ts; docs/runtimes.md). Each case prints one
// JSON line { case, ok, error? } (or { case, skipped } for a known gap of
// the runtime, with the reason); the last line is "N passed, N failed, N skipped".
// Traffic goes only to a loopback server this script starts.

import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import http, { get as namedGet } from 'node:http';
import https from 'node:https';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import axios from 'axios';
import got from 'got';
import ky from 'ky';
import nodeFetch from 'node-fetch';
import superagent from 'superagent';
import pook, { isPookError } from '../../dist/index.js';

const only = process.env.POOK_CASES?.split(',');
const runtime = process.versions.bun !== undefined ? 'bun' : globalThis.Deno !== undefined ? 'deno' : 'node';
const cases = [];
/** A case; `gaps` names the runtimes where it is a known gap (docs/runtimes.md), with the reason. */
const test = (name, fn, gaps = {}) => cases.push({ name, fn, gap: gaps[runtime] });

function equal(actual, expected, what = 'value') {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}
function ok(condition, what) {
  if (!condition) throw new Error(what);
}
async function rejects(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** node:http request, whole body read: { status, headers, body }. */
function httpRequest(url, { method = 'GET', headers = {}, body, agent, module = http } = {}) {
  return new Promise((resolve, reject) => {
    const req = module.request(url, { method, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), chunks: chunks.length }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

// ── the real loopback server (passthrough cases) ──────────────────────
let hits = 0;
const server = http.createServer((req, res) => {
  hits++;
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'x-real': 'yes' });
    res.end(JSON.stringify({ method: req.method, url: req.url, body: Buffer.concat(chunks).toString('utf8') }));
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const REAL = `http://127.0.0.1:${server.address().port}`;
const API = 'http://api.test';

// ── fetch ─────────────────────────────────────────────────────────────
test('fetch: status, headers, JSON', async () => {
  pook
    .get(`${API}/users`)
    .reply(201)
    .header('X-Id', '7')
    .json([{ id: 1 }]);
  const response = await fetch(`${API}/users`);
  equal(response.status, 201, 'status');
  equal(response.headers.get('x-id'), '7', 'header');
  equal(await response.json(), [{ id: 1 }], 'body');
});

test('fetch: request matching on headers and JSON body', async () => {
  pook
    .post(`${API}/users`)
    .header('Authorization', /^Bearer /)
    .json({ name: 'ada' })
    .reply(200)
    .body('matched');
  const response = await fetch(`${API}/users`, {
    method: 'POST',
    headers: { authorization: 'Bearer x', 'content-type': 'application/json' },
    body: '{"name":"ada"}',
  });
  equal(await response.text(), 'matched');
});

test('fetch: binary body byte for byte', async () => {
  pook
    .get(`${API}/bin`)
    .reply(200)
    .body(new Uint8Array([0, 1, 2, 253, 254, 255]));
  equal([...new Uint8Array(await (await fetch(`${API}/bin`)).arrayBuffer())], [0, 1, 2, 253, 254, 255]);
});

test('fetch: no match fails closed with the report, and nothing reaches the server', async () => {
  pook.get(`${REAL}/users`).header('X-Key', 'k').reply(200);
  const before = hits;
  const error = await rejects(fetch(`${REAL}/users`));
  equal(error.name, 'TypeError', 'error');
  ok(isPookError(error.cause) && error.cause.code === 'POOK_NO_MATCH', `cause: ${error.cause}`);
  ok(error.cause.message.includes('x-key'), 'the report names the header');
  equal(hits, before, 'server hits');
});

test('fetch: a delay, and abort during it', async () => {
  pook.get(`${API}/slow`).delay(100).reply(204);
  pook.get(`${API}/slower`).delay(5000).reply(200);
  const start = Date.now();
  equal((await fetch(`${API}/slow`)).status, 204);
  ok(Date.now() - start >= 90, `delay: ${Date.now() - start} ms`);
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 30);
  const error = await rejects(fetch(`${API}/slower`, { signal: controller.signal }));
  equal(error.name, 'AbortError', 'abort');
});

test('fetch: a streamed body arrives in chunks', async () => {
  pook.get(`${API}/stream`).reply(200).body(['a', 'b', 'c']);
  const reader = (await fetch(`${API}/stream`)).body.getReader();
  const parts = [];
  for (let r = await reader.read(); !r.done; r = await reader.read()) parts.push(new TextDecoder().decode(r.value));
  equal(parts.join(''), 'abc');
  ok(parts.length >= 2, `chunks: ${parts.length}`);
});

test('fetch: Content-Encoding gzip is decoded', async () => {
  pook.get(`${API}/gz`).reply(200).header('Content-Encoding', 'gzip').body('zipped text');
  equal(await (await fetch(`${API}/gz`)).text(), 'zipped text');
});

test('fetch: a mocked redirect is followed', async () => {
  pook.get(`${API}/old`).reply(302).header('Location', '/new');
  pook.get(`${API}/new`).reply(200).body('moved');
  const response = await fetch(`${API}/old`);
  equal([response.status, response.redirected, response.url, await response.text()], [200, true, `${API}/new`, 'moved']);
});

test('fetch: mock.error() fails as a refused connection', async () => {
  pook.get(`${API}/down`).error('ECONNREFUSED');
  const error = await rejects(fetch(`${API}/down`));
  equal([error.name, error.cause?.code], ['TypeError', 'ECONNREFUSED']);
});

test('fetch: passthrough to a real loopback server', async () => {
  pook.enableNetwork('127.0.0.1');
  const response = await fetch(`${REAL}/echo`, { method: 'POST', body: 'hi' });
  equal([response.headers.get('x-real'), await response.json()], ['yes', { method: 'POST', url: '/echo', body: 'hi' }]);
});

test('jsonSchema() and xml() matchers, a file body', async () => {
  const file = fileURLToPath(new URL('../../package.json', import.meta.url));
  pook
    .post(`${API}/schema`)
    .jsonSchema({ type: 'object', required: ['id'] })
    .reply(200)
    .file(file);
  pook.post(`${API}/xml`).xml('<user><name>ada</name></user>').reply(204);
  const response = await fetch(`${API}/schema`, { method: 'POST', body: '{"id":1}', headers: { 'content-type': 'application/json' } });
  equal(await response.text(), readFileSync(file, 'utf8'), 'file body');
  equal((await fetch(`${API}/xml`, { method: 'POST', body: '<user> <name>ada</name> </user>' })).status, 204, 'xml');
  const error = await rejects(fetch(`${API}/schema`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }));
  ok(error.cause?.message.includes('id'), `schema report: ${error.cause?.message}`);
});

// ── node:http / node:https ────────────────────────────────────────────
test('node:http: status, headers, body', async () => {
  pook.get(`${API}/users`).reply(200).header('X-Id', '9').json({ id: 9 });
  const { status, headers, body } = await httpRequest(`${API}/users`);
  equal([status, headers['x-id'], JSON.parse(body)], [200, '9', { id: 9 }]);
});

test('node:http: a POST body is matched', async () => {
  pook.post(`${API}/echo`).body('ping').reply(201).body('pong');
  const { status, body } = await httpRequest(`${API}/echo`, { method: 'POST', body: 'ping', headers: { 'content-length': '4' } });
  equal([status, body], [201, 'pong']);
});

test('node:https: get', async () => {
  pook.get('https://secure.test/x').reply(200).body('tls');
  equal((await httpRequest('https://secure.test/x', { module: https })).body, 'tls');
});

test('node:http: no match fails closed', async () => {
  const before = hits;
  const error = await rejects(httpRequest(`${REAL}/nothing`));
  ok(isPookError(error) && error.code === 'POOK_NO_MATCH', `error: ${error}`);
  equal(hits, before, 'server hits');
});

test('node:http: a delay', async () => {
  pook.get(`${API}/slow`).delay(100).reply(200).body('late');
  const start = Date.now();
  equal((await httpRequest(`${API}/slow`)).body, 'late');
  ok(Date.now() - start >= 90, 'delay');
});

test('node:http: a streamed body arrives in chunks, gzip as sent', async () => {
  pook.get(`${API}/stream`).reply(200).body(['one', 'two', 'three']);
  const { body } = await httpRequest(`${API}/stream`);
  equal(body, 'onetwothree');
  pook.get(`${API}/gz`).reply(200).header('Content-Encoding', 'gzip').body(gzipSync('raw'));
  const zipped = await new Promise((resolve, reject) =>
    http
      .get(`${API}/gz`, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks)));
      })
      .on('error', reject),
  );
  equal([zipped[0], zipped[1]], [0x1f, 0x8b], 'gzip magic');
});

test('node:http: passthrough to a real loopback server', async () => {
  pook.enableNetwork('127.0.0.1');
  const { status, headers, body } = await httpRequest(`${REAL}/real`);
  equal([status, headers['x-real'], JSON.parse(body).url], [200, 'yes', '/real']);
});

// ── clients on them ───────────────────────────────────────────────────
test('axios', async () => {
  pook
    .get(`${API}/users`)
    .reply(200)
    .json([{ id: 1 }]);
  const response = await axios.get(`${API}/users`);
  equal([response.status, response.data], [200, [{ id: 1 }]]);
  const error = await rejects(axios.get(`${API}/missing`));
  ok(isPookError(error.cause) || isPookError(error), `axios error: ${error}`);
});

test('node:http: a named ES import of get', async () => {
  pook.get(`${API}/named`).reply(200).body('named');
  const body = await new Promise((resolve, reject) =>
    namedGet(`${API}/named`, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve(text));
    }).on('error', reject),
  );
  equal(body, 'named');
});

test('got', async () => {
  pook.get(`${API}/users`).reply(200).json({ got: true });
  equal(await got(`${API}/users`).json(), { got: true });
});

// Bun answers `import 'node-fetch'` and `import 'undici'` with built-in
// modules of its own, which send through Bun's native fetch, past the global
// one: pook does not see them, and they would reach the real network (a DNS
// lookup), so they are not run there.
const BUN_OWN_MODULE = { bun: 'Bun replaces this package with a built-in module of its own that pook does not intercept' };

test(
  'node-fetch',
  async () => {
    pook.get(`${API}/users`).reply(200).json({ nodeFetch: true });
    equal(await (await nodeFetch(`${API}/users`)).json(), { nodeFetch: true });
  },
  BUN_OWN_MODULE,
);

test('superagent', async () => {
  pook.post(`${API}/users`).json({ a: 1 }).reply(201).json({ superagent: true });
  const response = await superagent.post(`${API}/users`).send({ a: 1 });
  equal([response.status, response.body], [201, { superagent: true }]);
});

test(
  'undici (the npm package): request and fetch',
  async () => {
    const undici = await import('undici');
    pook.get(`${API}/u`).reply(200).body('undici request');
    pook.get(`${API}/f`).reply(200).body('undici fetch');
    const { statusCode, body } = await undici.request(`${API}/u`);
    equal([statusCode, await body.text()], [200, 'undici request']);
    equal(await (await undici.fetch(`${API}/f`)).text(), 'undici fetch');
  },
  BUN_OWN_MODULE,
);

test('ky', async () => {
  pook.get(`${API}/users`).reply(200).json({ ky: true });
  equal(await ky.get(`${API}/users`).json(), { ky: true });
});

// ── scopes ────────────────────────────────────────────────────────────
test('use(): concurrent scopes see only their own mocks', async () => {
  pook.off();
  const run = (name, delay) =>
    pook.use(async () => {
      pook.get(`${API}/who`).reply(200).body(name);
      await new Promise((resolve) => setTimeout(resolve, delay));
      return (await fetch(`${API}/who`)).text();
    });
  equal(await Promise.all([run('a', 30), run('b', 5)]), ['a', 'b']);
});

// ── runner ────────────────────────────────────────────────────────────
let passed = 0;
let failed = 0;
let skipped = 0;
for (const { name, fn, gap } of cases) {
  if (only !== undefined && !only.includes(name)) continue;
  if (gap !== undefined) {
    skipped++;
    console.log(JSON.stringify({ case: name, skipped: gap }));
    continue;
  }
  pook.off();
  pook.disableNetwork();
  pook.flushNetworkFilters();
  pook.activate();
  try {
    await fn();
    passed++;
    console.log(JSON.stringify({ case: name, ok: true }));
  } catch (error) {
    failed++;
    console.log(JSON.stringify({ case: name, ok: false, error: String(error?.stack ?? error) }));
  } finally {
    pook.off();
  }
}
server.close();
console.log(`${runtime}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed === 0 ? 0 : 1;
