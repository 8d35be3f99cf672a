import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pook, { Mock } from '../../src/index.js';
import { invalidArgument } from './support.js';

beforeEach(() => pook.activate());
afterEach(() => pook.off());

const status = async (url: string, init?: RequestInit): Promise<number | string> => {
  try {
    return (await fetch(url, init)).status;
  } catch {
    return 'no match';
  }
};

describe('pook.origin(base)', () => {
  it('expects the path exactly: "/" is the root, not any path', async () => {
    const api = pook.origin('https://api.test');
    api.get('/').persist().reply(200);
    expect(await status('https://api.test/')).toBe(200);
    expect(await status('https://api.test/users')).toBe('no match');
    api.get('/users').reply(201);
    expect(await status('https://api.test/users/')).toBe('no match');
    expect(await status('https://api.test/users')).toBe(201);
    expect(await status('http://api.test/')).toBe('no match'); // the scheme was written
  });

  it('defines every method, with options, and returns the registered mock', async () => {
    const api = pook.origin('api.test:8080');
    const mocks = [
      api.post('/users', { json: { name: 'ada' }, reply: 201 }),
      api.put('/users/1').reply(204).mock,
      api.patch('/users/1').reply(200).mock,
      api.delete('/users/1').reply(204).mock,
      api.head('/health').reply(200).mock,
      api.options('/users').reply(204).mock,
      api.mock('/any', { method: 'PUT', reply: 202 }),
    ];
    expect(mocks.map((m) => m.label)).toEqual([
      'POST api.test:8080/users',
      'PUT api.test:8080/users/1',
      'PATCH api.test:8080/users/1',
      'DELETE api.test:8080/users/1',
      'HEAD api.test:8080/health',
      'OPTIONS api.test:8080/users',
      'PUT api.test:8080/any',
    ]);
    expect(pook.engine().mocks).toEqual(mocks);
    expect(mocks[0]!.definedAt?.file).toMatch(/origin-and-reply\.test\.ts$/);
    expect(await status('http://api.test:8080/users', { method: 'POST', body: '{"name":"ada"}' })).toBe(201);
    expect(await status('http://api.test:8080/any', { method: 'PUT' })).toBe(202);
    expect(await status('http://api.test:9090/users/1', { method: 'PUT' })).toBe('no match');
  });

  it('adds each path to a base path, keeps a query in the path, and tests a RegExp against the whole path', async () => {
    const v1 = pook.origin('https://api.test/v1/');
    expect([v1.origin, v1.basePath]).toEqual(['https://api.test', '/v1']);
    v1.get('/users?active=1').reply(200);
    expect(await status('https://api.test/users?active=1')).toBe('no match');
    expect(await status('https://api.test/v1/users?active=1&page=2')).toBe(200);
    pook
      .origin('https://api.test')
      .get(/^\/users\/\d+$/)
      .persist()
      .reply(200);
    expect(await status('https://api.test/users/42')).toBe(200);
    expect(await status('https://api.test/users/x')).toBe('no match');
  });

  it('is checked where it is written', () => {
    invalidArgument(() => pook.origin(''), 'origin');
    invalidArgument(() => pook.origin('ftp://api.test'), 'origin');
    invalidArgument(() => pook.origin('https://api.test?x=1'), 'origin');
    invalidArgument(() => pook.origin(42 as never), 'origin');
    const api = pook.origin('https://api.test');
    invalidArgument(() => api.get('users'), 'path');
    invalidArgument(() => api.get(undefined as never), 'path');
    invalidArgument(() => api.get('/users', { url: 'https://other.test' }), 'options');
    invalidArgument(() => pook.origin('https://api.test/v1').get(/users/), 'path');
    expect(pook.engine().mocks).toEqual([]);
  });
});

