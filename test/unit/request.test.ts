import { describe, expect, it } from 'vitest';
import { isPookError, PookInvalidBodyError, PookRequest } from '../../src/index.js';

describe('PookRequest', () => {
  it('upper-cases the method and parses the URL', () => {
    const req = new PookRequest({ method: 'post', url: 'https://api.test:8443/users?page=2' });
    expect(req.method).toBe('POST');
    expect(req.url).toBeInstanceOf(URL);
    expect(req.url.href).toBe('https://api.test:8443/users?page=2');
  });

  it('accepts a URL object and copies it', () => {
    const url = new URL('http://a.test/x');
    const req = new PookRequest({ method: 'GET', url });
    url.pathname = '/changed';
    expect(req.url.pathname).toBe('/x');
  });

  it('query maps every key to every value, in order', () => {
    const req = new PookRequest({ method: 'GET', url: 'http://a.test/?tag=a&page=2&tag=b&empty=&flag' });
    expect({ ...req.query }).toEqual({ tag: ['a', 'b'], page: ['2'], empty: [''], flag: [''] });
    expect(new PookRequest({ method: 'GET', url: 'http://a.test/' }).query).toEqual({});
  });

  it('query has no prototype keys', () => {
    const query = new PookRequest({ method: 'GET', url: 'http://a.test/' }).query;
    expect(query.toString).toBeUndefined();
    expect(query.constructor).toBeUndefined();
  });

  it('headers are case-insensitive, multiple values joined with ", "', () => {
    const req = new PookRequest({
      method: 'GET',
      url: 'http://a.test/',
      headers: [
        ['X-Tag', 'a'],
        ['x-tag', 'b'],
        ['Accept', 'text/html'],
      ],
    });
    expect(req.headers.get('ACCEPT')).toBe('text/html');
    expect(req.headers.get('x-tag')).toBe('a, b');
  });

  it('body: text is encoded, bytes kept, no body is undefined', () => {
    expect(new PookRequest({ method: 'POST', url: 'http://a.test/', body: 'hé' }).body).toEqual(new Uint8Array([0x68, 0xc3, 0xa9]));
    const bytes = new Uint8Array([1, 2]);
    expect(new PookRequest({ method: 'POST', url: 'http://a.test/', body: bytes }).body).toBe(bytes);
    expect(new PookRequest({ method: 'GET', url: 'http://a.test/' }).body).toBeUndefined();
  });

  it('text decodes the body as UTF-8; empty string without body', () => {
    expect(new PookRequest({ method: 'POST', url: 'http://a.test/', body: new Uint8Array([0x68, 0xc3, 0xa9]) }).text).toBe('hé');
    expect(new PookRequest({ method: 'GET', url: 'http://a.test/' }).text).toBe('');
  });

  it('json parses the body lazily, and returns the same value each time', () => {
    const req = new PookRequest({ method: 'POST', url: 'http://a.test/', body: '{"a":[1,2]}' });
    expect(req.json).toEqual({ a: [1, 2] });
    expect(req.json).toBe(req.json);
  });

  it('json throws PookInvalidBodyError with a clear message when the body is not JSON', () => {
    const req = new PookRequest({ method: 'POST', url: 'http://a.test/users', body: 'name=ada' });
    let error: unknown;
    try {
      void req.json;
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PookInvalidBodyError);
    expect(isPookError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'POOK_INVALID_BODY', name: 'PookInvalidBodyError' });
    expect((error as Error).message).toBe('pook: the body of POST http://a.test/users is not valid JSON (starts with "name=ada").');
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });

  it('json on an empty body says it is empty', () => {
    expect(() => new PookRequest({ method: 'GET', url: 'http://a.test/' }).json).toThrow(/is not valid JSON \(it is empty\)/);
  });

  it('client defaults to "unknown"; timestamp defaults to now', () => {
    const before = Date.now();
    const req = new PookRequest({ method: 'GET', url: 'http://a.test/' });
    expect(req.client).toBe('unknown');
    expect(req.timestamp).toBeGreaterThanOrEqual(before);
    expect(new PookRequest({ method: 'GET', url: 'http://a.test/', client: 'fetch', timestamp: 5 })).toMatchObject({ client: 'fetch', timestamp: 5 });
  });

  it('rejects an invalid URL', () => {
    expect(() => new PookRequest({ method: 'GET', url: 'not a url' })).toThrow(TypeError);
  });
});

describe('PookRequest immutability', () => {
  const original = new PookRequest({
    method: 'POST',
    url: 'http://a.test/x?q=1',
    headers: { 'x-a': '1' },
    body: 'body',
    client: 'fetch',
    timestamp: 1,
  });

  it('fields cannot be reassigned', () => {
    expect(Object.isFrozen(original)).toBe(true);
    expect(() => {
      (original as { method: string }).method = 'GET';
    }).toThrow(TypeError);
    expect(original.method).toBe('POST');
  });

  it('headers cannot be changed in place', () => {
    expect(() => original.headers.set('x-a', '2')).toThrow(TypeError);
    expect(() => original.headers.append('x-b', '2')).toThrow(TypeError);
    expect(() => original.headers.delete('x-a')).toThrow(TypeError);
    expect(original.headers.get('x-a')).toBe('1');
    expect(original.headers.has('x-b')).toBe(false);
  });

  it('with() returns a modified copy and leaves the original unchanged', () => {
    const copy = original.with({ method: 'put', url: 'https://b.test/y', headers: { 'x-b': '2' }, body: 'other' });
    expect(copy).not.toBe(original);
    expect(copy).toBeInstanceOf(PookRequest);
    expect([copy.method, copy.url.href, copy.headers.get('x-b'), copy.headers.has('x-a'), copy.text]).toEqual(['PUT', 'https://b.test/y', '2', false, 'other']);
    expect([original.method, original.url.href, original.headers.get('x-a'), original.headers.has('x-b'), original.text]).toEqual([
      'POST',
      'http://a.test/x?q=1',
      '1',
      false,
      'body',
    ]);
  });

  it('with() keeps every field not given, including client and timestamp', () => {
    const copy = original.with({});
    expect([copy.method, copy.url.href, copy.headers.get('x-a'), copy.text, copy.client, copy.timestamp]).toEqual([
      'POST',
      'http://a.test/x?q=1',
      '1',
      'body',
      'fetch',
      1,
    ]);
    expect(copy.headers).not.toBe(original.headers);
    expect(copy.url).not.toBe(original.url);
  });

  it('with({ body: undefined }) removes the body', () => {
    expect(original.with({ body: undefined }).body).toBeUndefined();
  });

  it('a copy has its own query and json', () => {
    const json = new PookRequest({ method: 'POST', url: 'http://a.test/?a=1', body: '{"v":1}' });
    expect(json.json).toEqual({ v: 1 });
    const copy = json.with({ url: 'http://a.test/?a=2', body: '{"v":2}' });
    expect(copy.json).toEqual({ v: 2 });
    expect(copy.query.a).toEqual(['2']);
    expect(json.query.a).toEqual(['1']);
  });
});
