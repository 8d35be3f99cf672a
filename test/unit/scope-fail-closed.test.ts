// Must stay the first import: it records the globals before pook is loaded.
import '../helpers/originals.js';

import http from 'node:http';
import { request as undiciRequest } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pook, { PookNoMatchesError } from '../../src/index.js';
import { type EchoServer, startServer } from '../helpers/servers.js';

// Fail closed, also inside scopes (docs/scopes.md, "Disabled engines fail
// closed"): a request made in a context whose engine is disabled falls back
// to the next active engine out (the enclosing scope, then the global
// engine), so the network is only reached where an active engine allows it.
// The loopback server counts the TCP connections it accepted: none may reach
// it while an enclosing engine with networking off is active.

let server: EchoServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  pook.off();
  pook.disableNetwork();
  await server.close();
});

/** What a client's request ended with: the status it got, or the error it failed with. */
type Result = { readonly status: number } | { readonly error: unknown };

function viaHttp(url: string): Promise<Result> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
    });
    req.on('error', (error) => resolve({ error }));
  });
}

const CLIENTS: Readonly<Record<string, (url: string) => Promise<Result>>> = {
  fetch: async (url) => {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      return { status: response.status };
    } catch (error) {
      return { error: (error as Error).cause ?? error };
    }
  },
  'node:http': viaHttp,
  undici: async (url) => {
    try {
      const response = await undiciRequest(url);
      await response.body.arrayBuffer();
      return { status: response.statusCode };
    } catch (error) {
      return { error };
    }
  },
};

const blocked = (result: Result): boolean => 'error' in result && result.error instanceof PookNoMatchesError;

describe.each(Object.keys(CLIENTS))('%s: a disabled scope inside an active engine with networking off', (client) => {
  const send = CLIENTS[client]!;

  it('pook.disable() in a use(fn) scope: its requests are blocked by the global engine, never real', async () => {
    pook.activate();
    const result = await pook.use(async (engine) => {
      pook.disable();
      expect(engine.active).toBe(false);
      return send(`${server.origin}/disabled-scope`);
    });
    expect(blocked(result), JSON.stringify(result)).toBe(true);
    // The global engine decided: the request is its unmatched request.
    expect(pook.unmatchedRequests().map((request) => request.url.pathname)).toEqual(['/disabled-scope']);
    expect(await server.settledConnections()).toBe(0);
  });

  it('the global engine answers with its own mocks', async () => {
    pook.activate();
    pook.get(server.origin).reply(203);
    const result = await pook.use(async () => {
      pook.get(server.origin).reply(200); // the disabled scope's own mock is not used
      pook.disable();
      return send(`${server.origin}/answered`);
    });
    expect(result).toEqual({ status: 203 });
    expect(await server.settledConnections()).toBe(0);
  });

  it('nested scopes: the nearest enclosing active scope decides, with its network settings', async () => {
    const result = await pook.use(async (outer) => {
      return pook.use(async () => {
        pook.disable();
        const inner = await send(`${server.origin}/inner`);
        return { inner, outerUnmatched: outer.unmatchedRequests().length };
      });
    });
    expect(blocked(result.inner), JSON.stringify(result.inner)).toBe(true);
    expect(result.outerUnmatched).toBe(1);
    expect(await server.settledConnections()).toBe(0);
  });

  it('a `using` scope disabled with pook.disable(), and a scope disposed while its callbacks still run', async () => {
    pook.activate();
    const results: Result[] = [];
    {
      using _scope = pook.use();
      pook.disable();
      results.push(await send(`${server.origin}/using`));
    }
    let late: Promise<Result> | undefined;
    await pook.use(async () => {
      late = new Promise<void>((resolve) => setTimeout(resolve, 5)).then(() => send(`${server.origin}/late`));
    });
    results.push(await late!);
    expect(results.map(blocked)).toEqual([true, true]);
    expect(await server.settledConnections()).toBe(0);
  });

  it('only an active engine that allows it opens the network: the enclosing engine with networking on', async () => {
    pook.activate();
    pook.enableNetwork();
    const result = await pook.use(async () => {
      pook.disable();
      return send(`${server.origin}/allowed`);
    });
    expect(result).toEqual({ status: 200 });
    expect(pook.unmatchedRequests().map((request) => request.url.pathname)).toEqual(['/allowed']);
    expect(await server.settledConnections()).toBe(1);
  });

  it('with no active engine around it, the request is real, as without pook', async () => {
    const result = await pook.use(async () => {
      pook.disable();
      return send(`${server.origin}/no-engine`);
    });
    expect(result).toEqual({ status: 200 });
    expect(await server.settledConnections()).toBe(1);
  });
});

describe('a scope engine without an interceptor for a client', () => {
  it('falls back to the enclosing active engine for that client', async () => {
    pook.activate();
    const result = await pook.use(async (engine) => {
      engine.removeInterceptor('http');
      return viaHttp(`${server.origin}/no-http-interceptor`);
    });
    expect(blocked(result), JSON.stringify(result)).toBe(true);
    expect(await server.settledConnections()).toBe(0);
  });
});
