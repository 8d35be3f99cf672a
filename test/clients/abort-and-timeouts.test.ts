// Item: time and failure. A delayed or streaming mocked response is
// cancelled at once by the client's abort (fake timers prove no real waiting
// and that pook's own delay timer is gone), and node:http's setTimeout and
// destroy() behave as they do against a real server.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import axios from 'axios';
import got from 'got';
import * as undici from 'undici';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import pook from '../../src/index.js';

beforeEach(() => pook.activate());
afterEach(() => {
  vi.useRealTimers();
  pook.off();
});

/** Lets the event loop turn until `done()` (bounded); timers are fake, so nothing else moves. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
  expect(done()).toBe(true);
}

type Start = (url: string, signal: AbortSignal) => Promise<unknown>;
const CLIENTS: Record<string, { start: Start; aborted: (error: unknown) => boolean }> = {
  fetch: {
    start: async (url, signal) => (await fetch(url, { signal })).text(),
    aborted: (e) => (e as Error).name === 'AbortError',
  },
  'undici.request': {
    start: async (url, signal) => (await undici.request(url, { signal })).body.text(),
    aborted: (e) => (e as Error).name === 'AbortError' || (e as { code?: string }).code === 'UND_ERR_ABORTED',
  },
  'undici.fetch': {
    start: async (url, signal) => (await undici.fetch(url, { signal })).text(),
    aborted: (e) => (e as Error).name === 'AbortError',
  },
  axios: {
    start: async (url, signal) => (await axios.get(url, { signal, proxy: false, responseType: 'text' })).data,
    aborted: (e) => axios.isCancel(e),
  },
  got: {
    start: (url, signal) => got(url, { signal, retry: { limit: 0 } }).text(),
    aborted: (e) => (e as Error).name === 'AbortError',
  },
};

describe('abort cancels a delayed mocked response at once', () => {
  for (const [name, client] of Object.entries(CLIENTS)) {
    it(name, async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const mock = pook.get('http://api.test/slow').delay(60_000).reply(200).body('too late').mock;
      const controller = new AbortController();
      let outcome: unknown = 'pending';
      const request = client.start('http://api.test/slow', controller.signal).then(
        (value) => (outcome = { value }),
        (error: unknown) => (outcome = { error }),
      );
      await until(() => mock.calls === 1 && vi.getTimerCount() >= 1);
      expect(outcome).toBe('pending');
      controller.abort();
      // Not one fake millisecond passes.
      await until(() => outcome !== 'pending');
      await request;
      expect(client.aborted((outcome as { error?: unknown }).error), String((outcome as { error?: unknown }).error)).toBe(true);
      // pook's delay timer was cleared, not left to fire.
      expect(vi.getTimerCount()).toBe(0);
    });
  }
});

describe('abort stops a streaming mocked response', () => {
  for (const [name, client] of Object.entries(CLIENTS)) {
    it(name, async () => {
      let produced = 0;
      let stopped = false;
      const controller = new AbortController();
      pook
        .get('http://api.test/endless')
        .reply(200)
        .body(
          (async function* () {
            try {
              for (; produced < 10_000; produced++) {
                if (produced === 3) controller.abort();
                yield `chunk ${produced};`;
                await new Promise((resolve) => setImmediate(resolve));
              }
            } finally {
              stopped = true;
            }
          })(),
        );
      await expect(client.start('http://api.test/endless', controller.signal)).rejects.toSatisfy(client.aborted);
      await until(() => stopped);
      expect(produced).toBeLessThan(100);
    });
  }
});

describe('node:http setTimeout and destroy() behave as with a real socket', () => {
  /** What a request reports: its events in order, with the error code. */
  function observe(url: string, act: (req: http.ClientRequest) => void, options: http.RequestOptions = {}): Promise<string[]> {
    return new Promise((resolve) => {
      const events: string[] = [];
      const req = http.get(url, options, (res) => {
        events.push(`response ${res.statusCode}`);
        res.resume();
      });
      req.on('timeout', () => {
        events.push('timeout');
        req.destroy();
      });
      req.on('error', (error: NodeJS.ErrnoException) => events.push(`error ${error.code} ${error.message}`));
      req.on('close', () => {
        events.push('close');
        resolve(events);
      });
      act(req);
    });
  }

  async function silentServer(): Promise<{ url: string; close: () => Promise<void> }> {
    // Accepts requests and never answers them.
    const server = http.createServer(() => {});
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}/hang`,
      close: async () => {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      },
    };
  }

  it('req.setTimeout(ms) fires on a delayed mock as on a server that does not answer', async () => {
    const real = await silentServer();
    try {
      pook.enableNetwork('127.0.0.1');
      const realEvents = await observe(real.url, (req) => req.setTimeout(30));
      const mock = pook.get('http://api.test/hang').delay(60_000).reply(200).mock;
      const mockedEvents = await observe('http://api.test/hang', (req) => req.setTimeout(30));
      expect(realEvents).toEqual(['timeout', 'error ECONNRESET socket hang up', 'close']);
      expect(mockedEvents).toEqual(realEvents);
      expect(mock.calls).toBe(1);
    } finally {
      await real.close();
    }
  });

  it("the timeout option, or the agent's, fires on a delayed mock as on a server that does not answer", async () => {
    const real = await silentServer();
    try {
      pook.enableNetwork('127.0.0.1');
      for (const options of [{ timeout: 30 }, { agent: new http.Agent({ timeout: 30 }) }]) {
        const realEvents = await observe(real.url, () => {}, options);
        const mock = pook.get('http://api.test/hang').delay(60_000).reply(200).mock;
        const mockedEvents = await observe('http://api.test/hang', () => {}, options);
        expect(realEvents).toEqual(['timeout', 'error ECONNRESET socket hang up', 'close']);
        expect(mockedEvents).toEqual(realEvents);
        expect(mock.calls).toBe(1);
      }
    } finally {
      await real.close();
    }
  });

  it('a body that keeps coming keeps the timeout from firing, as on a real socket', async () => {
    // The timeout is an idle timeout: each chunk restarts it. The chunks come
    // far more often than the timeout, and for longer than it in all.
    const CHUNKS = 30;
    const slowly = async function* (): AsyncGenerator<string> {
      for (let i = 0; i < CHUNKS; i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        yield `${i};`;
      }
    };
    const server = http.createServer(async (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      for await (const part of slowly()) res.write(part);
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const observeBody = (url: string): Promise<string[]> =>
        new Promise((resolve) => {
          const events: string[] = [];
          let body = '';
          const req = http.get(url, { timeout: 500 }, (res) => {
            res.on('data', (chunk: Buffer) => (body += chunk.toString()));
            res.on('end', () => events.push(`end ${body.split(';').length - 1} chunks`));
          });
          req.on('timeout', () => {
            events.push('timeout');
            req.destroy();
          });
          req.on('close', () => resolve(events));
        });
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      pook.off();
      const realEvents = await observeBody(url);
      pook.activate();
      pook.enableNetwork('127.0.0.1');
      expect(await observeBody(url)).toEqual(realEvents);
      pook.get('http://api.test/slowly').reply(200).type('text').body(slowly());
      const mockedEvents = await observeBody('http://api.test/slowly');
      expect(realEvents).toEqual([`end ${CHUNKS} chunks`]);
      expect(mockedEvents).toEqual(realEvents);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('req.destroy() while waiting for the response', async () => {
    const real = await silentServer();
    try {
      pook.enableNetwork('127.0.0.1');
      const destroyLater = (req: http.ClientRequest): void => {
        req.on('socket', (socket) => socket.on('connect', () => setImmediate(() => req.destroy())));
      };
      const realEvents = await observe(real.url, destroyLater);
      pook.get('http://api.test/hang').delay(60_000).reply(200);
      const mockedEvents = await observe('http://api.test/hang', destroyLater);
      expect(realEvents).toEqual(['error ECONNRESET socket hang up', 'close']);
      expect(mockedEvents).toEqual(realEvents);
    } finally {
      await real.close();
    }
  });
});
