// Inputs found by the property-based tests (test/properties) that crashed,
// hung or mis-matched, each through real clients: they now work the way a
// real server would have them work, or are refused where they are written.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as undici from 'undici';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import pook, { HttpInterceptor, isPookError, type MatchResult, PookInvalidArgumentError } from '../../src/index.js';
import { fetchAdapter } from '../helpers/adapters.js';
import { nodeHttpAdapter } from '../helpers/node-http-client.js';
import { closeServers, type Echo, type EchoServer, startServer } from '../helpers/servers.js';

const httpAdapter = nodeHttpAdapter('http.request', http, 'request');

/** How `http.get` ended: its response status, or the error it emitted. */
function httpGet(url: string): Promise<{ status: number } | { error: Error }> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
    });
    req.on('error', (error) => resolve({ error }));
  });
}

async function fetchFailure(url: string): Promise<unknown> {
  try {
    await fetch(url);
  } catch (error) {
    return fetchAdapter.failure(error).error;
  }
  return expect.fail(`fetch ${url} was answered`);
}

const uncaught: unknown[] = [];
const record = (error: unknown): void => {
  uncaught.push(error);
};
beforeAll(() => {
  process.on('uncaughtException', record);
  process.on('unhandledRejection', record);
});
afterAll(() => {
  process.off('uncaughtException', record);
  process.off('unhandledRejection', record);
});
beforeEach(() => pook.activate());
afterEach(async () => {
  pook.off();
  pook.disableNetwork();
  await new Promise((resolve) => setImmediate(resolve));
  expect(uncaught.splice(0)).toEqual([]);
});

describe('a custom matcher returning { pass: false } without an expectation', () => {
  const bare = (): MatchResult => ({ pass: false }) as MatchResult;

  it('fetch fails with the no-match report, not a TypeError of the report builder', async () => {
    pook.get('http://api.test/x').use(bare).reply(200);
    const error = await fetchFailure('http://api.test/x');
    expect(isPookError(error) && error.code).toBe('POOK_NO_MATCH');
    expect((error as Error).message).toContain('✗ custom matcher');
  });

  it('http.get fails with the no-match report instead of hanging', async () => {
    pook.get('http://api.test/x').use(bare).reply(200);
    const outcome = await httpGet('http://api.test/x');
    expect('error' in outcome && isPookError(outcome.error) && outcome.error.code).toBe('POOK_NO_MATCH');
  });
});

it('node:http: an engine that rejects fails the request with that error, never leaves it hanging', async () => {
  pook.disable();
  const interceptor = new HttpInterceptor();
  const broken = new Error('the engine broke');
  interceptor.activate({ handle: () => Promise.reject(broken) });
  try {
    expect(await httpGet('http://api.test/x')).toEqual({ error: broken });
  } finally {
    interceptor.disable();
  }
});

it('a reply(fn) answering a 1xx status fails http.get with a PookInvalidArgumentError instead of hanging', async () => {
  pook.get('http://api.test/early').reply(() => ({ status: 103 }));
  const outcome = await httpGet('http://api.test/early');
  expect('error' in outcome && outcome.error).toBeInstanceOf(PookInvalidArgumentError);
});

