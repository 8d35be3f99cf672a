// The undici interceptor: what the contract (test/contract/undici.test.ts)
// does not show. One decision per request whatever the layers, the caller's
// dispatcher kept for real requests, fetch captured before activation and
// copies of undici loaded after it still intercepted.

import { createRequire } from 'node:module';
import * as undici from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pook from '../../src/index.js';
import { runTs } from '../helpers/child.js';
import { spyDns } from '../helpers/dns-spy.js';
import { type EchoServer, startServer } from '../helpers/servers.js';

const require = createRequire(import.meta.url);
// Captured before pook is ever activated in this file.
const capturedFetch = globalThis.fetch;

let server: EchoServer;
const dispatchers: undici.Dispatcher[] = [];
beforeEach(async () => {
  server = await startServer();
  pook.activate();
});
afterEach(async () => {
  pook.off();
  pook.disableNetwork();
  await Promise.all(dispatchers.splice(0).map((dispatcher) => dispatcher.destroy()));
  await server.close();
});

function track<D extends undici.Dispatcher>(dispatcher: D): D {
  dispatchers.push(dispatcher);
  return dispatcher;
}

describe('fail closed', () => {
  it('intercepts a fetch captured before activation: mocked, and blocked without a socket or a DNS lookup', async () => {
    expect(capturedFetch).not.toBe(globalThis.fetch);
    pook.get('http://api.test/captured').reply(200).body('mocked');
    expect(await (await capturedFetch('http://api.test/captured')).text()).toBe('mocked');
    const dns = spyDns();
    try {
      await expect(capturedFetch(`${server.origin}/blocked`)).rejects.toThrow('fetch failed');
      await expect(capturedFetch('http://api.test/blocked')).rejects.toThrow('fetch failed');
      expect(dns.hostnames).toEqual([]);
    } finally {
      dns.restore();
    }
    expect(await server.settledConnections()).toBe(0);
    expect(pook.unmatchedRequests().map((req) => `${req.client} ${req.url.href}`)).toEqual([
      `undici ${server.origin}/blocked`,
      'undici http://api.test/blocked',
    ]);
  });

  it('intercepts a copy of undici loaded after activation', async () => {
    await withFreshUndici(async (fresh) => {
      await expectIntercepted(fresh, track(new fresh.Agent()), '/fresh');
    });
  });
});

/** Runs `test` with a second instance of the undici package (every module of it evaluated anew), then puts the first back. */
async function withFreshUndici(test: (fresh: typeof undici) => Promise<void>): Promise<void> {
  const root = require.resolve('undici').replace(/index\.js$/, '');
  const kept = Object.entries(require.cache).filter(([key]) => key.startsWith(root));
  for (const [key] of kept) delete require.cache[key];
  try {
    const fresh = require('undici') as typeof undici;
    expect(fresh.Agent).not.toBe(undici.Agent);
    await test(fresh);
  } finally {
    for (const [key] of Object.entries(require.cache)) if (key.startsWith(root)) delete require.cache[key];
    for (const [key, module] of kept) require.cache[key] = module;
  }
}

/** A request through `agent` of `copy` is mocked, an unmatched one fails, and no connection is made. */
async function expectIntercepted(copy: typeof undici, agent: undici.Dispatcher, path: string): Promise<void> {
  pook.get(`http://api.test${path}`).reply(200).body('mocked');
  expect(await (await copy.request(`http://api.test${path}`, { dispatcher: agent })).body.text()).toBe('mocked');
  await expect(copy.request(`${server.origin}/blocked`, { dispatcher: agent })).rejects.toThrow('pook: no mock matches');
  expect(await server.settledConnections()).toBe(0);
}

/** The prototype holding a copy's own `dispatch` (DispatcherBase), as pook finds it. */
function dispatcherBaseOf(copy: typeof undici): { dispatch: unknown } {
  let target = copy.Agent.prototype as object;
  while ((target as { constructor: { name: string } }).constructor.name !== 'DispatcherBase') target = Object.getPrototypeOf(target) as object;
  return target as { dispatch: unknown };
}

describe('copies of undici loaded while pook is off', () => {
  it('intercepts a copy loaded between two activations, and gives its dispatch back', async () => {
    // pook has been active (beforeEach), so it already knows the copies
    // loaded then; this one loads while it is off.
    pook.disable();
    await withFreshUndici(async (fresh) => {
      const base = dispatcherBaseOf(fresh);
      const own = base.dispatch;
      const agent = track(new fresh.Agent());
      pook.activate();
      expect(base.dispatch).not.toBe(own);
      await expectIntercepted(fresh, agent, '/between');
      pook.disable();
      expect(base.dispatch).toBe(own);
      expect(await (await fresh.request(`${server.origin}/real`, { dispatcher: agent })).body.text()).toContain('/real');
    });
  });
});

