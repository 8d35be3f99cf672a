// Loading a HAR: one mock per entry in file order, matchBy, times(1) or
// persistent entries, deterministic output, and the usual no-match report.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Har, type HarEntry, harText, loadHar, record } from '../../src/har/index.js';
import pook, { PookInvalidArgumentError, PookNoMatchesError } from '../../src/index.js';
import { type HarServer, startHarServer } from './har-server.js';

let server: HarServer;
beforeAll(async () => {
  server = await startHarServer();
});
afterAll(() => server.close());
afterEach(() => {
  pook.off();
  pook.disableNetwork();
});

async function recordWith(fn: () => Promise<void>, zeroTimings = true): Promise<Har> {
  pook.activate();
  pook.enableNetwork('127.0.0.1');
  const recorder = record({ zeroTimings });
  await fn();
  await recorder.settled();
  recorder.stop();
  pook.reset();
  pook.disableNetwork();
  return recorder.har();
}

function entry(method: string, url: string, body: string, extra: Partial<HarEntry['request']> = {}): HarEntry {
  return {
    startedDateTime: '2026-01-01T00:00:00.000Z',
    time: 1,
    request: { method, url, httpVersion: 'HTTP/1.1', cookies: [], headers: [], queryString: [], headersSize: -1, bodySize: 0, ...extra },
    response: {
      status: 200,
      statusText: 'OK',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: [{ name: 'content-type', value: 'text/plain' }],
      content: { size: body.length, mimeType: 'text/plain', text: body },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 1, receive: 0 },
  };
}

const har = (...entries: HarEntry[]): Har => ({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } });

describe('sequence fidelity', () => {
  it('answers the same request differently the second time, as recorded, then fails closed', async () => {
    const recorded = await recordWith(async () => {
      expect(await (await fetch(`${server.origin}/counter`)).text()).toBe('call 1');
      expect(await (await fetch(`${server.origin}/counter`)).text()).toBe('call 2');
    });
    pook.activate();
    const mocks = loadHar(recorded);
    expect(mocks).toHaveLength(2);
    expect(await (await fetch(`${server.origin}/counter`)).text()).toBe('call 1');
    expect(await (await fetch(`${server.origin}/counter`)).text()).toBe('call 2');
    const error = await fetch(`${server.origin}/counter`).catch((thrown: Error) => thrown.cause);
    expect(error).toBeInstanceOf(PookNoMatchesError);
    expect(pook.isDone()).toBe(true);
  });

  it('with persist, the first matching entry answers every time', async () => {
    pook.activate();
    loadHar(har(entry('GET', 'http://api.test/a', 'first'), entry('GET', 'http://api.test/a', 'second')), { persist: true });
    for (let i = 0; i < 3; i++) expect(await (await fetch('http://api.test/a')).text()).toBe('first');
    // The second entry never answered: it is pending, as an unused entry is.
    expect(pook.pendingMocks()).toHaveLength(1);
  });
});

describe('matchBy', () => {
  it('matches the query by default, and only scheme, host, port and path with query: false', async () => {
    pook.activate();
    loadHar(har(entry('GET', 'http://api.test/search?q=pook&page=2', 'found')));
    await expect(fetch('http://api.test/search?q=other&page=2')).rejects.toThrow('fetch failed');
    expect(await (await fetch('http://api.test/search?page=2&q=pook&extra=1')).text()).toBe('found');
    pook.reset();
    loadHar(har(entry('GET', 'http://api.test/search?q=pook', 'any query')), { matchBy: { query: false } });
    expect(await (await fetch('http://api.test/search?q=other')).text()).toBe('any query');
  });

  it('matches listed headers, the method unless told not to', async () => {
    pook.activate();
    loadHar(har(entry('GET', 'http://api.test/h', 'v2', { headers: [{ name: 'accept-version', value: '2' }] })), { matchBy: { headers: ['Accept-Version'] } });
    await expect(fetch('http://api.test/h', { headers: { 'accept-version': '1' } })).rejects.toThrow('fetch failed');
    await expect(fetch('http://api.test/h', { method: 'DELETE', headers: { 'accept-version': '2' } })).rejects.toThrow('fetch failed');
    expect(await (await fetch('http://api.test/h', { headers: { 'accept-version': '2' } })).text()).toBe('v2');
    pook.reset();
    loadHar(har(entry('GET', 'http://api.test/m', 'any method')), { matchBy: { method: false } });
    expect(await (await fetch('http://api.test/m', { method: 'DELETE' })).text()).toBe('any method');
  });

  it('matches a JSON body JSON-equal by default, byte for byte with exact, not at all with ignore', async () => {
    const post = entry('POST', 'http://api.test/users', 'created', { postData: { mimeType: 'application/json', text: '{"a":1,"b":2}' }, bodySize: 13 });
    pook.activate();
    loadHar(har(post));
    expect(await (await fetch('http://api.test/users', { method: 'POST', body: '{ "b": 2, "a": 1 }' })).text()).toBe('created');
    pook.reset();
    loadHar(har(post), { matchBy: { body: 'exact' } });
    await expect(fetch('http://api.test/users', { method: 'POST', body: '{ "b": 2, "a": 1 }' })).rejects.toThrow('fetch failed');
    expect(await (await fetch('http://api.test/users', { method: 'POST', body: '{"a":1,"b":2}' })).text()).toBe('created');
    pook.reset();
    loadHar(har(post), { matchBy: { body: 'ignore' } });
    expect(await (await fetch('http://api.test/users', { method: 'POST', body: 'anything' })).text()).toBe('created');
  });

  it('rejects bad options where they are written', () => {
    expect(() => loadHar(har(), { matchBy: { body: 'fuzzy' as never } })).toThrow(PookInvalidArgumentError);
    expect(() => loadHar(har(), { matchBy: { headers: 'accept' as never } })).toThrow(PookInvalidArgumentError);
    expect(() => loadHar(har(), { matchBy: { bogus: true } as never })).toThrow(/unknown option/);
    expect(() => loadHar({ nope: true } as never)).toThrow(/expected a HAR document/);
    expect(() => loadHar('/nonexistent/file.har')).toThrow(/cannot read/);
  });
});

