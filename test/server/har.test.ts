// HAR files as mock files of `pook serve`: a HAR that pook records against
// a real loopback server, served by the built CLI in a child process as a
// user starts it. Each client sees from the mock server what it saw live;
// entries answer once, in order (or any number of times with
// --har-persist); a bad HAR is named with its entry; --watch reloads a
// changed HAR.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { record } from '../../src/har/index.js';
import pook from '../../src/index.js';
import type { ContractResponse } from '../contract/contract.js';
import { type HarServer, startHarServer } from '../har/har-server.js';
import { fetchAdapter } from '../helpers/adapters.js';
import { startServer } from '../helpers/pook-server.js';

const dir = mkdtempSync(join(tmpdir(), 'pook-serve-har-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CASES = [
  { path: '/text' },
  { path: '/json?page=2&tag=a' },
  { path: '/json', method: 'POST', body: '{"name":"pook"}', headers: { 'content-type': 'application/json' } },
  { path: '/binary' },
  { path: '/gzip' },
  { path: '/chunked' },
  { path: '/empty' },
  { path: '/json', method: 'HEAD' },
  { path: '/counter' },
  { path: '/counter' },
] as const;

// Headers that differ from one real response to the next, or that come from the connection.
const VOLATILE = new Set(['date', 'connection', 'keep-alive']);

function comparable(response: ContractResponse): object {
  const headers = Object.fromEntries(Object.entries(response.headers).filter(([name]) => !VOLATILE.has(name)));
  return { status: response.status, headers, body: response.body, bytes: [...response.bytes] };
}

const send = (origin: string, c: (typeof CASES)[number]) =>
  fetchAdapter.request({
    url: origin + c.path,
    ...('method' in c && { method: c.method }),
    ...('body' in c && { body: c.body }),
    ...('headers' in c && { headers: c.headers }),
  });

let live: object[];
let harFile: string;

beforeAll(async () => {
  // Recorded by pook against a real loopback server (fetch), as the client saw it live.
  const upstream: HarServer = await startHarServer();
  try {
    pook.activate();
    pook.enableNetwork('127.0.0.1');
    const recorder = record({ zeroTimings: true });
    live = [];
    for (const c of CASES) live.push(comparable(await send(upstream.origin, c)));
    await recorder.settled();
    recorder.stop();
    mkdirSync(join(dir, 'recorded'));
    harFile = join(dir, 'recorded', 'api.har');
    await recorder.save(harFile);
  } finally {
    pook.off();
    pook.disableNetwork();
    await upstream.close();
  }
});

describe('pook serve --mocks <file.har>', () => {
  it('answers each recorded request as the server did live, once each, in order; the upstream is gone', async () => {
    // A directory that holds the HAR, as --mocks <dir> loads every mock file in it.
    const server = await startServer(['--mocks', join(dir, 'recorded')], { cwd: dir });
    try {
      expect(server.stdout()).toContain(`loaded ${CASES.length} mocks from`);
      const replayed: object[] = [];
      for (const c of CASES) replayed.push(comparable(await send(server.url, c)));
      expect(replayed).toEqual(live);
      expect((live[8] as { body: string }).body).toBe('call 1');
      expect((live[9] as { body: string }).body).toBe('call 2');
      // Every entry answered once: a third /counter is unmatched, and the report says why.
      const third = await fetch(`${server.url}/counter`);
      expect(third.status).toBe(501);
      expect(await third.text()).toMatch(/expired after 1 call/);
      const pending = (await (await fetch(`${server.url}/__pook/pending`)).json()) as { done: boolean };
      expect(pending.done).toBe(true);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('with --har-persist, every entry answers any number of times (the first recorded wins)', async () => {
    const server = await startServer(['--har-persist', '--quiet', '--mocks', harFile], { cwd: dir });
    try {
      for (let i = 0; i < 3; i++) expect(await (await fetch(`${server.url}/counter`)).text()).toBe('call 1');
      expect(await (await fetch(`${server.url}/json?page=2&tag=a&extra=1`)).json()).toEqual({ method: 'GET', query: '?page=2&tag=a', body: '' });
      expect((await fetch(`${server.url}/json?page=3&tag=a`)).status).toBe(501);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('refuses to start on a bad HAR, naming the file and the entry', async () => {
    const har = JSON.parse(readFileSync(harFile, 'utf8'));
    har.log.entries[3].request.url = 'not a url';
    writeFileSync(join(dir, 'bad.har'), JSON.stringify(har));
    writeFileSync(join(dir, 'broken.har'), '{ "log": ');
    const bad = await startServer(['--mocks', 'bad.har'], { cwd: dir }).catch((error: Error) => error);
    expect((bad as Error).message).toMatch(/pook: bad\.har: entry 3 \(GET not a url\): .*Invalid URL/);
    const broken = await startServer(['--mocks', 'broken.har'], { cwd: dir }).catch((error: Error) => error);
    expect((broken as Error).message).toMatch(/pook: broken\.har: not valid JSON/);
  });

  it('--watch reloads a changed HAR without dropping the connection', async () => {
    const file = join(dir, 'watched.har');
    const har = JSON.parse(readFileSync(harFile, 'utf8'));
    const text = har.log.entries.find((entry: { request: { url: string } }) => entry.request.url.endsWith('/text'));
    writeFileSync(file, JSON.stringify({ log: { ...har.log, entries: [text] } }));
    const server = await startServer(['--watch', '--har-persist', '--mocks', file], { cwd: dir });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = (path: string) =>
      new Promise<{ body: string; reused: boolean }>((resolve, reject) => {
        const req = http.get(`${server.url}${path}`, { agent }, (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ body, reused: req.reusedSocket }));
        });
        req.on('error', reject);
      });
    try {
      expect(await get('/text')).toEqual({ body: 'héllo from the server', reused: false });
      text.response.content.text = 'edited by hand';
      text.response.content.size = Buffer.byteLength('edited by hand');
      for (const header of text.response.headers) if (header.name.toLowerCase() === 'content-length') header.value = String(text.response.content.size);
      writeFileSync(file, JSON.stringify({ log: { ...har.log, entries: [text] } }));
      await server.waitFor(/loaded 1 mock from .*\n(.*\n)*loaded 1 mock from /);
      expect(await get('/text')).toEqual({ body: 'edited by hand', reused: true });
    } finally {
      agent.destroy();
      expect(await server.stop()).toBe(0);
    }
  });
});
