import { afterEach, describe, expect, it } from 'vitest';
import pook from '../../src/index.js';

afterEach(() => pook.off());

const tryFetch = (url: string) =>
  fetch(url).then(
    (r) => r.status,
    () => 'failed' as const,
  );

describe('pending / isPending / pendingMocks / isDone', () => {
  it('follow the registered mocks', async () => {
    pook.activate();
    expect([pook.pending(), pook.isPending(), pook.isDone()]).toEqual([0, false, true]);
    const a = pook.get('api.test/a').reply(200).mock;
    const b = pook.get('api.test/b').times(2).reply(200).mock;
    expect([pook.pending(), pook.isPending(), pook.isDone()]).toEqual([2, true, false]);
    expect(pook.pendingMocks()).toEqual([a, b]);
    await tryFetch('http://api.test/a');
    await tryFetch('http://api.test/b');
    expect(pook.pendingMocks()).toEqual([b]);
    expect(pook.pending()).toBe(1);
    await tryFetch('http://api.test/b');
    expect([pook.pending(), pook.isPending(), pook.isDone()]).toEqual([0, false, true]);
  });

  it('isPending is a boolean and pending a number', () => {
    pook.get('api.test');
    expect(typeof pook.isPending()).toBe('boolean');
    expect(typeof pook.pending()).toBe('number');
  });

  it('a persistent mock is pending until matched once', async () => {
    pook.activate();
    pook.get('api.test').persist().reply(200);
    expect(pook.isDone()).toBe(false);
    await tryFetch('http://api.test/');
    expect(pook.isDone()).toBe(true);
  });
});

describe('unmatchedRequests / unmatched / isUnmatched', () => {
  it('record every request no mock matched, in order', async () => {
    pook.activate();
    pook.get('api.test/ok').reply(200);
    expect([pook.unmatched(), pook.isUnmatched(), pook.unmatchedRequests()]).toEqual([0, false, []]);
    expect(await tryFetch('http://api.test/ok')).toBe(200);
    expect(await tryFetch('http://api.test/missing')).toBe('failed');
    expect(await tryFetch('https://other.test/x?y=1')).toBe('failed');
    expect([pook.unmatched(), pook.isUnmatched()]).toEqual([2, true]);
    expect(pook.unmatchedRequests().map((r) => `${r.method} ${r.url.href} ${r.client}`)).toEqual([
      'GET http://api.test/missing fetch',
      'GET https://other.test/x?y=1 fetch',
    ]);
  });
});

describe('regex()', () => {
  it('is case-insensitive by default', () => {
    const re = pook.regex('api\\.test/users');
    expect(re).toBeInstanceOf(RegExp);
    expect(re.flags).toBe('i');
    expect(re.test('http://API.test/Users')).toBe(true);
  });

  it('takes explicit flags, and a RegExp source', () => {
    expect(pook.regex('abc', '').test('ABC')).toBe(false);
    expect(pook.regex(/abc/, 'gi').flags).toBe('gi');
    expect(pook.regex(/abc/).test('xABCx')).toBe(true);
  });

  it('can be a mock URL', async () => {
    pook.activate();
    pook.get(pook.regex('API\\.TEST/users/\\d+$')).reply(200);
    expect(await tryFetch('http://api.test/users/42')).toBe(200);
  });

  it('rejects a bad source or flags', () => {
    expect(() => pook.regex('(')).toThrow(pook.PookInvalidArgumentError);
    expect(() => pook.regex('a', 'zz')).toThrow(pook.PookInvalidArgumentError);
    expect(() => pook.regex(1 as unknown as string)).toThrow(pook.PookInvalidArgumentError);
  });
});

describe('mock definition functions', () => {
  it.each([
    ['get', 'GET'],
    ['post', 'POST'],
    ['put', 'PUT'],
    ['patch', 'PATCH'],
    ['delete', 'DELETE'],
    ['head', 'HEAD'],
    ['options', 'OPTIONS'],
  ] as const)('%s() registers a %s mock', (name, method) => {
    const mock = pook[name]('api.test/x');
    expect(mock).toBeInstanceOf(pook.Mock);
    expect(mock.label).toBe(`${method} api.test/x`);
    expect(pook.engine().mocks).toEqual([mock]);
  });

  it('mock() registers a mock for any method, or the method given in the options', () => {
    const any = pook.mock('api.test/x');
    expect(any.label).toBe('ANY api.test/x');
    expect(pook.mock('api.test/x', { method: 'put' }).label).toBe('PUT api.test/x');
  });

  it('a single options object is accepted instead of the URL', () => {
    expect(pook.post({ url: 'api.test/y', times: 2 }).label).toBe('POST api.test/y');
  });

  it('a method in the options of get() etc. is an error', () => {
    expect(() => pook.get('api.test', { method: 'POST' })).toThrow(pook.PookInvalidArgumentError);
  });

  it('a URL object plus a second options object is an error', () => {
    expect(() => pook.get({ url: 'api.test' }, { times: 2 })).toThrow(pook.PookInvalidArgumentError);
  });

  it('registration happens after validation: a bad mock is not registered', () => {
    expect(() => pook.get('api.test', { times: -1 })).toThrow(pook.PookInvalidArgumentError);
    expect(pook.engine().mocks).toEqual([]);
  });
});
