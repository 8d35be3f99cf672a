// Must stay the first import: it records the globals before pook is loaded.
import '../helpers/originals.js';

import { AsyncResource } from 'node:async_hooks';
import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pook, { Engine, FetchInterceptor } from '../../src/index.js';
import { ORIGINALS } from '../helpers/originals.js';
import { type EchoServer, startServer } from '../helpers/servers.js';

// One interception layer, each request routed to the engine of the async
// context of its client call; an engine that is not active (or has no
// interceptor for that client) hands it to the next active engine out, and
// with none active (as here) leaves the request alone
// (test/unit/scope-fail-closed.test.ts has the enclosing engines).

let server: EchoServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  pook.off();
  await server.close();
});

const current = (): unknown[] => ORIGINALS.map((o) => (o.target as Record<PropertyKey, unknown>)[o.key]);
const pristine = ORIGINALS.map((o) => o.value);

function httpGet(url: string, start: (req: http.ClientRequest) => void = (req) => req.end()): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    start(req);
  });
}

describe('one interception layer', () => {
  it('opening more scopes installs nothing more; the last one to end restores every global exactly', () => {
    const global = pook.engine();
    global.activate();
    const layer = current();
    expect(layer.every((value, i) => value !== pristine[i])).toBe(true);
    const scopes = Array.from({ length: 10 }, () => pook.use());
    current().forEach((value, i) => {
      expect(value).toBe(layer[i]);
    });
    global.disable(); // the scopes still need a layer: one of theirs takes over
    expect(current().every((value, i) => value !== pristine[i])).toBe(true);
    for (const scope of scopes) scope.dispose();
    current().forEach((value, i) => {
      expect(value, ORIGINALS[i]!.label).toBe(pristine[i]);
    });
    for (const original of ORIGINALS) {
      expect(Object.getOwnPropertyDescriptor(original.target, original.key), original.label).toStrictEqual(original.descriptor);
    }
  });

  it('a scope disposed out of order keeps the others intercepting', async () => {
    const first = pook.use();
    const second = pook.use();
    first.dispose();
    pook.get('http://order.test/').reply(203);
    expect(pook.engine()).toBe(second.engine);
    expect((await fetch('http://order.test/')).status).toBe(203);
    second.dispose();
    expect(current()).toEqual(pristine);
  });
});

