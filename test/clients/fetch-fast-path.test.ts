// Item: a plain `fetch(url, init)` is snapshotted without building a Request
// (src/interceptors/fetch/fetch-interceptor.ts, fastSnapshot). It must see exactly what the
// general path sees: each call is made twice, once plain and once with an
// AbortSignal (which always takes the general path), and the two requests
// pook recorded are compared field by field.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pook, { type PookRequest } from '../../src/index.js';

const URL_ = 'http://api.test/fast/path?a=1&a=2#frag';

function seen(request: PookRequest): unknown {
  return {
    method: request.method,
    url: request.url.href,
    headers: [...request.headers],
    body: request.body === undefined ? undefined : [...request.body],
    client: request.client,
  };
}

async function both(input: string | URL, init: RequestInit = {}): Promise<[unknown, unknown]> {
  const requests: PookRequest[] = [];
  pook
    .mock(/api\.test/)
    .persist()
    .reply((request) => {
      requests.push(request);
      return { status: 200 };
    });
  await fetch(input, init);
  await fetch(input, { ...init, signal: new AbortController().signal });
  expect(requests).toHaveLength(2);
  return [seen(requests[0]!), seen(requests[1]!)];
}

beforeEach(() => pook.activate());
afterEach(() => pook.off());

describe('fetch fast path', () => {
  it.each<[string, RequestInit]>([
    ['no init', {}],
    ['lower-case method and headers object', { method: 'delete', headers: { 'X-A': ' padded ', Accept: 'application/json' } }],
    [
      'header pairs and Headers',
      {
        method: 'put',
        headers: [
          ['x-b', '1'],
          ['x-b', '2'],
        ],
      },
    ],
    ['string body', { method: 'POST', body: 'héllo' }],
    [
      'string body with its own content type and length',
      { method: 'POST', body: '{}', headers: { 'content-type': 'application/json', 'content-length': '2' } },
    ],
    ['URLSearchParams body', { method: 'POST', body: new URLSearchParams({ q: 'a b', r: 'é' }) }],
    ['bytes body', { method: 'PATCH', body: new Uint8Array([0, 1, 255]) }],
    ['Buffer body', { method: 'POST', body: Buffer.from('buffer') }],
    ['ArrayBuffer body', { method: 'POST', body: new Uint8Array([9, 8, 7]).buffer }],
    ['empty string body', { method: 'POST', body: '' }],
  ])('sees what the general path sees: %s', async (_, init) => {
    const [fast, general] = await both(URL_, init);
    expect(fast).toEqual(general);
  });

  it('sees a URL object as its href', async () => {
    const [fast, general] = await both(new URL(URL_), { headers: new Headers({ 'x-c': '3' }) });
    expect(fast).toEqual(general);
  });

  it('keeps the recorded body when the caller reuses its buffer', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const mock = pook.post('http://api.test/reuse').reply(204).mock;
    await fetch('http://api.test/reuse', { method: 'POST', body: bytes });
    bytes[0] = 42;
    expect([...mock.matches[0]!.body!]).toEqual([1, 2, 3]);
  });

  it('gives read-only request headers', async () => {
    const mock = pook.get('http://api.test/ro').reply(204).mock;
    await fetch('http://api.test/ro');
    expect(() => mock.matches[0]!.headers.set('x', '1')).toThrow(/read-only/);
    expect(() => mock.matches[0]!.headers.append('x', '1')).toThrow(/read-only/);
    expect(() => mock.matches[0]!.headers.delete('host')).toThrow(/read-only/);
  });

  it('answers with a fetched-looking Response', async () => {
    pook.get('http://api.test/answer').reply(201).header('x-r', '1').json({ ok: true });
    const response = await fetch('http://api.test/answer');
    expect(response).toBeInstanceOf(Response);
    expect([response.url, response.redirected, response.type, response.status, response.statusText]).toEqual([
      'http://api.test/answer',
      false,
      'basic',
      201,
      'Created',
    ]);
    expect(response.headers.get('x-r')).toBe('1');
    expect(await response.json()).toEqual({ ok: true });
  });

  it('follows a mocked redirect from a plain call', async () => {
    pook.get('http://api.test/from').reply(302).header('Location', '/to');
    pook.get('http://api.test/to').reply(200).body('there');
    const response = await fetch('http://api.test/from');
    expect([response.url, response.redirected, await response.text()]).toEqual(['http://api.test/to', true, 'there']);
  });

  it('rejects what Request rejects, with its error', async () => {
    await expect(fetch('http://user:pw@api.test/')).rejects.toThrow(TypeError);
    await expect(fetch('http://api.test/', { body: 'x' })).rejects.toThrow(TypeError);
    await expect(fetch('http://api.test/', { headers: { 'bad name': 'x' } })).rejects.toThrow(TypeError);
    await expect(fetch('/relative')).rejects.toThrow(TypeError);
  });
});
