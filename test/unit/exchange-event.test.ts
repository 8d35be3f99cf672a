import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import pook, { Engine, FetchInterceptor, type ObservedExchange, PookRequest } from '../../src/index.js';
import { closeServers, type EchoServer, GZIP_TEXT, startServer } from '../helpers/servers.js';

// The 'exchange' event: the real response of a request let through, as
// each interceptor's one observation point (interceptors/shared/exchange-tap.ts)
// reports it; the engine asks for it only while someone listens.

let server: EchoServer | undefined;
afterEach(async () => {
  pook.disableNetwork();
  pook.off();
  await closeServers(server);
  server = undefined;
});

const request = (url: string): PookRequest => new PookRequest({ method: 'GET', url });

describe("the engine's 'exchange' event", () => {
  it('a passthrough outcome carries an observer only while someone listens', async () => {
    const engine = new Engine({ network: true });
    expect(await engine.handle(request('http://127.0.0.1:9/a'))).toEqual({ type: 'passthrough' });
    const seen: ObservedExchange[] = [];
    const listener = (exchange: ObservedExchange): void => void seen.push(exchange);
    engine.on('exchange', listener);
    const outcome = await engine.handle(request('http://127.0.0.1:9/b'));
    expect(outcome).toEqual({ type: 'passthrough', observe: expect.any(Function) });
    engine.off('exchange', listener);
    expect(await engine.handle(request('http://127.0.0.1:9/c'))).toEqual({ type: 'passthrough' });
  });

  it('reports the real response of fetch and node:http, the body whole and decoded, the client untouched', async () => {
    server = await startServer();
    pook.activate();
    pook.enableNetwork('127.0.0.1');
    const seen: ObservedExchange[] = [];
    pook.engine().on('exchange', (exchange) => seen.push(exchange));
    const viaFetch = await fetch(`${server.origin}/_pook/gzip`);
    const fetched = await viaFetch.text();
    const viaHttp = await new Promise<Buffer>((resolve, reject) => {
      http
        .get(`${server!.origin}/_pook/stream`, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve(Buffer.concat(chunks)));
        })
        .on('error', reject);
    });
    await expect.poll(() => seen.length).toBe(2);
    const [first, second] = seen as [ObservedExchange, ObservedExchange];
    expect(first.request.client).toBe('fetch');
    expect(first.response?.status).toBe(200);
    expect(first.response?.headers).toContainEqual(['content-encoding', 'gzip']);
    expect(Buffer.from(first.response!.body).toString('utf8')).toBe(fetched);
    expect(second.request.client).toBe('http');
    expect(Buffer.from(second.response!.body).equals(viaHttp)).toBe(true);
    expect(second.response?.headers).toContainEqual(['Transfer-Encoding', 'chunked']);
    expect(second.time).toBeGreaterThanOrEqual(second.wait);
  });

  it('reports fetch the same fed from its dispatch (undici intercepted) as from a tee of its body (fetch alone)', async () => {
    server = await startServer();
    const observe = async (engine: Engine): Promise<{ exchange: ObservedExchange; text: string }> => {
      const seen: ObservedExchange[] = [];
      engine.on('exchange', (exchange) => seen.push(exchange));
      const text = await (await fetch(`${server!.origin}/_pook/gzip`)).text();
      await expect.poll(() => seen.length).toBe(1);
      return { exchange: seen[0]!, text };
    };
    pook.activate();
    pook.enableNetwork('127.0.0.1');
    const dispatched = await observe(pook.engine());
    pook.disable();
    const alone = new Engine({ network: true, interceptors: () => [new FetchInterceptor()] });
    alone.activate();
    let teed: { exchange: ObservedExchange; text: string };
    try {
      teed = await observe(alone);
    } finally {
      alone.disable();
    }
    const stable = (exchange: ObservedExchange) => ({
      status: exchange.response?.status,
      statusText: exchange.response?.statusText,
      headers: exchange.response?.headers.filter(([name]) => name !== 'date').sort(([a], [b]) => a.localeCompare(b)),
      body: Buffer.from(exchange.response!.body).toString('utf8'),
    });
    expect(dispatched.text).toBe(GZIP_TEXT);
    expect(teed.text).toBe(GZIP_TEXT);
    expect(stable(dispatched.exchange)).toEqual(stable(teed.exchange));
    expect(stable(dispatched.exchange).body).toBe(GZIP_TEXT);
    // Two different paths: only the dispatch saw the bytes on the wire.
    const length = Number(dispatched.exchange.response?.headers.find(([name]) => name === 'content-length')?.[1]);
    expect(dispatched.exchange.response?.wireSize).toBe(length);
    expect(teed.exchange.response?.wireSize).toBe(-1);
  });

  it('reports the error of a real request that fails', async () => {
    pook.activate();
    pook.enableNetwork('127.0.0.1');
    const seen: ObservedExchange[] = [];
    pook.engine().on('exchange', (exchange) => seen.push(exchange));
    // Port 9 (discard) is closed on loopback: the connection is refused.
    await expect(fetch('http://127.0.0.1:9/')).rejects.toThrow('fetch failed');
    await expect.poll(() => seen.length).toBe(1);
    expect(seen[0]!.error).toBeInstanceOf(Error);
    expect(seen[0]!.response).toBeUndefined();
  });
});