describe('routing', () => {
  it('outside every scope, with the global engine inactive, requests reach the network untouched and unrecorded', async () => {
    const outside = AsyncResource.bind((fn: () => Promise<string>) => fn());
    const results = await pook.use(async () => {
      pook.get(server.origin).persist().reply(200).body('mocked');
      return {
        inside: await (await fetch(`${server.origin}/inside`)).text(),
        outsideFetch: await outside(async () => (await fetch(`${server.origin}/outside`)).headers.get('x-echo') ?? ''),
      };
    });
    expect(results).toEqual({ inside: 'mocked', outsideFetch: 'real' });
    expect(server.requests.map((r) => r.url)).toEqual(['/outside']);
    expect(pook.unmatchedRequests()).toEqual([]);
  });

  it('a scope whose engine was disabled lets its requests through, while other scopes keep intercepting', async () => {
    const [disabled, intercepting] = await Promise.all([
      pook.use(async (engine) => {
        pook.get(server.origin).persist().reply(200).body('mocked');
        pook.disable();
        expect(engine.active).toBe(false);
        return (await httpGet(`${server.origin}/disabled`)).body;
      }),
      pook.use(async () => {
        pook.get(server.origin).persist().reply(200).body('mocked');
        return (await httpGet(`${server.origin}/intercepting`)).body;
      }),
    ]);
    expect(JSON.parse(disabled)).toMatchObject({ url: '/disabled' });
    expect(intercepting).toBe('mocked');
    expect(server.requests.map((r) => r.url)).toEqual(['/disabled']);
  });

  it("each scope applies its own network settings: one reaches the server, the other's request is blocked", async () => {
    const [open, closed] = await Promise.all([
      pook.use(
        async (engine) => {
          const response = await fetch(`${server.origin}/open`);
          return { echo: response.headers.get('x-echo'), unmatched: engine.unmatchedRequests().length };
        },
        { network: true },
      ),
      pook.use(async (engine) => {
        const error = await fetch(`${server.origin}/closed`).catch((e: unknown) => e);
        return { error, unmatched: engine.unmatchedRequests().length };
      }),
    ]);
    expect(open).toEqual({ echo: 'real', unmatched: 1 });
    expect((closed.error as TypeError).cause).toBeInstanceOf(pook.PookNoMatchesError);
    expect(closed.unmatched).toBe(1);
    expect(server.requests.map((r) => r.url)).toEqual(['/open']);
    expect(await server.settledConnections()).toBe(1);
  });

  it('scopes nest: the innermost wins, and the outer one is current again when it ends', async () => {
    pook.use(() => {
      pook.get('http://nest.test/').persist().reply(200).body('outer');
      return pook.use(async () => {
        pook.get('http://nest.test/').persist().reply(200).body('inner');
        expect(await (await fetch('http://nest.test/')).text()).toBe('inner');
      });
    });
    await pook.use(async () => {
      pook.get('http://nest.test/').persist().reply(200).body('outer');
      {
        using _inner = pook.use();
        pook.get('http://nest.test/').persist().reply(200).body('inner');
        expect(await (await fetch('http://nest.test/')).text()).toBe('inner');
      }
      expect(await (await fetch('http://nest.test/')).text()).toBe('outer');
    });
  });

  it('node:http: the context of the client call decides, not the one that ends the request', async () => {
    pook.activate();
    pook.get('http://call.test/').persist().reply(200).body('global');
    const outside = AsyncResource.bind(<T>(fn: () => T): T => fn());
    const body = await pook.use(async () => {
      pook.get('http://call.test/').persist().reply(200).body('scope');
      return (await httpGet('http://call.test/', (req) => setTimeout(() => outside(() => req.end()), 1))).body;
    });
    expect(body).toBe('scope');
    const fromGlobal = await pook.use(async () => {
      const scope = AsyncResource.bind((fn: () => void) => fn());
      return outside(() => httpGet('http://call.test/', (req) => scope(() => req.end())));
    });
    expect(fromGlobal.body).toBe('global');
  });

  it('a scope engine without an interceptor for a client lets that client through', async () => {
    const result = await pook.use(async (engine) => {
      engine.removeInterceptor('http');
      pook.get(server.origin).persist().reply(200).body('mocked');
      return { fetch: await (await fetch(`${server.origin}/f`)).text(), http: JSON.parse((await httpGet(`${server.origin}/h`)).body) as { url: string } };
    });
    expect(result.fetch).toBe('mocked');
    expect(result.http.url).toBe('/h');
  });

  it('a standalone Engine is not routed: activated on top, it answers every request until disabled', async () => {
    const standalone = new Engine({ interceptors: () => [new FetchInterceptor()] });
    standalone.addMock(new pook.Mock({ url: 'http://standalone.test/', reply: 208, persist: true }));
    const statuses = await pook.use(async () => {
      pook.get('http://standalone.test/').persist().reply(201);
      standalone.activate();
      const during = (await fetch('http://standalone.test/')).status;
      standalone.disable();
      return [during, (await fetch('http://standalone.test/')).status];
    });
    expect(statuses).toEqual([208, 201]);
    expect(globalThis.fetch).toBe(ORIGINALS[0]!.value);
  });

  it('scope.run() re-enters a scope from a context outside it', async () => {
    const scope = pook.use();
    try {
      pook.get('http://run.test/').reply(200).body('scoped');
      const outside = AsyncResource.bind((fn: () => Promise<string>) => fn());
      const text = await outside(() => scope.run(async () => (await fetch('http://run.test/')).text()));
      expect(text).toBe('scoped');
    } finally {
      scope.dispose();
    }
    expect(scope.disposed).toBe(true);
  });
});
