// The shared client contract (STYLE "Tests"): the standard behaviours are
// defined once here, as Python pook's tests/unit/interceptors/base.py does,
// and each client's test file supplies only an adapter that performs a
// request with that client and reads its response or error.

import zlib from 'node:zlib';
import FakeTimers from '@sinonjs/fake-timers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import pook, { PookNoMatchesError } from '../../src/index.js';
import type { AnyBody, BodyKind } from '../helpers/bodies.js';
import { spyDns } from '../helpers/dns-spy.js';
import { type Echo, type EchoServer, startServer } from '../helpers/servers.js';
import { describeWire } from './wire.js';

/** What a test asks the client to send. */
export interface ContractRequest {
  readonly url: string;
  /** Upper case; GET when absent. */
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Text, or a body of another kind (test/helpers/bodies.ts) that the adapter makes into its client's own. */
  readonly body?: AnyBody;
  /**
   * The client's own timeout, in milliseconds, set the way its users set it
   * (an option, `AbortSignal.timeout()`, `setTimeout()` on the request…);
   * none when absent.
   */
  readonly timeout?: number;
}

/** What the client received, normalised. */
export interface ContractResponse {
  readonly status: number;
  /** Lower-case names; every header but `set-cookie`, repeated values joined with `', '`. */
  readonly headers: Readonly<Record<string, string>>;
  /** Each `Set-Cookie` value, in order. */
  readonly setCookie: readonly string[];
  /** The whole body as text. */
  readonly body: string;
  /** The whole body as the client returned it, byte for byte. */
  readonly bytes: Uint8Array;
}

/** A failed request, as the client reported it. */
export interface ClientFailure {
  /**
   * The error pook (or the mock) raised, when the client keeps a reference to
   * it (`cause` of fetch, axios and got, or the error itself for node:http).
   */
  readonly error: unknown;
  /** The `code` the client's own error carries. */
  readonly code: unknown;
  /** The message of the client's own error. */
  readonly message: string;
}

/** One client family under test. */
export interface ClientAdapter {
  /** Shown in the test names. */
  readonly name: string;
  /** Scheme of the mocks and of the loopback server (default `http`). */
  readonly protocol?: 'http' | 'https';
  /** The client can send GET requests only, without a body (e.g. `http.get`). */
  readonly getOnly?: boolean;
  /** The body kinds the client has no way to send, each with the reason (the wire tests skip them). */
  readonly cannotSend?: Readonly<Partial<Record<BodyKind, string>>>;
  /**
   * The client's error keeps only the code and message of the error it
   * wraps, not the error object (node-fetch's `FetchError`).
   */
  readonly losesError?: boolean;
  /**
   * The client reports a failure with no detail at all (XMLHttpRequest's
   * `error` event): only the fact that it failed can be checked.
   */
  readonly opaqueErrors?: boolean;
  /** The client never shows `Set-Cookie` (XMLHttpRequest, as browsers). */
  readonly hidesSetCookie?: boolean;
  /** The client decodes `Content-Encoding` bodies (fetch, axios, got…); raw clients return the encoded bytes. */
  readonly decompresses: boolean;
  /** The client follows redirects by itself (fetch, axios, got…); raw clients return the 3xx. */
  readonly followsRedirects: boolean;
  /** Performs the request with the client; resolves with any status. */
  request(request: ContractRequest): Promise<ContractResponse>;
  /**
   * Checks that `thrown` has the client's normal error shape (with `expect`)
   * and returns what it says.
   */
  failure(thrown: unknown): ClientFailure;
}