describe('what a replay tells', () => {
  it('explains a changed request with the no-match report, naming the entry that came closest', async () => {
    const recorded = await recordWith(async () => {
      await (await fetch(`${server.origin}/json?page=1`)).text();
    });
    pook.activate();
    loadHar(recorded);
    const error = (await fetch(`${server.origin}/json?page=2`).catch((thrown: Error) => thrown.cause)) as PookNoMatchesError;
    expect(error).toBeInstanceOf(PookNoMatchesError);
    expect(error.message).toContain('page');
    expect(error.message).toContain('"1"');
    expect(pook.pendingMocks()).toHaveLength(1);
    expect(() => pook.assertDone()).toThrow(/json/);
  });

  it('records each hop of a redirect followed by node:http clients, and fetch replays them', async () => {
    const http = await import('node:http');
    const recorded = await recordWith(async () => {
      await new Promise<void>((resolve, reject) => {
        http
          .get(`${server.origin}/redirect`, (res) => {
            res.resume();
            res.on('end', resolve);
          })
          .on('error', reject);
      });
      await new Promise<void>((resolve, reject) => {
        http
          .get(`${server.origin}/json?from=redirect`, (res) => {
            res.resume();
            res.on('end', resolve);
          })
          .on('error', reject);
      });
    });
    expect(recorded.log.entries.map((e) => [e.response.status, e.response.redirectURL])).toEqual([
      [302, `${server.origin}/json?from=redirect`],
      [200, ''],
    ]);
    pook.activate();
    loadHar(recorded);
    const response = await fetch(`${server.origin}/redirect`);
    expect(response.redirected).toBe(true);
    expect(response.url).toBe(`${server.origin}/json?from=redirect`);
    expect(await response.json()).toEqual({ method: 'GET', query: '?from=redirect', body: '' });
  });
});

describe('HAR out', () => {
  it('is deterministic with zeroTimings: the same traffic gives the same bytes, keys in the specification order', async () => {
    const run = (): Promise<Har> =>
      recordWith(async () => {
        await (await fetch(`${server.origin}/text`)).text();
        await (await fetch(`${server.origin}/binary`)).arrayBuffer();
      });
    const [first, second] = [await run(), await run()];
    const strip = (text: string): string => text.replace(/"(date|keep-alive)",\n\s+"value": "[^"]*"/g, '');
    expect(strip(harText(first))).toBe(strip(harText(second)));
    const text = harText(first);
    expect(text.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(text).log)).toEqual(['version', 'creator', 'entries']);
    expect(Object.keys(JSON.parse(text).log.entries[0])).toEqual(['startedDateTime', 'time', 'request', 'response', 'cache', 'timings']);
    expect(first.log.creator).toEqual({ name: 'pook', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(first.log.entries[0]!.startedDateTime).toBe('1970-01-01T00:00:00.000Z');
    expect(first.log.entries[1]!.response.content.encoding).toBe('base64');
  });

  it('records entries in request order, whatever order the responses end in', async () => {
    const recorded = await recordWith(async () => {
      await Promise.all([fetch(`${server.origin}/chunked`).then((r) => r.text()), fetch(`${server.origin}/text`).then((r) => r.text())]);
    });
    expect(recorded.log.entries.map((e) => new URL(e.request.url).pathname)).toEqual(['/chunked', '/text']);
  });

  it('does not record mocked requests', async () => {
    const recorded = await recordWith(async () => {
      pook.get('http://api.test/mocked').reply(200).body('mocked');
      await (await fetch('http://api.test/mocked')).text();
      await (await fetch(`${server.origin}/text`)).text();
    });
    expect(recorded.log.entries.map((e) => e.request.url)).toEqual([`${server.origin}/text`]);
  });
});
