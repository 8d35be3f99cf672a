// Must stay the first import: it records the globals before pook is loaded.
import '../helpers/originals.js';

import type { EventEmitter } from 'node:events';
import http, { get as namedGet, request as namedRequest } from 'node:http';
import https, { request as namedHttpsRequest } from 'node:https';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pook from '../../src/index.js';
import { nodeHttpAdapter } from '../helpers/node-http-client.js';
import { ORIGINALS, UNTOUCHED } from '../helpers/originals.js';
import { type EchoServer, startServer, TLS_CERT } from '../helpers/servers.js';

const httpRequest = nodeHttpAdapter('http.request', http, 'request');

function expectOriginals(): void {
  for (const original of ORIGINALS) {
    const descriptor = Object.getOwnPropertyDescriptor(original.target, original.key);
    expect(descriptor, original.label).toBeDefined();
    expect(Object.keys(descriptor!).sort(), original.label).toEqual(Object.keys(original.descriptor!).sort());
    for (const field of ['value', 'get', 'set', 'writable', 'enumerable', 'configurable'] as const) {
      expect(Object.is(descriptor![field], original.descriptor![field]), `${original.label}: descriptor.${field}`).toBe(true);
    }
    expect((original.target as Record<PropertyKey, unknown>)[original.key] === original.value, original.label).toBe(true);
  }
}

function expectAllPatched(): void {
  for (const original of ORIGINALS) expect((original.target as Record<PropertyKey, unknown>)[original.key] !== original.value, original.label).toBe(true);
  for (const original of UNTOUCHED)
    expect((original.target as Record<PropertyKey, unknown>)[original.key] === original.value, `${original.label} untouched`).toBe(true);
}

/** Listener counts of the emitters pook could leak listeners on. */
function listenerCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  const emitters: Array<[string, EventEmitter]> = [
    ['process', process],
    ['http.globalAgent', http.globalAgent],
    ['https.globalAgent', https.globalAgent],
  ];
  for (const [label, emitter] of emitters) {
    for (const name of emitter.eventNames()) counts[`${label} ${String(name)}`] = emitter.listenerCount(name);
  }
  return counts;
}

let server: EchoServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  pook.off();
  await server.close();
});

describe('pook.disable() restores every patched global exactly', () => {
  it('leaves the globals untouched on import, patches them all on activate, puts the originals back on disable', () => {
    expectOriginals();
    pook.activate();
    expectAllPatched();
    pook.disable();
    expectOriginals();
  });

  it('restores an accessor property exactly (a polyfilled or lazily defined fetch)', () => {
    const fetchOriginal = ORIGINALS.find((o) => o.label === 'globalThis.fetch')!;
    const get = (): unknown => fetchOriginal.value;
    const set = (): void => {};
    Object.defineProperty(globalThis, 'fetch', { get, set, enumerable: false, configurable: true });
    try {
      pook.activate();
      expect(globalThis.fetch).not.toBe(fetchOriginal.value);
      pook.disable();
      expect(Object.getOwnPropertyDescriptor(globalThis, 'fetch')).toStrictEqual({ get, set, enumerable: false, configurable: true });
    } finally {
      Object.defineProperty(globalThis, 'fetch', fetchOriginal.descriptor!);
    }
  });

  it('restores them after off(), reset() while active and repeated calls', () => {
    pook.activate();
    pook.activate();
    pook.reset(); // swaps the interceptors while active: still patched, once
    expectAllPatched();
    pook.off();
    pook.off();
    expectOriginals();
    pook.disable();
    expectOriginals();
  });

  it('sends requests to the real server again after disable', async () => {
    pook.activate();
    pook.disable();
    const viaFetch = await fetch(`${server.origin}/fetch`);
    expect(viaFetch.headers.get('x-echo')).toBe('real');
    await viaFetch.text();
    const viaHttp = await httpRequest.request({ url: `${server.origin}/http` });
    expect(viaHttp.headers['x-echo']).toBe('real');
    expect(server.requests.map((echo) => echo.url)).toEqual(['/fetch', '/http']);
  });

  it('never touches the named ESM imports of node:http, and still intercepts requests made through them', async () => {
    const originalRequest = ORIGINALS.find((o) => o.label === 'http.request')!.value;
    expect(namedRequest).toBe(originalRequest);
    pook.activate();
    // The module object is patched; the ESM bindings stay the originals (no
    // syncBuiltinESMExports): their requests are caught at the agent.
    expect(http.request).not.toBe(originalRequest);
    expect(namedRequest).toBe(originalRequest);
    expect(namedGet).toBe(ORIGINALS.find((o) => o.label === 'http.get')!.value);
    expect(namedHttpsRequest).toBe(ORIGINALS.find((o) => o.label === 'https.request')!.value);
    pook.get('http://api.test/named').reply(200).body('mocked');
    const body = await new Promise<string>((resolve, reject) => {
      const req = namedRequest('http://api.test/named', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
      req.end();
    });
    expect(body).toBe('mocked');
    pook.disable();
    expect(namedRequest).toBe(originalRequest);
    const real = await nodeHttpAdapter('named request', { protocol: 'http', request: namedRequest, get: namedGet }, 'request').request({
      url: `${server.origin}/named-real`,
    });
    expect(real.headers['x-echo']).toBe('real');
    expect(server.requests.map((echo) => echo.url)).toEqual(['/named-real']);
  });

  it('a wrapper kept after disable (e.g. re-synced into an ESM binding by someone else) lets requests through', async () => {
    pook.activate();
    const kept = { protocol: 'http' as const, request: http.request, get: http.get };
    pook.get(`${server.origin}/kept`).persist().reply(200).body('mocked');
    pook.disable();
    const res = await nodeHttpAdapter('kept wrapper', kept, 'request').request({ url: `${server.origin}/kept` });
    expect(res.headers['x-echo']).toBe('real');
    expect(server.requests.map((echo) => echo.url)).toEqual(['/kept']);
  });

  it('activates and disables 1,000 times without leaking listeners or breaking clients', async () => {
    const before = listenerCounts();
    for (let i = 0; i < 1_000; i++) {
      pook.activate();
      if (i % 2 === 0) pook.disable();
      else pook.off();
    }
    expect(listenerCounts()).toEqual(before);
    expectOriginals();

    // Still intercepting when active…
    pook.activate();
    pook.get('http://api.test/after').times(2).reply(200).body('mocked');
    expect(await (await fetch('http://api.test/after')).text()).toBe('mocked');
    expect((await httpRequest.request({ url: 'http://api.test/after' })).body).toBe('mocked');
    // …and real again when not.
    pook.disable();
    expect((await httpRequest.request({ url: `${server.origin}/real` })).headers['x-echo']).toBe('real');
    const viaFetch = await fetch(`${server.origin}/real`);
    expect(viaFetch.headers.get('x-echo')).toBe('real');
    await viaFetch.text();
    expect(server.requests).toHaveLength(2);
    expect(listenerCounts()).toEqual(before);
  });

  it('keeps https requests working after disable', async () => {
    const tlsServer = await startServer({ protocol: 'https' });
    try {
      pook.activate();
      pook.disable();
      const response = await nodeHttpAdapter('https.request', https, 'request', () => ({ ca: TLS_CERT })).request({ url: `${tlsServer.origin}/tls` });
      expect(response.headers['x-echo']).toBe('real');
      expect(await tlsServer.settledConnections()).toBe(1);
    } finally {
      await tlsServer.close();
    }
  });
});
