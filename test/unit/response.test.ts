import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDynamicReply } from '../../src/engine/pook-response.js';
import { Mock, PookResponse, type ResolvedResponse } from '../../src/index.js';
import { invalidArgument, request } from './support.js';

const decoder = new TextDecoder();

async function bodyText(resolved: ResolvedResponse): Promise<string> {
  const body = resolved.body;
  if (body === null) return '';
  if (body instanceof Uint8Array) return decoder.decode(body);
  let text = '';
  for await (const chunk of body) text += decoder.decode(chunk);
  return text;
}

async function chunks(resolved: ResolvedResponse): Promise<string[]> {
  const out: string[] = [];
  for await (const chunk of resolved.body as AsyncIterable<Uint8Array>) out.push(decoder.decode(chunk));
  return out;
}

describe('PookResponse', () => {
  it('defaults to 200 with an empty body, sent with Content-Length: 0', () => {
    const resolved = new Mock().reply().resolve();
    expect(resolved).toEqual({ status: 200, statusText: 'OK', headers: [['Content-Length', '0']], body: null });
  });

  it('reply(status) sets the status; status() changes it', () => {
    expect(new Mock().reply(404).resolve()).toMatchObject({ status: 404, statusText: 'Not Found' });
    expect(new Mock().reply().status(201).resolve().status).toBe(201);
    expect(new Mock().reply(599).resolve()).toMatchObject({ status: 599, statusText: 'Unknown' });
  });

  it('every setter returns the response; .mock returns the mock', () => {
    const mock = new Mock();
    const response = mock.reply(200);
    expect(mock.response).toBe(response);
    for (const result of [
      response.status(201),
      response.header('a', '1'),
      response.headers({ b: '2' }),
      response.set('c', '3'),
      response.type('json'),
      response.body('x'),
      response.json({}),
      response.xml('<a/>'),
    ]) {
      expect(result).toBe(response);
    }
    expect(response.mock).toBe(mock);
  });

  it('a response without mock has no .mock', () => {
    invalidArgument(() => new PookResponse().mock, 'mock');
  });

  it('header() appends, set() overwrites case-insensitively, headers() takes arrays', () => {
    const response = new PookResponse()
      .header('Set-Cookie', 'a=1')
      .header('set-cookie', 'b=2')
      .headers({ 'X-Many': ['1', '2'], 'X-One': 'x' })
      .set('x-one', 'y')
      .status(204);
    expect(response.resolve().headers).toEqual([
      ['Set-Cookie', 'a=1'],
      ['set-cookie', 'b=2'],
      ['X-Many', '1'],
      ['X-Many', '2'],
      ['x-one', 'y'],
    ]);
  });

  it.each([
    ['json', 'application/json'],
    ['xml', 'application/xml'],
    ['html', 'text/html'],
    ['text', 'text/plain'],
    ['form', 'application/x-www-form-urlencoded'],
    ['urlencoded', 'application/x-www-form-urlencoded'],
    ['form-data', 'application/x-www-form-urlencoded'],
    ['image/png', 'image/png'],
    ['text/csv; charset=utf-8', 'text/csv; charset=utf-8'],
  ])('type(%s) sets Content-Type %s, replacing any', (alias, type) => {
    expect(new PookResponse().set('content-type', 'old').type(alias).resolve().headers).toEqual([
      ['Content-Type', type],
      ['Content-Length', '0'],
    ]);
  });

  it('json() serialises and sets application/json unless a Content-Type is set', async () => {
    const json = new PookResponse().json({ id: 1, tags: ['a'] }).resolve();
    expect(await bodyText(json)).toBe('{"id":1,"tags":["a"]}');
    expect(json.headers).toEqual([
      ['Content-Type', 'application/json'],
      ['Content-Length', '21'],
    ]);
    const custom = new PookResponse().type('application/vnd.api+json').json([]).resolve();
    expect(custom.headers).toEqual([
      ['Content-Type', 'application/vnd.api+json'],
      ['Content-Length', '2'],
    ]);
    expect(await bodyText(new PookResponse().json(null).resolve())).toBe('null');
  });

  it('xml() sets application/xml unless a Content-Type is set', async () => {
    const xml = new PookResponse().xml('<ok/>').resolve();
    expect(await bodyText(xml)).toBe('<ok/>');
    expect(xml.headers[0]).toEqual(['Content-Type', 'application/xml']);
    expect(new PookResponse().type('text/xml').xml('<ok/>').resolve().headers[0]).toEqual(['Content-Type', 'text/xml']);
  });

  it('body() takes text, bytes and an ArrayBuffer, with a Content-Length', async () => {
    expect(await bodyText(new PookResponse().body('héllo').resolve())).toBe('héllo');
    expect(new PookResponse().body('héllo').resolve().headers).toEqual([['Content-Length', '6']]);
    const bytes = new Uint8Array([1, 2, 3]);
    expect(new PookResponse().body(bytes).resolve().body).toBe(bytes);
    expect(new PookResponse().body(bytes.buffer).resolve().body).toEqual(bytes);
  });

  it('no body is sent with Content-Length: 0, also from a WHATWG Response', () => {
    expect(new PookResponse().status(404).resolve().headers).toEqual([['Content-Length', '0']]);
    expect(resolveDynamicReply({ status: 201 }).headers).toEqual([['Content-Length', '0']]);
    expect(resolveDynamicReply(new Response(null, { status: 202 })).headers).toEqual([['Content-Length', '0']]);
  });

  it('no Content-Length for 204 and 304, nor when one is set', () => {
    expect(new PookResponse().status(204).body('').resolve().headers).toEqual([]);
    expect(new PookResponse().status(304).body('x').resolve().headers).toEqual([]);
    expect(new PookResponse().header('content-length', '99').body('x').resolve().headers).toEqual([['content-length', '99']]);
  });

  it('body() streams an iterable, an async iterable and a ReadableStream chunk by chunk', async () => {
    expect(await chunks(new PookResponse().body(['a', new TextEncoder().encode('b'), 'c']).resolve())).toEqual(['a', 'b', 'c']);
    async function* gen() {
      yield 'x';
      yield 'y';
    }
    expect(await chunks(new PookResponse().body(gen()).resolve())).toEqual(['x', 'y']);
    const stream = new ReadableStream<string>({
      start(controller) {
        controller.enqueue('s1');
        controller.enqueue('s2');
        controller.close();
      },
    });
    const resolved = new PookResponse().body(stream).resolve();
    expect(resolved.headers).toEqual([]);
    expect(await chunks(resolved)).toEqual(['s1', 's2']);
  });

  it('a streamed body can be sent once', () => {
    const response = new PookResponse().body(
      (function* () {
        yield 'a';
      })(),
    );
    response.resolve();
    invalidArgument(() => response.resolve(), 'body');
  });

  it('file() reads the bytes when defined', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'pook-response-')), 'user.json');
    writeFileSync(path, '{"id":1}');
    const response = new PookResponse().file(path);
    writeFileSync(path, 'changed');
    expect(await bodyText(response.resolve())).toBe('{"id":1}');
  });
});

