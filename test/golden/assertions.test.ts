import { afterEach, describe, expect, it } from 'vitest';
import pook, { isPookError, PookCallCountError, PookInvalidArgumentError, PookPendingMocksError, PookRequest, type PookRequestInit, PookUnmatchedRequestsError } from '../../src/index.js';

// Golden tests: the exact text of pook.assertDone(), pook.assertNoUnmatched()
// and mock.assertCalled() failures. Definition sites are lines of this file.

afterEach(() => pook.off());

/** Sends a request through the engine, as an interceptor does. */
async function send(init: PookRequestInit): Promise<string> {
  return (await pook.engine().handle(new PookRequest({ client: 'fetch', ...init }))).type;
}

function thrown(fn: () => void): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('pook.assertDone()', () => {
  it('passes when every mock is done', async () => {
    pook.get('https://api.test/users').reply(200);
    pook.get('https://api.test/teams').persist().reply(200);
    expect(await send({ method: 'GET', url: 'https://api.test/users' })).toBe('response');
    expect(await send({ method: 'GET', url: 'https://api.test/teams' })).toBe('response');
    expect(() => pook.assertDone()).not.toThrow();
  });

  it('throws a table of the pending mocks, then the unmatched request closest to each', async () => {
    pook.get('https://api.test/users').header('Accept', 'application/json').param('page', '1').reply(200);
    pook.post('https://api.test/users').json({ name: 'ada' }).times(2).reply(201);
    pook.get('https://api.test/health').persist().reply(204);
    pook.put('https://api.test/settings').reply(204);
    expect(await send({ method: 'PUT', url: 'https://api.test/settings' })).toBe('response');
    expect(await send({ method: 'POST', url: 'https://api.test/users', body: '{"name":"ada"}' })).toBe('response');
    expect(await send({ method: 'GET', url: 'https://api.test/users?page=2', headers: { accept: 'application/json' } })).toBe('error');
    expect(await send({ method: 'POST', url: 'https://api.test/users', body: '{"name":"bob"}' })).toBe('error');

    const error = thrown(() => pook.assertDone()) as PookPendingMocksError;
    expect(error).toBeInstanceOf(PookPendingMocksError);
    expect(isPookError(error)).toBe(true);
    expect([error.name, error.code]).toEqual(['PookPendingMocksError', 'POOK_PENDING_MOCKS']);
    expect(error.mocks.map((mock) => mock.label)).toEqual(['GET https://api.test/users', 'POST https://api.test/users', 'GET https://api.test/health']);
    expect(error.message).toBe(`pook: 3 mocks are still pending (not called as often as expected):

  #  METHOD  URL                      EXPECTATIONS                                            CALLS  USES LEFT  DEFINED AT
  1  GET     https://api.test/users   header "accept": "application/json", query "page": "1"  0      1          test/golden/assertions.test.ts:33
  2  POST    https://api.test/users   json: {"name":"ada"}                                    1      1          test/golden/assertions.test.ts:34
  3  GET     https://api.test/health  —                                                       0      ∞          test/golden/assertions.test.ts:35

Unmatched requests that came closest:
  1. GET https://api.test/users?page=2 — matches except for query "page"
     ✗ query "page": expected "1", got "2"
  2. POST https://api.test/users — matches except for json
     ✗ json: $.name: expected "ada", got "bob"`);
  });

  it('one pending mock, nothing unmatched', () => {
    pook.delete('api.test/users/1').reply(204);
    expect((thrown(() => pook.assertDone()) as Error).message).toBe(`pook: 1 mock is still pending (not called as often as expected):

  #  METHOD  URL               EXPECTATIONS  CALLS  USES LEFT  DEFINED AT
  1  DELETE  api.test/users/1  —             0      1          test/golden/assertions.test.ts:62`);
  });
});