it('fetch fails on a mocked 407 as on a real one; node:http gets the response', async () => {
  const server = http.createServer((_req, res) => {
    res.writeHead(407, { 'Proxy-Authenticate': 'Basic' });
    res.end('x');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    pook.enableNetwork('127.0.0.1');
    const real = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`).catch((error: unknown) => error);
    expect(real).toBeInstanceOf(TypeError);
    pook.get('http://api.test/proxy').persist().reply(407).header('Proxy-Authenticate', 'Basic');
    const error = await fetchFailure('http://api.test/proxy');
    expect(isPookError(error) && error.message).toContain('fetch fails on a 407 response');
    expect(await httpGet('http://api.test/proxy')).toEqual({ status: 407 });
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('paths and queries', () => {
  it("path('//a/b') is that path, not the host a and the path /b", async () => {
    pook.mock('http://api.test').path('//a/b').persist().reply(200);
    expect(await httpGet('http://api.test//a/b')).toEqual({ status: 200 });
    expect((await fetch('http://api.test//a/b')).status).toBe(200);
    expect(isPookError(await fetchFailure('http://api.test/b'))).toBe(true);
    pook.mock('http://api.test').path('//%').reply(200);
    expect((await fetch('http://api.test//%')).status).toBe(200);
  });

  it('query keys named like Object.prototype members, and the empty key of ?=v', async () => {
    for (const key of ['toString', 'constructor', '__proto__', 'valueOf', 'hasOwnProperty', '']) {
      pook.get(`http://api.test/q?${key}=1`).reply(200);
      expect((await fetch(`http://api.test/q?other=2&${key}=1`)).status, key).toBe(200);
    }
  });

  it('a URL keeps a trailing U+00A0, U+3000 or U+FEFF, as the request URL does', async () => {
    for (const space of ['\u00a0', '\u3000', '\ufeff']) {
      pook.get(`http://api.test/p${space}`).persist().reply(200);
      expect((await fetch(`http://api.test/p${space}`)).status).toBe(200);
      expect(isPookError(await fetchFailure('http://api.test/p'))).toBe(true);
      pook.reset();
    }
  });
});

describe('headers, compared with real loopback servers', () => {
  let echo: EchoServer;
  let answering: http.Server;
  let answeringOrigin: string;
  const ODD_NAMES = ['__proto__', 'constructor', 'toString'];
  beforeAll(async () => {
    echo = await startServer();
    answering = http.createServer((_req, res) => {
      res.writeHead(200, [...ODD_NAMES.flatMap((name) => [name, `${name} value`]), 'Content-Length', '0']);
      res.end();
    });
    await new Promise<void>((resolve) => answering.listen(0, '127.0.0.1', resolve));
    answeringOrigin = `http://127.0.0.1:${(answering.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    answering.closeAllConnections();
    await new Promise((resolve) => answering.close(resolve));
    await closeServers(echo);
  });

  it('node:http: a request header value ending in a Latin-1 no-break space keeps it, as the server receives it', async () => {
    pook.enableNetwork('127.0.0.1');
    const headers = { 'x-a': 'v\u00a0' };
    const received = JSON.parse((await httpAdapter.request({ url: `${echo.origin}/`, headers })).body) as Echo;
    expect(received.headers['x-a']).toBe('v\u00a0');
    const mock = pook.get('http://api.test/h').header('x-a', 'v\u00a0').reply(200).mock;
    expect((await httpAdapter.request({ url: 'http://api.test/h', headers })).status).toBe(200);
    expect(mock.matches[0]!.headers.get('x-a')).toBe(received.headers['x-a']);
  });

  it('response headers named __proto__, constructor and toString reach fetch and undici as from a server', async () => {
    pook.enableNetwork('127.0.0.1');
    const response = pook.get('http://api.test/odd').persist().reply(200);
    for (const name of ODD_NAMES) response.header(name, `${name} value`);
    const fetched = async (url: string) => [...(await fetch(url)).headers].filter(([name]) => ODD_NAMES.map((n) => n.toLowerCase()).includes(name));
    expect(await fetched('http://api.test/odd')).toEqual(await fetched(`${answeringOrigin}/odd`));
    const own = async (url: string) => {
      const { headers, body } = await undici.request(url);
      await body.dump();
      return Object.fromEntries(
        Object.keys(headers).flatMap((name) =>
          ODD_NAMES.map((n) => n.toLowerCase()).includes(name) ? [[name, Object.getOwnPropertyDescriptor(headers, name)!.value]] : [],
        ),
      );
    };
    const real = await own(`${answeringOrigin}/odd`);
    expect(Object.keys(real)).toHaveLength(3);
    expect(await own('http://api.test/odd')).toEqual(real);
  });
});
