import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Mock, type MockOptions, type PookRequest } from '../../src/index.js';
import { invalidArgument, request } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'pook-options-'));
const file = join(dir, 'body.txt');
writeFileSync(file, 'file-bytes');

const report = (mock: Mock, req: PookRequest) => mock.explain(req).results;

describe('mock options object', () => {
  const requests = [
    request({
      url: 'https://api.test/users?page=2',
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer x', 'x-trace': '1' },
      body: '{"name":"ada"}',
    }),
    request({ url: 'http://api.test/other', method: 'GET', headers: { cookie: 'a=1' }, body: 'nope' }),
  ];

  it('each request key builds the same expectations as the DSL', () => {
    const fromFetch = (req: PookRequest) => req.client === 'unknown';
    const options: MockOptions = {
      url: 'api.test/users',
      method: 'POST',
      path: '/users',
      headers: { Authorization: /^Bearer / },
      headerPresent: ['X-Trace'],
      headerAbsent: 'Cookie',
      type: 'json',
      params: { page: '2' },
      paramExists: 'page',
      body: /ada/,
      json: { name: 'ada' },
      jsonSchema: { type: 'object', required: ['name'] },
      use: fromFetch,
    };
    const dsl = new Mock()
      .method('POST')
      .url('api.test/users')
      .path('/users')
      .headers({ Authorization: /^Bearer / })
      .headerPresent('X-Trace')
      .headerAbsent('Cookie')
      .type('json')
      .params({ page: '2' })
      .paramExists('page')
      .body(/ada/)
      .json({ name: 'ada' })
      .jsonSchema({ type: 'object', required: ['name'] })
      .use(fromFetch);
    const fromOptions = new Mock(options);
    for (const req of requests) {
      const expected = report(dsl, req).map(({ pass, expectation }) => ({ pass, expectation }));
      expect(report(fromOptions, req).map(({ pass, expectation }) => ({ pass, expectation }))).toEqual(expected);
    }
    expect(fromOptions.explain(requests[0]!).failures).toBe(0);
    expect(fromOptions.explain(requests[1]!).failures).toBeGreaterThan(5);
  });

  it('xml and file keys match like xml() and file()', () => {
    const xml = request({ url: 'http://a.test/', body: '<a><b>1</b></a>' });
    expect(new Mock({ xml: '<a><b>1</b></a>' }).explain(xml).failures).toBe(0);
    expect(new Mock({ file }).explain(request({ url: 'http://a.test/', body: 'file-bytes' })).failures).toBe(0);
    expect(new Mock({ file }).explain(xml).failures).toBe(1);
  });

  it('times and persist are the same as the DSL', () => {
    const hit = request({ url: 'http://a.test/' });
    const byOptions = new Mock({ times: 2 });
    const byDsl = new Mock().times(2);
    const outcomes = (mock: Mock) => [mock.attempt(hit), mock.attempt(hit), mock.attempt(hit)];
    expect(outcomes(byOptions)).toEqual(outcomes(byDsl));
    expect(new Mock({ persist: true }).persisted).toBe(true);
    expect(new Mock({ persist: false }).persisted).toBe(false);
    expect(new Mock({ delay: 5 }).delayMs).toBe(5);
  });

  it('error makes respond() fail with that error; a string becomes an Error', async () => {
    const error = new Error('reset');
    await expect(new Mock({ error }).respond(request({ url: 'http://a.test/' }))).rejects.toBe(error);
    await expect(new Mock({ error: 'boom' }).respond(request({ url: 'http://a.test/' }))).rejects.toThrow(new Error('boom'));
  });

  it('reply and response keys build the response', async () => {
    const mock = new Mock({
      reply: 201,
      responseHeaders: { 'X-Id': '1', 'Set-Cookie': ['a=1', 'b=2'] },
      responseType: 'text',
      responseBody: 'hello',
    });
    const resolved = await mock.respond(request({ url: 'http://a.test/' }));
    expect(resolved.status).toBe(201);
    expect(resolved.headers).toEqual([
      ['X-Id', '1'],
      ['Set-Cookie', 'a=1'],
      ['Set-Cookie', 'b=2'],
      ['Content-Type', 'text/plain'],
      ['Content-Length', '5'],
    ]);
    expect(new TextDecoder().decode(resolved.body as Uint8Array)).toBe('hello');
  });

  it('responseJson, responseXml and responseFile set the body', async () => {
    const req = request({ url: 'http://a.test/' });
    const text = async (mock: Mock) => new TextDecoder().decode((await mock.respond(req)).body as Uint8Array);
    expect(await text(new Mock({ responseJson: { id: 1 } }))).toBe('{"id":1}');
    expect((await new Mock({ responseJson: { id: 1 } }).respond(req)).headers).toContainEqual(['Content-Type', 'application/json']);
    expect(await text(new Mock({ responseXml: '<ok/>' }))).toBe('<ok/>');
    expect(await text(new Mock({ responseFile: file }))).toBe('file-bytes');
  });

  it('reply may be a function', async () => {
    const mock = new Mock({ reply: (req) => ({ status: 202, json: { path: req.url.pathname } }) });
    const resolved = await mock.respond(request({ url: 'http://a.test/p' }));
    expect(resolved.status).toBe(202);
    expect(new TextDecoder().decode(resolved.body as Uint8Array)).toBe('{"path":"/p"}');
  });

  it('undefined values are ignored', () => {
    expect(new Mock({ times: undefined } as unknown as MockOptions).timesLimit).toBe(1);
  });

  it('an unknown key is rejected, naming it and listing the known ones', () => {
    const error = invalidArgument(() => new Mock({ tmes: 5 } as unknown as MockOptions), 'tmes');
    expect(error.message).toContain('unknown mock option');
    expect(error.message).toContain('times');
    invalidArgument(() => new Mock({ url: 'a.test', responseStatus: 200 } as unknown as MockOptions), 'responseStatus');
  });

  it('a bad value is rejected naming the key', () => {
    invalidArgument(() => new Mock({ times: 0 }), 'times');
    invalidArgument(() => new Mock({ delay: -5 }), 'delay');
    invalidArgument(() => new Mock({ reply: 600 }), 'reply');
    invalidArgument(() => new Mock({ url: '' }), 'url');
    invalidArgument(() => new Mock({ responseJson: 1n }), 'json');
  });

  it('the options must be an object', () => {
    invalidArgument(() => new Mock('a.test' as unknown as MockOptions), 'options');
    invalidArgument(() => new Mock(null as unknown as MockOptions), 'options');
  });
});