describe('PookResponse.resolve() snapshots', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'pook-snapshot-')), 'body.txt');
  writeFileSync(file, 'from a file');
  const changes: Array<[string, (response: PookResponse) => unknown]> = [
    ['status()', (r) => r.status(201)],
    ['header()', (r) => r.header('X-A', '1')],
    ['headers()', (r) => r.headers({ 'X-B': ['1', '2'] })],
    ['set()', (r) => r.set('X-C', '3')],
    ['type()', (r) => r.type('text')],
    ['body()', (r) => r.body('changed')],
    ['json()', (r) => r.json({ changed: true })],
    ['xml()', (r) => r.xml('<changed/>')],
    ['file()', (r) => r.file(file)],
  ];

  it('gives the same frozen response until the response changes', () => {
    const response = new Mock().reply(200).header('X-A', '0').json({ a: 1 });
    const first = response.resolve();
    expect(response.resolve()).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.headers)).toBe(true);
    expect(first.headers.every((pair) => Object.isFrozen(pair))).toBe(true);
  });

  it.each(changes)('gives a new response after %s, and leaves the one given before as it was', async (_, change) => {
    const response = new Mock().reply(200).header('X-A', '0').body('before');
    const before = response.resolve();
    const seen = JSON.stringify({ ...before, body: await bodyText(before) });
    change(response);
    const after = response.resolve();
    expect(after).not.toBe(before);
    expect(JSON.stringify({ ...after, body: await bodyText(after) })).not.toBe(seen);
    expect(JSON.stringify({ ...before, body: await bodyText(before) })).toBe(seen);
  });

  it('keeps a single-use stream single-use', () => {
    const response = new Mock().reply(200).body(new ReadableStream({ start: (controller) => controller.close() }));
    expect(response.resolve().body).not.toBeNull();
    expect(() => response.resolve()).toThrow(/a streamed body can be sent once/);
  });
});