describe('reply(status, content, headers)', () => {
  const answer = async (url: string) => {
    const response = await fetch(url);
    return { status: response.status, type: response.headers.get('content-type'), extra: response.headers.get('x-extra'), body: await response.text() };
  };

  it('takes response options: json, body, xml, headers, type', async () => {
    pook.get('https://api.test/json').reply(200, { json: { id: 1 }, headers: { 'X-Extra': '1' } });
    pook.get('https://api.test/text').reply(201, { body: 'hi', type: 'text' });
    pook.get('https://api.test/xml').reply(200, { xml: '<ok/>' });
    pook.get('https://api.test/csv').reply(200, { json: [1], headers: { 'Content-Type': 'text/csv' } });
    expect(await answer('https://api.test/json')).toEqual({ status: 200, type: 'application/json', extra: '1', body: '{"id":1}' });
    expect(await answer('https://api.test/text')).toEqual({ status: 201, type: 'text/plain', extra: null, body: 'hi' });
    expect(await answer('https://api.test/xml')).toEqual({ status: 200, type: 'application/xml', extra: null, body: '<ok/>' });
    expect(await answer('https://api.test/csv')).toEqual({ status: 200, type: 'text/csv', extra: null, body: '[1]' });
  });

  it('picks text, bytes or JSON from a value, then takes headers', async () => {
    pook.get('https://api.test/a').reply(200, 'plain', { 'X-Extra': 'a' });
    pook.get('https://api.test/b').reply(200, new TextEncoder().encode('bytes'));
    pook.get('https://api.test/c').reply(200, [{ id: 1 }]);
    pook.get('https://api.test/d').reply(200, 42);
    pook.get('https://api.test/e').reply(200, null);
    pook.get('https://api.test/f').reply(404, { json: { error: 'nope' } }, { 'X-Extra': 'f' });
    expect(await answer('https://api.test/a')).toEqual({ status: 200, type: null, extra: 'a', body: 'plain' });
    expect(await answer('https://api.test/b')).toEqual({ status: 200, type: null, extra: null, body: 'bytes' });
    expect(await answer('https://api.test/c')).toEqual({ status: 200, type: 'application/json', extra: null, body: '[{"id":1}]' });
    expect(await answer('https://api.test/d')).toEqual({ status: 200, type: 'application/json', extra: null, body: '42' });
    expect(await answer('https://api.test/e')).toEqual({ status: 200, type: 'application/json', extra: null, body: 'null' });
    expect(await answer('https://api.test/f')).toEqual({ status: 404, type: 'application/json', extra: 'f', body: '{"error":"nope"}' });
  });

  it('returns the response definition, which may still be changed', async () => {
    const response = pook.get('https://api.test/x').reply(200, { json: { a: 1 } });
    expect(response.header('X-Extra', 'late').mock).toBeInstanceOf(Mock);
    expect(await answer('https://api.test/x')).toMatchObject({ extra: 'late', body: '{"a":1}' });
  });

  it('refuses, where it is written, an object meant as JSON, two bodies, and a bad value', () => {
    const error = invalidArgument(() => pook.get('https://api.test/x').reply(200, { id: 1 } as never), 'reply');
    expect(error.message).toContain('unknown response option "id"');
    expect(error.message).toContain('reply(status, { json: … })');
    invalidArgument(() => pook.get('https://api.test/x').reply(200, { json: 1, body: 'x' }), 'reply');
    invalidArgument(() => pook.get('https://api.test/x').reply(200, new Map() as never), 'reply');
    invalidArgument(() => pook.get('https://api.test/x').reply(200, (() => 1) as never), 'reply');
    invalidArgument(() => pook.get('https://api.test/x').reply(700, 'x'), 'reply');
    invalidArgument(() => pook.get('https://api.test/x').reply(200, 'x', { 'Bad Name': 'x' }), 'header');
    const reply = pook.get('https://api.test/x').reply as (...args: unknown[]) => unknown;
    invalidArgument(() => reply.call(pook.engine().mocks.at(-1), () => ({ status: 200 }), 'x'), 'reply');
    invalidArgument(() => pook.get('https://api.test/x').reply(200, { type: 'jsn' }), 'type');
  });
});