/** Registers the standard tests for one client. */
export function describeContract(adapter: ClientAdapter): void {
  const protocol = adapter.protocol ?? 'http';
  const api = (path: string): string => `${protocol}://api.test${path}`;
  const withBody = adapter.getOnly ? it.skip : it;

  /** Runs the request; it must fail; returns the client's failure. */
  async function fail(request: ContractRequest): Promise<ClientFailure> {
    let thrown: unknown;
    let response: ContractResponse | undefined;
    try {
      response = await adapter.request(request);
    } catch (error) {
      thrown = error;
    }
    if (response !== undefined)
      expect.fail(`expected ${request.method ?? 'GET'} ${request.url} to fail, got ${response.status} ${JSON.stringify(response.body.slice(0, 80))}`);
    return adapter.failure(thrown);
  }

  /** The request must fail with a PookNoMatchesError in the client's error shape. */
  async function expectNoMatch(request: ContractRequest): Promise<void> {
    const before = pook.unmatched();
    const failure = await fail(request);
    expect(pook.unmatched()).toBe(before + 1);
    if (adapter.opaqueErrors) return;
    expect(failure.code).toBe('POOK_NO_MATCH');
    expect(failure.message).toContain('pook: no mock matches');
    if (!adapter.losesError) {
      expect(failure.error).toBeInstanceOf(PookNoMatchesError);
      expect((failure.error as PookNoMatchesError).request.url.href).toBe(new URL(request.url).href);
    }
  }

  async function bodies(count: number, request: ContractRequest): Promise<string[]> {
    const out: string[] = [];
    for (let i = 0; i < count; i++) out.push((await adapter.request(request)).body);
    return out;
  }

  describe(`${adapter.name}: pook contract`, () => {
    beforeEach(() => pook.activate());
    afterEach(() => {
      vi.useRealTimers();
      pook.off();
      pook.disableNetwork();
    });

    describe('matching order and expiry', () => {
      it('uses identical mocks FIFO, each one until it expires', async () => {
        pook.get(api('/fifo')).reply(200).body('first');
        pook.get(api('/fifo')).times(2).reply(200).body('second');
        pook.get(api('/fifo')).reply(200).body('third');
        expect(await bodies(4, { url: api('/fifo') })).toEqual(['first', 'second', 'second', 'third']);
        expect(pook.isDone()).toBe(true);
        await expectNoMatch({ url: api('/fifo') });
      });

      it('makes a mock volatile by default: a second identical request fails', async () => {
        const mock = pook.get(api('/once')).reply(200).body('once').mock;
        expect((await adapter.request({ url: api('/once') })).body).toBe('once');
        expect(mock.isDone()).toBe(true);
        await expectNoMatch({ url: api('/once') });
        expect(mock.calls).toBe(1);
      });

      for (const [label, define] of [
        ['times(5)', () => pook.get(api('/five')).times(5).reply(200).body('ok').mock],
        ['{ times: 5 }', () => pook.get(api('/five'), { times: 5, reply: 200, responseBody: 'ok' })],
      ] as const) {
        it(`${label} matches exactly five times; the sixth request fails`, async () => {
          const mock = define();
          expect(await bodies(5, { url: api('/five') })).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
          expect(mock.isDone()).toBe(true);
          await expectNoMatch({ url: api('/five') });
          expect(mock.calls).toBe(5);
          expect(pook.unmatched()).toBe(1);
        });
      }

      for (const [label, define] of [
        ['persist()', () => pook.get(api('/always')).persist().reply(200).body('ok').mock],
        ['{ persist: true }', () => pook.get(api('/always'), { persist: true, reply: 200, responseBody: 'ok' })],
      ] as const) {
        it(`${label} never expires`, async () => {
          const mock = define();
          expect(await bodies(20, { url: api('/always') })).toEqual(Array.from({ length: 20 }, () => 'ok'));
          expect(mock.calls).toBe(20);
          expect(mock.isDone()).toBe(true);
          expect(pook.pending()).toBe(0);
          expect(pook.unmatched()).toBe(0);
        });
      }
    });

    describe('concurrency', () => {
      it('answers concurrent requests, each from its own mock in FIFO order', async () => {
        const mocks = Array.from({ length: 10 }, (_, i) => pook.get(api('/parallel')).reply(200).body(`reply ${i}`).mock);
        const responses = await Promise.all(Array.from({ length: 10 }, () => adapter.request({ url: api('/parallel') })));
        expect(responses.map((response) => response.body).sort()).toEqual(mocks.map((_, i) => `reply ${i}`).sort());
        expect(mocks.every((mock) => mock.calls === 1)).toBe(true);
        await expectNoMatch({ url: api('/parallel') });
      });
    });

    describe('the request matchers see', () => {
      withBody('has the method the client sent', async () => {
        const decoy = pook.put(api('/method')).reply(200).body('put').mock;
        const patch = pook.patch(api('/method')).reply(200).body('patch').mock;
        expect((await adapter.request({ url: api('/method'), method: 'PATCH', headers: { 'content-type': 'text/plain' }, body: 'x' })).body).toBe('patch');
        expect(patch.matches[0]?.method).toBe('PATCH');
        expect(decoy.calls).toBe(0);
      });

      it('has every header the client sent', async () => {
        const decoy = pook.get(api('/headers')).header('X-Pook-Test', 'other').reply(200).body('decoy').mock;
        const mock = pook
          .get(api('/headers'))
          .header('X-Pook-Test', 'contract')
          .header('authorization', /^Bearer abc$/)
          .headerPresent('x-second')
          .headerAbsent('x-never')
          .reply(200)
          .body('right').mock;
        const response = await adapter.request({ url: api('/headers'), headers: { 'x-pook-test': 'contract', Authorization: 'Bearer abc', 'X-Second': '2' } });
        expect(response.body).toBe('right');
        expect(decoy.calls).toBe(0);
        expect(mock.matches[0]?.headers.get('x-second')).toBe('2');
        expect(mock.matches[0]?.headers.get('host')).toBe('api.test');
      });

      it('has the whole URL with its query', async () => {
        const decoy = pook.get(api('/query')).param('page', '3').reply(200).body('decoy').mock;
        const mock = pook
          .get(api('/query'))
          .params({ page: '2', tag: ['a', 'b'] })
          .reply(200)
          .body('right').mock;
        expect((await adapter.request({ url: api('/query?page=2&tag=a&tag=b') })).body).toBe('right');
        expect(decoy.calls).toBe(0);
        expect(mock.matches[0]?.url.href).toBe(api('/query?page=2&tag=a&tag=b'));
      });

      withBody('has the whole JSON body', async () => {
        const decoy = pook.post(api('/json')).json({ name: 'bob' }).reply(200).body('decoy').mock;
        pook
          .post(api('/json'))
          .type('json')
          .json({ tags: ['x', 'y'], nested: { n: 1 }, name: 'ada' })
          .reply(201)
          .body('right');
        const body = JSON.stringify({ name: 'ada', tags: ['x', 'y'], nested: { n: 1 } });
        const response = await adapter.request({ url: api('/json'), method: 'POST', headers: { 'content-type': 'application/json' }, body });
        expect(response.status).toBe(201);
        expect(response.body).toBe('right');
        expect(decoy.calls).toBe(0);
      });

      withBody('has the whole text body, however many chunks it was written in', async () => {
        // ~190 KB: more than one socket write and one TCP segment.
        const text = Array.from({ length: 20_000 }, (_, i) => `line ${i}`).join('\n');
        const decoy = pook.post(api('/text')).body(text.slice(0, -1)).reply(200).body('decoy').mock;
        const mock = pook.post(api('/text')).body(text).reply(200).body('right').mock;
        const response = await adapter.request({ url: api('/text'), method: 'POST', headers: { 'content-type': 'text/plain' }, body: text });
        expect(response.body).toBe('right');
        expect(decoy.calls).toBe(0);
        expect(mock.matches[0]?.text.length).toBe(text.length);
      });
    });

    describe('the response the client gets', () => {
      it('has the status, headers (each Set-Cookie) and body of the mock', async () => {
        pook
          .get(api('/response'))
          .reply(201)
          .header('X-Reply', 'yes')
          .header('Set-Cookie', 'a=1; Path=/')
          .header('Set-Cookie', 'b=2; Path=/')
          .type('text')
          .body('created');
        const response = await adapter.request({ url: api('/response') });
        expect(response.status).toBe(201);
        expect(response.headers['x-reply']).toBe('yes');
        expect(response.headers['content-type']).toMatch(/^text\/plain/);
        expect(response.setCookie).toEqual(adapter.hidesSetCookie ? [] : ['a=1; Path=/', 'b=2; Path=/']);
        expect(response.body).toBe('created');
      });

      it('has a JSON body and its content type', async () => {
        pook
          .get(api('/json-response'))
          .reply(200)
          .json({ ok: true, list: [1, 2] });
        const response = await adapter.request({ url: api('/json-response') });
        expect(response.headers['content-type']).toBe('application/json');
        expect(JSON.parse(response.body)).toEqual({ ok: true, list: [1, 2] });
      });

      it('fails through the client error path on mock.error()', async () => {
        const boom = new Error('boom from the mock');
        const mock = pook.get(api('/error')).error(boom);
        const failure = await fail({ url: api('/error') });
        if (adapter.opaqueErrors) expect(failure.error).toBeUndefined();
        else if (adapter.losesError) expect(failure.message).toContain('boom from the mock');
        else expect(failure.error).toBe(boom);
        expect(mock.calls).toBe(1);
        expect(pook.unmatched()).toBe(0);
      });

      it('computes the response with reply(fn)', async () => {
        const mock = pook
          .get(api('/dynamic'))
          .times(2)
          .reply((req) => ({ status: 202, headers: { 'X-Method': req.method }, json: { q: req.query.q, header: req.headers.get('x-pook-test') } }));
        for (const q of ['one', 'two']) {
          const response = await adapter.request({ url: api(`/dynamic?q=${q}`), headers: { 'x-pook-test': `h-${q}` } });
          expect(response.status).toBe(202);
          expect(response.headers['x-method']).toBe('GET');
          expect(JSON.parse(response.body)).toEqual({ q: [q], header: `h-${q}` });
        }
        expect(mock.calls).toBe(2);
      });

      withBody('computes the response from the request body with reply(fn)', async () => {
        pook.post(api('/double')).reply((req) => ({ json: { doubled: (req.json as { n: number }).n * 2 } }));
        const response = await adapter.request({ url: api('/double'), method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"n":21}' });
        expect(response.status).toBe(200);
        expect(JSON.parse(response.body)).toEqual({ doubled: 42 });
      });

      it('accepts a WHATWG Response from reply(fn)', async () => {
        pook.get(api('/whatwg')).reply(() => new Response('from a Response', { status: 203, headers: { 'X-Kind': 'response' } }));
        const response = await adapter.request({ url: api('/whatwg') });
        expect(response.status).toBe(203);
        expect(response.headers['x-kind']).toBe('response');
        expect(response.body).toBe('from a Response');
      });

      it('holds a delayed response back until its delay has passed', async () => {
        // Fake timers make the ordering deterministic: the delayed response
        // cannot arrive before the clock is moved, whatever the machine's load.
        vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
        pook.get(api('/slow')).delay(5_000).reply(200).body('slow');
        pook.get(api('/fast')).reply(200).body('fast');
        const order: string[] = [];
        const slow = adapter.request({ url: api('/slow') }).then((response) => order.push(response.body));
        order.push((await adapter.request({ url: api('/fast') })).body);
        expect(order).toEqual(['fast']);
        // Move the clock until the delay timer has been set and has fired (bounded).
        for (let i = 0; i < 200 && order.length < 2; i++) {
          await vi.advanceTimersByTimeAsync(5_000);
          await new Promise((resolve) => setImmediate(resolve));
        }
        await slow;
        expect(order).toEqual(['fast', 'slow']);
      });

      it('holds a delayed response back under @sinonjs/fake-timers until the clock is ticked', async () => {
        const clock = FakeTimers.install({ toFake: ['setTimeout', 'clearTimeout'] });
        try {
          pook.get(api('/sinon')).delay(60_000).reply(200).body('released');
          let settled = false;
          const pending = adapter.request({ url: api('/sinon') }).finally(() => (settled = true));
          // Turns of the event loop (not faked) let the request reach pook and wait there.
          for (let i = 0; i < 50; i++) await new Promise((resolve) => setImmediate(resolve));
          expect(settled).toBe(false);
          // A minute of fake time passes at once: no real waiting.
          for (let i = 0; i < 200 && !settled; i++) {
            await clock.tickAsync(60_000);
            await new Promise((resolve) => setImmediate(resolve));
          }
          expect((await pending).body).toBe('released');
        } finally {
          clock.uninstall();
        }
      });

      it('delivers a delayed response with real timers', async () => {
        const mock = pook.get(api('/delayed')).delay(20).reply(200).body('late').mock;
        expect((await adapter.request({ url: api('/delayed') })).body).toBe('late');
        expect(mock.isDone()).toBe(true);
      });
    });

    describe('fidelity: as a real server answers', () => {
      it('sends no body for 204 and 304, nor for HEAD', async () => {
        pook.get(api('/no-content')).reply(204).body('never sent');
        pook.get(api('/not-modified')).reply(304).header('ETag', '"v1"').body('never sent');
        for (const path of ['/no-content', '/not-modified']) {
          const response = await adapter.request({ url: api(path) });
          expect(response.status).toBe(path === '/no-content' ? 204 : 304);
          expect(response.bytes.byteLength).toBe(0);
        }
        if (adapter.getOnly) return;
        pook.head(api('/head')).reply(200).type('text').body('the GET body');
        const head = await adapter.request({ url: api('/head'), method: 'HEAD' });
        expect(head.status).toBe(200);
        expect(head.headers['content-length']).toBe('12');
        expect(head.bytes.byteLength).toBe(0);
      });

      it('sends a binary body byte for byte', async () => {
        const bytes = new Uint8Array(256 * 1024).map((_, i) => (i * 7 + (i >> 8)) & 0xff);
        pook.get(api('/binary')).reply(200).type('application/octet-stream').body(bytes);
        const response = await adapter.request({ url: api('/binary') });
        expect(response.bytes.byteLength).toBe(bytes.byteLength);
        expect(Buffer.from(response.bytes).equals(Buffer.from(bytes))).toBe(true);
      });

      for (const coding of ['gzip', 'deflate', 'br'] as const) {
        it(`encodes the body of a Content-Encoding: ${coding} mock, as a server does`, async () => {
          const text = `compressed with ${coding}: ${'pook '.repeat(2_000)}`;
          pook
            .get(api(`/${coding}`))
            .reply(200)
            .type('text')
            .header('Content-Encoding', coding)
            .body(text);
          const response = await adapter.request({ url: api(`/${coding}`) });
          if (adapter.decompresses) {
            expect(response.body).toBe(text);
          } else {
            // The raw client gets the encoded bytes a server would send.
            expect(response.bytes.byteLength).toBeLessThan(text.length / 10);
            const decode = { gzip: zlib.gunzipSync, deflate: zlib.inflateSync, br: zlib.brotliDecompressSync }[coding];
            expect(decode(response.bytes).toString('utf8')).toBe(text);
          }
        });
      }

      for (const status of [301, 302, 303, 307, 308]) {
        it(`follows a ${status} mock to the next mock${adapter.followsRedirects ? '' : ' (or returns it, as this client does)'}`, async () => {
          const redirect = pook
            .get(api(`/from-${status}`))
            .reply(status)
            .header('Location', api(`/to-${status}`)).mock;
          const target = pook
            .get(api(`/to-${status}`))
            .reply(200)
            .body(`landed after ${status}`).mock;
          const response = await adapter.request({ url: api(`/from-${status}`) });
          expect(redirect.calls).toBe(1);
          if (adapter.followsRedirects) {
            expect(response.status).toBe(200);
            expect(response.body).toBe(`landed after ${status}`);
            expect(target.calls).toBe(1);
          } else {
            expect(response.status).toBe(status);
            expect(response.headers.location).toBe(api(`/to-${status}`));
            expect(target.calls).toBe(0);
          }
        });
      }

      withBody('turns a POST answered by 303 into a GET of the Location', async () => {
        pook.post(api('/form')).body('a=1').reply(303).header('Location', api('/done'));
        const done = pook.get(api('/done')).reply(200).body('done').mock;
        const response = await adapter.request({
          url: api('/form'),
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'a=1',
        });
        if (!adapter.followsRedirects) {
          expect(response.status).toBe(303);
          return;
        }
        expect(response.body).toBe('done');
        expect(done.matches[0]?.method).toBe('GET');
        expect(done.matches[0]?.body).toBeUndefined();
      });

      for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE'] as const) {
        it(`fails on error('${code}') as on a real ${code}`, async () => {
          const mock = pook.get(api(`/${code}`)).error(code);
          const failure = await fail({ url: api(`/${code}`) });
          expect(mock.calls).toBe(1);
          if (adapter.opaqueErrors) return;
          expect(failure.code).toBe(code);
          expect(failure.message).toContain(code);
          if (adapter.losesError) return;
          const error = failure.error as NodeJS.ErrnoException;
          expect(error.code).toBe(code);
          expect(error.errno).toBeLessThan(0);
          expect(error.message).toMatch(new RegExp(`^(connect|read|write|getaddrinfo) ${code}\\b`));
          expect(error.syscall).toBe(error.message.split(' ')[0]);
        });
      }
    });

    describe('real networking', () => {
      let server: EchoServer;
      beforeEach(async () => {
        server = await startServer({ protocol });
      });
      afterEach(async () => {
        await server.close();
      });

      const echoOf = (response: ContractResponse): Echo => {
        expect(response.headers['x-echo']).toBe('real');
        return JSON.parse(response.body) as Echo;
      };

      it('is off by default: an unmatched request fails and opens no connection', async () => {
        await expectNoMatch({ url: `${server.origin}/blocked` });
        expect(await server.settledConnections()).toBe(0);
        expect(server.requests).toEqual([]);
        expect(pook.unmatchedRequests().map((req) => req.url.href)).toEqual([`${server.origin}/blocked`]);
      });

      it('resolves no hostname for a mocked or a blocked request', async () => {
        const dns = spyDns();
        try {
          pook.get(api('/dns')).reply(200).body('mocked');
          expect((await adapter.request({ url: api('/dns') })).body).toBe('mocked');
          await expectNoMatch({ url: api('/dns-blocked') });
          expect(dns.hostnames).toEqual([]);
          // Control: the spy does see the lookup of a request that goes out.
          pook.enableNetwork('localhost');
          echoOf(await adapter.request({ url: `${protocol}://localhost:${server.port}/control` }));
          expect(dns.hostnames).toContain('localhost');
        } finally {
          dns.restore();
        }
      });

      it('enableNetwork() lets an unmatched request through, whole, and records it', async () => {
        pook.enableNetwork();
        const request: ContractRequest = adapter.getOnly
          ? { url: `${server.origin}/real?x=1`, headers: { 'x-pook-test': 'through' } }
          : {
              url: `${server.origin}/real?x=1`,
              method: 'PUT',
              headers: { 'x-pook-test': 'through', 'content-type': 'application/json' },
              body: '{"real":true}',
            };
        const response = await adapter.request(request);
        expect(response.status).toBe(200);
        expect(response.setCookie).toEqual(adapter.hidesSetCookie ? [] : ['real1=a; Path=/', 'real2=b; Path=/']);
        const echo = echoOf(response);
        expect(echo.method).toBe(request.method ?? 'GET');
        expect(echo.url).toBe('/real?x=1');
        expect(echo.headers['x-pook-test']).toBe('through');
        expect(echo.body).toBe(request.body ?? '');
        if (request.body !== undefined) expect(echo.headers['content-type']).toBe('application/json');
        expect(await server.settledConnections()).toBe(1);
        const unmatched = pook.unmatchedRequests();
        expect(unmatched).toHaveLength(1);
        expect(unmatched[0]?.method).toBe(request.method ?? 'GET');
        expect(unmatched[0]?.url.href).toBe(`${server.origin}/real?x=1`);
        // Every header the client wrote (as pook saw it) reached the server unchanged.
        const seen = Object.fromEntries(unmatched[0]!.headers);
        expect(Object.keys(seen).length).toBeGreaterThan(1);
        expect(Object.fromEntries(Object.keys(seen).map((name) => [name, echo.headers[name]]))).toEqual(seen);
      });

      it("enableNetwork('localhost') lets localhost through and keeps 127.0.0.1 blocked", async () => {
        pook.enableNetwork('localhost');
        echoOf(await adapter.request({ url: `${protocol}://localhost:${server.port}/allowed` }));
        await expectNoMatch({ url: `${protocol}://127.0.0.1:${server.port}/blocked` });
        expect(await server.settledConnections()).toBe(1);
        expect(server.requests.map((echo) => echo.url)).toEqual(['/allowed']);
        expect(pook.unmatched()).toBe(2);
      });

      it('useNetworkFilter() decides which requests go out; flushNetworkFilters() removes it', async () => {
        pook.enableNetwork();
        pook.useNetworkFilter((req) => req.url.pathname === '/allowed');
        echoOf(await adapter.request({ url: `${server.origin}/allowed` }));
        await expectNoMatch({ url: `${server.origin}/denied` });
        expect(server.requests.map((echo) => echo.url)).toEqual(['/allowed']);
        pook.flushNetworkFilters();
        echoOf(await adapter.request({ url: `${server.origin}/denied` }));
        expect(server.requests.map((echo) => echo.url)).toEqual(['/allowed', '/denied']);
      });

      it('disableNetwork() blocks again', async () => {
        pook.enableNetwork();
        pook.disableNetwork();
        await expectNoMatch({ url: `${server.origin}/blocked` });
        expect(await server.settledConnections()).toBe(0);
      });

      it('handles IPv6 loopback URLs: mocked, blocked and let through', async () => {
        const v6 = await startServer({ protocol, host: '::1' });
        try {
          pook.get(`${v6.origin}/mocked`).reply(200).body('mocked');
          expect((await adapter.request({ url: `${v6.origin}/mocked` })).body).toBe('mocked');
          await expectNoMatch({ url: `${v6.origin}/blocked` });
          expect(await v6.settledConnections()).toBe(0);
          // The hostname of an IPv6 URL is bracketed (WHATWG URL), so is the filter.
          pook.enableNetwork('[::1]');
          expect(echoOf(await adapter.request({ url: `${v6.origin}/real` })).url).toBe('/real');
          expect(pook.unmatchedRequests().map((req) => req.url.href)).toEqual([`${v6.origin}/blocked`, `${v6.origin}/real`]);
          expect(await v6.settledConnections()).toBe(1);
        } finally {
          await v6.close();
        }
      });

      it('answers a matched request from the mock without reaching the server', async () => {
        pook.enableNetwork();
        const mock = pook.get(`${server.origin}/matched`).reply(200).body('mocked').mock;
        const response = await adapter.request({ url: `${server.origin}/matched` });
        expect(response.body).toBe('mocked');
        expect(response.headers['x-echo']).toBeUndefined();
        expect(mock.calls).toBe(1);
        expect(await server.settledConnections()).toBe(0);
        expect(pook.unmatched()).toBe(0);
      });
    });

    describeWire(adapter);
  });
}