describe('PookResponse bad input', () => {
  it('status outside 200–599', () => {
    invalidArgument(() => new Mock().reply(99), 'reply');
    invalidArgument(() => new Mock().reply(600), 'reply');
    invalidArgument(() => new Mock().reply(200.5), 'reply');
    invalidArgument(() => new Mock().reply('200' as unknown as number), 'reply');
    invalidArgument(() => new Mock().reply().status(1000), 'status');
    invalidArgument(() => new Mock().reply().status(0), 'status');
  });

  it('a 1xx status, which no client takes as a final response, 101 included', () => {
    for (const status of [100, 101, 102, 103, 199]) {
      expect(invalidArgument(() => new Mock().reply(status), 'reply').message).toContain(`${status} is an informational (1xx) status`);
      invalidArgument(() => new Mock().reply().status(status), 'status');
      invalidArgument(() => new Mock({ reply: status }), 'reply');
      invalidArgument(() => resolveDynamicReply({ status }), 'status');
    }
    expect(new Mock().reply(200).resolve().status).toBe(200);
  });

  it('header values Node refuses: beyond Latin-1, control characters', () => {
    for (const value of ['ā', '☃', 'a\x01b', 'a\x7fb', '\x1b[31m']) {
      invalidArgument(() => new PookResponse().header('X-A', value), 'header "X-A"');
      invalidArgument(() => new PookResponse().set('X-A', value), 'header "X-A"');
      invalidArgument(() => new Mock({ responseHeaders: { 'X-A': value } }), 'header "X-A"');
      invalidArgument(() => resolveDynamicReply({ headers: { 'X-A': value } }), 'header "X-A"');
    }
    expect(invalidArgument(() => new PookResponse().header('X-A', 'ā'), 'header "X-A"').message).toContain('U+0101');
    // Tab, visible ASCII and Latin-1 are what a server may send.
    expect(new PookResponse().header('X-A', 'a\tb é ÿ ~').resolve().headers).toContainEqual(['X-A', 'a\tb é ÿ ~']);
  });

  it('CR or LF in header names and values', () => {
    invalidArgument(() => new PookResponse().header('X-A\r\nB', '1'), 'header');
    invalidArgument(() => new PookResponse().header('X-A', '1\r\nSet-Cookie: evil'), 'header "X-A"');
    invalidArgument(() => new PookResponse().header('X-A', '1\n'), 'header "X-A"');
    invalidArgument(() => new PookResponse().set('X-A\n', '1'), 'set');
    invalidArgument(() => new PookResponse().set('X-A', '\r'), 'header "X-A"');
    invalidArgument(() => new PookResponse().headers({ 'X-A': ['ok', 'bad\n'] }), 'header "X-A"');
    invalidArgument(() => new PookResponse().type('json\r\nX: 1'), 'type');
    invalidArgument(() => new Mock({ responseHeaders: { 'X-A': 'a\nb' } }), 'header "X-A"');
    invalidArgument(() => new PookResponse().header('X-A', 1 as unknown as string), 'header "X-A"');
  });

  it('non-serialisable JSON', () => {
    invalidArgument(() => new PookResponse().json({ big: 1n }), 'json');
    const circular: unknown[] = [];
    circular.push(circular);
    invalidArgument(() => new PookResponse().json(circular), 'json');
    invalidArgument(() => new PookResponse().json(undefined), 'json');
    invalidArgument(() => new PookResponse().json(() => 1), 'json');
  });

  it('an unreadable file', () => {
    const error = invalidArgument(() => new PookResponse().file('/definitely/not/here.json'), 'file');
    expect(error.message).toContain('/definitely/not/here.json');
    invalidArgument(() => new Mock({ responseFile: '/definitely/not/here.json' }), 'file');
  });

  it('a body of the wrong type', () => {
    invalidArgument(() => new PookResponse().body(42 as unknown as string), 'body');
    invalidArgument(() => new PookResponse().body({} as unknown as string), 'body');
    invalidArgument(() => new PookResponse().xml({} as unknown as string), 'xml');
  });
});