describe('pook.assertNoUnmatched()', () => {
  it('passes when every request matched', async () => {
    pook.get('https://api.test/users').reply(200);
    expect(await send({ method: 'GET', url: 'https://api.test/users' })).toBe('response');
    expect(() => pook.assertNoUnmatched()).not.toThrow();
  });

  it('lists every unmatched request, blocked or passed through, with the closest mock now', async () => {
    pook.get('https://api.test/users').param('page', '1').reply(200);
    pook.enableNetwork('localhost');
    expect(await send({ method: 'GET', url: 'https://api.test/users?page=2' })).toBe('error');
    expect(await send({ method: 'POST', url: 'http://localhost:8080/events', headers: { 'content-type': 'application/json' }, body: '{"type":"click"}' })).toBe('passthrough');

    const error = thrown(() => pook.assertNoUnmatched()) as PookUnmatchedRequestsError;
    expect(error).toBeInstanceOf(PookUnmatchedRequestsError);
    expect([error.name, error.code]).toEqual(['PookUnmatchedRequestsError', 'POOK_UNMATCHED']);
    expect(error.requests.map((request) => request.url.href)).toEqual(['https://api.test/users?page=2', 'http://localhost:8080/events']);
    expect(error.message).toBe(`pook: 2 requests matched no mock:

  1. GET https://api.test/users?page=2 (blocked)
       closest mock: GET https://api.test/users — matches except for query "page" (defined at test/golden/assertions.test.ts:78)

  2. POST http://localhost:8080/events (sent to the real network)
       content-type: application/json
       body (16 bytes, JSON):
         {
           "type": "click"
         }`);
  });

  it('with { passedThrough: false }, lists only the blocked requests, and passes when networking let every one through', async () => {
    pook.get('https://api.test/users').param('page', '1').reply(200);
    pook.enableNetwork('localhost');
    expect(await send({ method: 'POST', url: 'http://localhost:8080/events' })).toBe('passthrough');
    expect(() => pook.assertNoUnmatched({ passedThrough: false })).not.toThrow();
    expect(() => pook.assertNoUnmatched({ passedThrough: true })).toThrow(PookUnmatchedRequestsError);

    expect(await send({ method: 'GET', url: 'https://api.test/users?page=2' })).toBe('error');
    const error = thrown(() => pook.assertNoUnmatched({ passedThrough: false })) as PookUnmatchedRequestsError;
    expect(error.requests.map((request) => request.url.href)).toEqual(['https://api.test/users?page=2']);
    expect(error.message).toBe(`pook: 1 request matched no mock:

  1. GET https://api.test/users?page=2 (blocked)
       closest mock: GET https://api.test/users — matches except for query "page" (defined at test/golden/assertions.test.ts:101)`);
  });

  it('rejects options that are not an object with a boolean passedThrough', () => {
    for (const bad of [null, 'no', { passedThrough: 'no' }]) {
      const error = thrown(() => pook.assertNoUnmatched(bad as never));
      expect(error, String(bad)).toBeInstanceOf(PookInvalidArgumentError);
    }
  });
});

describe('mock.assertCalled(n?)', () => {
  it('returns the mock when the calls are as asserted', async () => {
    const mock = pook.get('https://api.test/users').times(2).reply(200).mock;
    expect(() => mock.assertCalled(0)).not.toThrow();
    await send({ method: 'GET', url: 'https://api.test/users' });
    expect(mock.assertCalled()).toBe(mock);
    expect(mock.assertCalled(1)).toBe(mock);
  });

  it('never called, asserted at least once', () => {
    const mock = pook.get('https://api.test/health').persist().reply(204).mock;
    const error = thrown(() => mock.assertCalled()) as PookCallCountError;
    expect(error).toBeInstanceOf(PookCallCountError);
    expect([error.name, error.code, error.mock, error.expected, error.actual]).toEqual(['PookCallCountError', 'POOK_CALL_COUNT', mock, undefined, 0]);
    expect(error.message).toBe(`pook: GET https://api.test/health was called 0 times, expected at least once.

  GET https://api.test/health {
    persistent, 0 calls, pending
    defined at test/golden/assertions.test.ts:134
  }`);
  });

  it('called a different number of times', async () => {
    const mock = pook.post('https://api.test/users').json({ name: 'ada' }).times(3).reply(201).mock;
    await send({ method: 'POST', url: 'https://api.test/users', body: '{"name":"ada"}' });
    const error = thrown(() => mock.assertCalled(2)) as PookCallCountError;
    expect([error.expected, error.actual]).toEqual([2, 1]);
    expect(error.message).toBe(`pook: POST https://api.test/users was called 1 time, expected 2 times.

  POST https://api.test/users {
    expects: json: {"name":"ada"}
    times(3), 1 call, pending
    defined at test/golden/assertions.test.ts:147
  }`);
  });

  it('rejects a count that is not an integer >= 0', () => {
    const mock = pook.get('api.test');
    expect(thrown(() => mock.assertCalled(-1))).toBeInstanceOf(PookInvalidArgumentError);
    expect(thrown(() => mock.assertCalled(1.5))).toBeInstanceOf(PookInvalidArgumentError);
  });
});

describe('pook.assertDone(), mocks without a path', () => {
  it('says which pending mocks match any path', () => {
    pook.get('https://api.test').reply(200);
    pook.origin('https://api.test').get('/users').reply(200);
    pook.post('api.test:8080').reply(201);
    expect((thrown(() => pook.assertDone()) as Error).message).toBe(`pook: 3 mocks are still pending (not called as often as expected):

  #  METHOD  URL                     EXPECTATIONS  CALLS  USES LEFT  DEFINED AT
  1  GET     https://api.test        —             0      1          test/golden/assertions.test.ts:169
  2  GET     https://api.test/users  —             0      1          test/golden/assertions.test.ts:170
  3  POST    api.test:8080           —             0      1          test/golden/assertions.test.ts:171

  #1, #3: the URL has no path, so they match any path (write one, or use pook.origin(url).get(path))`);
  });
});