describe('one decision per request', () => {
  it('records each request once, whatever the layers it goes through', async () => {
    pook.enableNetwork();
    const pool = track(new undici.Pool(server.origin, { connections: 1 }));
    const agent = track(new undici.Agent());
    // Queued in the Pool: dispatched to its Client later, not decided again.
    await Promise.all(Array.from({ length: 5 }, (_, i) => pool.request({ path: `/pool/${i}`, method: 'GET' }).then((r) => r.body.dump())));
    await (await undici.request(`${server.origin}/agent`, { dispatcher: agent })).body.dump();
    await (await undici.fetch(`${server.origin}/undici-fetch`)).arrayBuffer();
    await (await fetch(`${server.origin}/fetch`)).arrayBuffer();
    await (await capturedFetch(`${server.origin}/captured`)).arrayBuffer();
    const seen = pook.unmatchedRequests().map((req) => `${req.client} ${req.url.pathname}`);
    expect(seen.slice(0, 5).sort()).toEqual(['/pool/0', '/pool/1', '/pool/2', '/pool/3', '/pool/4'].map((p) => `undici ${p}`));
    expect(seen.slice(5)).toEqual(['undici /agent', 'undici /undici-fetch', 'fetch /fetch', 'undici /captured']);
    expect(server.requests).toHaveLength(9);
  });

  it('keeps the caller’s dispatcher for a request let through', async () => {
    pook.enableNetwork();
    const agent = track(new undici.Agent({ keepAliveTimeout: 10_000 }));
    const connected: string[] = [];
    agent.on('connect', (origin) => connected.push(String(origin)));
    await (await undici.request(`${server.origin}/one`, { dispatcher: agent })).body.text();
    await (await undici.request(`${server.origin}/two`, { dispatcher: agent })).body.text();
    await (await undici.fetch(`${server.origin}/three`, { dispatcher: agent })).arrayBuffer();
    // Every connection the server saw was opened by that agent.
    expect(connected.length).toBeGreaterThan(0);
    expect(new Set(connected)).toEqual(new Set([`${server.origin}/`]));
    expect(await server.settledConnections()).toBe(connected.length);
    // Mocked requests never touch it.
    pook.get(`${server.origin}/mocked`).reply(200).body('mocked');
    expect(await (await undici.request(`${server.origin}/mocked`, { dispatcher: agent })).body.text()).toBe('mocked');
    expect(server.requests.map((echo) => echo.url)).toEqual(['/one', '/two', '/three']);
  });
});

describe('undici interceptors (compose) on top of a mock', () => {
  it('the redirect interceptor follows a mocked 302 to the next mock', async () => {
    const agent = track(new undici.Agent());
    const redirecting = agent.compose(undici.interceptors.redirect({ maxRedirections: 3 }));
    pook.get('http://api.test/old').reply(302).header('Location', '/new');
    pook.get('http://api.test/new').reply(200).body('moved here');
    const response = await undici.request('http://api.test/old', { dispatcher: redirecting });
    expect(response.statusCode).toBe(200);
    expect(await response.body.text()).toBe('moved here');
    expect(pook.isDone()).toBe(true);
  });

  it('the retry interceptor retries a mocked ECONNRESET on the next mock', async () => {
    const agent = track(new undici.Agent());
    const retrying = agent.compose(undici.interceptors.retry({ maxRetries: 2, minTimeout: 1, maxTimeout: 1, timeoutFactor: 1 }));
    const failing = pook.get('http://api.test/flaky').error('ECONNRESET');
    pook.get('http://api.test/flaky').reply(200).body('second try');
    const response = await undici.request('http://api.test/flaky', { dispatcher: retrying });
    expect(await response.body.text()).toBe('second try');
    expect(failing.calls).toBe(1);
  });
});

it('disable() restores the global dispatcher slots and undici’s dispatch exactly', () => {
  const slots = [Symbol.for('undici.globalDispatcher.1'), Symbol.for('undici.globalDispatcher.2')];
  const dispatch = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Object.getPrototypeOf(new undici.Agent())), 'dispatch');
  pook.disable();
  const before = slots.map((slot) => Object.getOwnPropertyDescriptor(globalThis, slot));
  const base = Object.getPrototypeOf(Object.getPrototypeOf(track(new undici.Agent()))) as object;
  const original = Object.getOwnPropertyDescriptor(base, 'dispatch');
  expect(dispatch?.value).not.toBe(original?.value);
  pook.activate();
  expect(slots.map((slot) => (globalThis as Record<symbol, unknown>)[slot])).not.toEqual(before.map((d) => d?.value));
  pook.disable();
  expect(slots.map((slot) => Object.getOwnPropertyDescriptor(globalThis, slot))).toEqual(before);
  expect(Object.getOwnPropertyDescriptor(base, 'dispatch')).toEqual(original);
});

describe('finding the copies of undici', () => {
  it.each([
    ['with', 'on', false],
    ['without', 'off', true],
  ])('finds copies loaded before, during and between activations %s the module.require channel', async (_, channel, patchesLoad) => {
    const { code, stdout, stderr } = await runTs('undici-copies.ts', { UNDICI_CHANNEL: channel });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n')).toEqual([
      `Module._load patched while active: ${patchesLoad}`,
      'before: before',
      'during: during',
      'Module._load restored: true',
      'between: between',
      'before-again: before-again',
      'Module._load restored: true',
    ]);
  });
});