describe('dynamic reply', () => {
  it('reply(fn) returns the mock and computes each response from the request', async () => {
    const mock = new Mock();
    expect(mock.reply((req) => ({ status: 200, body: req.url.pathname }))).toBe(mock);
    expect(await bodyText(await mock.respond(request({ url: 'http://a.test/one' })))).toBe('/one');
    expect(await bodyText(await mock.respond(request({ url: 'http://a.test/two' })))).toBe('/two');
  });

  it('fn may be async and gets the mock', async () => {
    const mock = new Mock().reply(async (_req, m) => ({ json: { calls: m.calls } }));
    const resolved = await mock.respond(request({ url: 'http://a.test/' }));
    expect(await bodyText(resolved)).toBe('{"calls":0}');
    expect(resolved.headers).toContainEqual(['Content-Type', 'application/json']);
  });

  it('headers as a record or as pairs', () => {
    expect(resolveDynamicReply({ status: 204, headers: { 'X-A': ['1', '2'] } }).headers).toEqual([
      ['X-A', '1'],
      ['X-A', '2'],
    ]);
    expect(resolveDynamicReply({ status: 204, headers: [['X-B', '1']] }).headers).toEqual([['X-B', '1']]);
  });

  it('a WHATWG Response', async () => {
    const headers = new Headers({ 'x-a': '1' });
    headers.append('set-cookie', 'a=1');
    headers.append('set-cookie', 'b=2');
    const resolved = resolveDynamicReply(new Response('streamed', { status: 418, headers }));
    expect(resolved.status).toBe(418);
    expect(resolved.headers).toEqual(
      expect.arrayContaining([
        ['x-a', '1'],
        ['set-cookie', 'a=1'],
        ['set-cookie', 'b=2'],
      ]),
    );
    expect(await bodyText(resolved)).toBe('streamed');
    expect(resolveDynamicReply(new Response(null, { status: 204 })).body).toBeNull();
  });

  it('respondNow() answers a static mock at once, and leaves reply functions and errors to respond()', async () => {
    const fixed = new Mock().reply(201).json({ ok: true }).mock;
    const now = fixed.respondNow();
    expect(now?.status).toBe(201);
    expect(await bodyText(now!)).toBe('{"ok":true}');
    expect(new Mock().reply(() => ({ status: 202 })).respondNow()).toBeUndefined();
    expect(new Mock({ error: 'ECONNREFUSED' }).respondNow()).toBeUndefined();
  });

  it('the last reply() wins: a status after a function, a function after a status', async () => {
    const req = request({ url: 'http://a.test/' });
    const statusLast = new Mock().reply(() => ({ status: 500 }));
    statusLast.reply(404);
    expect((await statusLast.respond(req)).status).toBe(404);
    const fnLast = new Mock();
    fnLast.reply(404);
    fnLast.reply(() => ({ status: 202 }));
    expect((await fnLast.respond(req)).status).toBe(202);
  });

  it('a bad reply value is an invalid argument', () => {
    invalidArgument(() => resolveDynamicReply({ status: 700 }), 'status');
    invalidArgument(() => resolveDynamicReply(null as unknown as Response), 'reply');
    invalidArgument(() => resolveDynamicReply({ headers: { 'X-A': 'a\nb' } }), 'header "X-A"');
  });

  it('headers as a list must be [name, value] pairs', () => {
    for (const pair of [{ for: 1 }, 'X-A', ['X-A'], ['X-A', '1', '2']]) {
      invalidArgument(() => resolveDynamicReply({ headers: [pair] as unknown as Array<[string, string]> }), 'headers');
    }
  });
});

describe('an array of chunks', () => {
  it('is sent again for every request of a persisted mock, chunk by chunk', async () => {
    const response = new PookResponse().body(['a', new Uint8Array([98]), 'c']);
    for (let round = 0; round < 3; round++) {
      const { body } = response.resolve();
      const chunks: string[] = [];
      for await (const chunk of body as AsyncIterable<Uint8Array>) chunks.push(new TextDecoder().decode(chunk));
      expect(chunks).toEqual(['a', 'b', 'c']);
    }
  });

  it('rejects a chunk that is neither text nor bytes, naming the argument', () => {
    expect(() => new PookResponse().body(['a', 1 as unknown as string])).toThrow(/invalid argument "body".*every chunk/);
  });

  it('rejects an undefined chunk and a hole, as any other chunk that is no text or bytes', () => {
    invalidArgument(() => new PookResponse().body([undefined] as unknown as string[]), 'body');
    // biome-ignore lint/suspicious/noSparseArray: the hole is the input under test
    invalidArgument(() => new PookResponse().body(['a', , 'b'] as unknown as string[]), 'body');
    invalidArgument(() => new Mock({ responseBody: [undefined] as unknown as string[] }), 'body');
  });
});
