import { afterEach, describe, expect, it } from 'vitest';
import pook, { Mock } from '../../src/index.js';
import { ExactQueryMatcher } from '../../src/matchers/exact-query.js';
import { FormMatcher } from '../../src/matchers/form.js';
import { invalidArgument, request } from './support.js';

const at = (query: string) => request({ url: `http://a.test/x${query}` });
const posted = (body: string) =>
  request({ method: 'POST', url: 'http://a.test/token', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });

afterEach(() => pook.off());

describe('exact query matcher', () => {
  it('expects exactly these parameters, no extra one, in any order', () => {
    const query = new ExactQueryMatcher({ page: '2', tag: ['a', 'b'] });
    expect(query.match(at('?page=2&tag=a&tag=b')).pass).toBe(true);
    expect(query.match(at('?tag=a&page=2&tag=b')).pass).toBe(true);
    expect(query.match(at('?page=2&tag=a&tag=b&debug=1'))).toEqual({
      pass: false,
      expectation: 'query',
      expected: { page: '2', tag: ['a', 'b'] },
      actual: '?page=2&tag=a&tag=b&debug=1',
      differences: [{ path: '$.debug', kind: 'extra', actual: '1' }],
    });
    expect(query.match(at('?page=3&tag=a')).differences).toEqual([
      { path: '$.page', kind: 'changed', expected: '2', actual: '3' },
      { path: '$.tag', kind: 'changed', expected: ['a', 'b'], actual: 'a' },
    ]);
    expect(query.match(at('?tag=a&tag=b')).differences).toEqual([{ path: '$.page', kind: 'missing', expected: '2' }]);
    expect(query.test(at('?page=2&tag=a&tag=b'))).toBe(true);
    expect(query.test(at('?page=2&tag=a&tag=b&x='))).toBe(false);
  });

  it('{} expects no query; RegExps, regex strings, numbers and booleans are read as param() reads them', () => {
    expect(new ExactQueryMatcher({}).match(at('')).pass).toBe(true);
    expect(new ExactQueryMatcher({}).match(at('?a=1')).pass).toBe(false);
    expect(new ExactQueryMatcher({ id: /^\d+$/, on: true, n: 3 }).match(at('?id=42&on=true&n=3')).pass).toBe(true);
    expect(new ExactQueryMatcher({ id: 're/^\\d+$/' }).match(at('?id=x')).differences).toEqual([
      { path: '$.id', kind: 'changed', expected: '/^\\d+$/u', actual: 'x' },
    ]);
    expect(new ExactQueryMatcher({ 'a b': '1' }).match(at('?a+b=2')).differences).toEqual([{ path: '$["a b"]', kind: 'changed', expected: '1', actual: '2' }]);
  });

  it('is checked where it is written', () => {
    invalidArgument(() => new Mock().query([] as never), 'query');
    invalidArgument(() => new Mock().query('page=2' as never), 'query');
    invalidArgument(() => new Mock().query({ page: {} as never }), 'query "page"');
    invalidArgument(() => new Mock().query({ tag: [] }), 'query "tag"');
  });

  it('mock.query() and the query option fail a request with an extra parameter, where params() lets it through', async () => {
    pook.activate();
    pook.get('https://api.test/users').query({ page: '2' }).reply(200, 'exact');
    pook.get('https://api.test/users', { query: { page: '2' } }).reply(200, 'exact');
    pook.get('https://api.test/users').params({ page: '2' }).persist().reply(200, 'subset');
    expect(await (await fetch('https://api.test/users?page=2&debug=1')).text()).toBe('subset');
    expect(await (await fetch('https://api.test/users?page=2')).text()).toBe('exact');
    expect(await (await fetch('https://api.test/users?page=2')).text()).toBe('exact');
    expect(pook.engine().mocks[0]!.expectations).toContain('query exactly {"page":"2"}');
  });
});

describe('form matcher', () => {
  it('reads a urlencoded body and expects exactly these fields', () => {
    const form = new FormMatcher({ grant_type: 'client_credentials', scope: ['read', 'write'] });
    expect(form.match(posted('grant_type=client_credentials&scope=read&scope=write')).pass).toBe(true);
    expect(form.match(posted('scope=read&grant_type=client_credentials&scope=write')).pass).toBe(true);
    expect(form.match(posted('grant_type=password&scope=read&scope=write&user=ada'))).toEqual({
      pass: false,
      expectation: 'form',
      expected: { grant_type: 'client_credentials', scope: ['read', 'write'] },
      actual: 'grant_type=password&scope=read&scope=write&user=ada',
      differences: [
        { path: '$.grant_type', kind: 'changed', expected: 'client_credentials', actual: 'password' },
        { path: '$.user', kind: 'extra', actual: 'ada' },
      ],
    });
    expect(form.match(posted('')).differences).toHaveLength(2);
  });

  it('decodes + and percent-escapes, and reads RegExps as param() does', () => {
    expect(new FormMatcher({ q: 'a b', e: 'é&' }).match(posted('q=a+b&e=%C3%A9%26')).pass).toBe(true);
    expect(new FormMatcher({ id: /^\d+$/ }).match(posted('id=12')).pass).toBe(true);
    expect(new FormMatcher({ id: /^\d+$/ }).match(posted('id=x')).pass).toBe(false);
    expect(new FormMatcher({ __proto__: 'x' } as never).match(posted('a=1')).pass).toBe(false);
  });

  it('is checked where it is written', () => {
    invalidArgument(() => new Mock().form(null as never), 'form');
    invalidArgument(() => new Mock().form({ a: { b: 1 } as never }), 'form "a"');
  });

  it('mock.form() matches what a client posts with URLSearchParams, and reports a difference', async () => {
    pook.activate();
    pook
      .post('https://auth.test/token')
      .form({ grant_type: 'client_credentials', client_id: 'app' })
      .reply(200, { json: { access_token: 't' } });
    const ok = await fetch('https://auth.test/token', { method: 'POST', body: new URLSearchParams({ client_id: 'app', grant_type: 'client_credentials' }) });
    expect(await ok.json()).toEqual({ access_token: 't' });
    pook.post('https://auth.test/token', { form: { grant_type: 'client_credentials' } }).reply(200);
    const error = await fetch('https://auth.test/token', { method: 'POST', body: new URLSearchParams({ grant_type: 'password' }) }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(((error as TypeError).cause as Error).message).toContain('✗ form: $.grant_type: expected "client_credentials", got "password"');
  });
});
