import { afterEach, describe, expect, it } from 'vitest';
import pook, { Engine, isPookError, Mock, PookNoMatchesError, PookRequest } from '../../src/index.js';

afterEach(() => pook.off());

const request = new PookRequest({
  method: 'POST',
  url: 'https://api.test/users?page=1',
  headers: { 'content-type': 'application/json', authorization: 'Bearer abcdefghijklmnopqrstuvwxyz', 'x-api-key': 'wrong', 'x-noise': 'n' },
  body: '{"name":"bob","age":3}',
});

function engineWith(...mocks: Mock[]): Engine {
  const engine = new Engine();
  for (const mock of mocks) engine.addMock(mock);
  return engine;
}

/** The error of a request the engine handled and blocked: the report the user gets. */
async function blocked(engine: Engine, req: PookRequest = request): Promise<PookNoMatchesError> {
  const outcome = await engine.handle(req);
  if (outcome.type !== 'error' || !(outcome.error instanceof PookNoMatchesError)) throw new Error(`expected a no-match error, got ${outcome.type}`);
  return outcome.error;
}

describe('no-match report', () => {
  it('is a PookNoMatchesError carrying the request and per-mock reports', () => {
    const mock = new Mock({ url: 'api.test/users', method: 'GET' });
    const error = engineWith(mock).noMatchError(request);
    expect(error).toBeInstanceOf(PookNoMatchesError);
    expect(isPookError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'POOK_NO_MATCH', name: 'PookNoMatchesError', request });
    expect(error.candidates).toHaveLength(1);
    expect(error.candidates[0]!.mock).toBe(mock);
    expect(error.candidates[0]!.results.filter((r) => !r.pass)).toEqual([{ pass: false, expectation: 'method', expected: 'GET', actual: 'POST' }]);
  });

  it('names the method and URL, notable headers (authorization shortened) and a body excerpt', () => {
    const { message } = engineWith().noMatchError(request);
    expect(message.split('\n')[0]).toBe('pook: no mock matches POST https://api.test/users?page=1');
    expect(message).toContain('content-type: application/json');
    expect(message).toContain('authorization: Bearer abcde…');
    expect(message).not.toContain('abcdefghijklmnopqrstuvwxyz');
    expect(message).not.toContain('x-noise');
    expect(message).toContain(['    body (22 bytes, JSON):', '      {', '        "name": "bob",', '        "age": 3', '      }'].join('\n'));
    expect(message).toContain('No mocks are registered.');
    expect(message).toContain('Real networking is disabled');
  });

  it('cuts a long body', () => {
    const long = request.with({ body: 'x'.repeat(1000) });
    const { message } = engineWith().noMatchError(long);
    expect(message).toContain(`body (1000 bytes, first 300 characters shown):\n      ${'x'.repeat(300)}…\n`);
    expect(message).not.toContain('x'.repeat(301));
  });

  it('cuts a long JSON body after 30 lines, saying how many more', () => {
    const long = request.with({ body: JSON.stringify(Array.from({ length: 40 }, (_, i) => i)) });
    const { message } = engineWith().noMatchError(long);
    expect(message).toContain('body (111 bytes, JSON):\n      [\n        0,\n');
    expect(message).toContain('        28,\n      … (12 more lines)\n');
    expect(message).not.toContain('        29,');
  });

  it('says a binary body is binary', () => {
    const binary = request.with({ body: new Uint8Array([0xff, 0xfe, 0x00, 0x81]), headers: {} });
    expect(engineWith().noMatchError(binary).message).toContain('    body: 4 bytes of binary data\n');
  });

  it('shows, besides the usual headers, those the shown mocks expect', () => {
    const mock = new Mock({ url: 'api.test', headers: { 'X-Api-Key': 'secret' } });
    const { message } = engineWith(mock).noMatchError(request);
    expect(message).toContain('    x-api-key: wrong\n');
    expect(message).not.toContain('x-noise');
  });

  it('gives, per mock, each failing expectation with expected and actual', () => {
    const mock = new Mock({ url: 'https://api.test/users', method: 'POST', headers: { 'X-Api-Key': 'secret' }, params: { page: '2' }, json: { name: 'ada' } });
    const { message } = engineWith(mock).noMatchError(request);
    expect(message).toContain('1. POST https://api.test/users — matches except for header "x-api-key", query "page" and json\n');
    expect(message).toMatch(/^ {5}times\(1\), 0 calls · defined at test\/unit\/no-match-report\.test\.ts:\d+$/m);
    expect(message).toContain('✓ method');
    expect(message).toContain('✗ header "x-api-key": expected "secret", got "wrong"');
    expect(message).toContain('✗ query "page": expected "2", got "1"');
    expect(message).toContain('✗ json: 2 differences\n         $.name: expected "ada", got "bob"\n         $.age: extra key (got 3)\n');
  });

  it('says what was expected when the request lacks it', () => {
    const mock = new Mock({ url: 'api.test', headers: { 'X-Trace': 't1' }, params: { limit: '10' } });
    const { message } = engineWith(mock).noMatchError(request);
    expect(message).toContain('✗ header "x-trace": header is missing (expected "t1")');
    expect(message).toContain('✗ query "limit": param is missing (expected "10")');
  });

  it('a custom matcher returning false is named without made-up values', async () => {
    const mock = new Mock({ url: 'api.test' }).addMatcher(function isAdmin() {
      return false;
    });
    const { message } = await blocked(engineWith(mock));
    expect(message).toMatch(/✗ custom matcher isAdmin$/m);
    expect(message).not.toContain('expected undefined');
  });

  it('a custom MatchResult reason is shown', async () => {
    const mock = new Mock({ url: 'api.test' }).addMatcher(() => ({ pass: false, expectation: 'tenant', reason: 'tenant "acme" is not allowed' }));
    expect((await blocked(engineWith(mock))).message).toContain('✗ tenant: tenant "acme" is not allowed');
  });

  it('json schema failures are listed', () => {
    const mock = new Mock({ url: 'api.test', jsonSchema: { type: 'object', required: ['id'], properties: { age: { type: 'string' } } } });
    const { message } = engineWith(mock).noMatchError(request);
    expect(message).toContain('✗ json schema: 2 differences\n         $.id: missing key (required)\n         $.age: expected type string, got 3');
  });

  it('says when a mock is expired or skipped by its filter', async () => {
    const expired = new Mock({ url: 'api.test' });
    expired.attempt(request);
    const filtered = new Mock({ url: 'api.test', filter: () => false });
    const { message } = await blocked(engineWith(expired, filtered));
    expect(message).toContain('ANY api.test — matched but expired after 1 call (times(1))');
    expect(message).toContain('ANY api.test — skipped by filter (every expectation matches)');
  });

  it('an expired or filtered mock that also differs says both', async () => {
    const expired = new Mock({ url: 'api.test', method: 'POST' });
    expired.attempt(request);
    const filtered = new Mock({ url: 'api.test', method: 'GET', filter: () => false });
    const { message } = await blocked(engineWith(expired, filtered), request.with({ method: 'PUT' }));
    expect(message).toContain('POST api.test — expired after 1 call (times(1)); otherwise matches except for method');
    expect(message).toContain('GET api.test — skipped by filter; otherwise matches except for method');
  });

  it('a mock that matches nothing at all "differs"', () => {
    const { message } = engineWith(new Mock({ url: 'other.test', method: 'GET' })).noMatchError(request);
    expect(message).toContain('GET other.test — differs in method and url host');
  });

  it('shows the closest three mocks, closest first; debug() shows all', () => {
    const engine = engineWith(
      new Mock({ url: 'api.test', method: 'GET', headers: { a: '1' }, params: { z: '1' } }), // 3 failures
      new Mock({ url: 'api.test', method: 'GET' }), // 1 failure
      new Mock({ url: 'api.test', method: 'GET', headers: { a: '1' } }), // 2 failures
      new Mock({ url: 'api.test/users', method: 'GET', params: { page: '2' } }), // 2 failures
    );
    const { message } = engine.noMatchError(request);
    expect(message).toContain('Mocks tried (closest 3 of 4; pook.debug() shows all):');
    const labels = [...message.matchAll(/^ {2}(\d)\. (.*) — /gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(labels).toEqual(['1 GET api.test', '2 GET api.test', '3 GET api.test/users']);
    engine.debug = true;
    expect([...engine.noMatchError(request).message.matchAll(/^ {2}\d\. /gm)]).toHaveLength(4);
  });

  it('a mock for another host is never closer than one for the request host', () => {
    const engine = engineWith(
      new Mock({ url: 'https://api.test/users', method: 'POST', headers: { 'x-api-key': 'secret' }, json: { name: 'ada' } }),
      new Mock({ url: 'other.test' }),
    );
    const [first, second] = engine.noMatchError(request).candidates;
    expect(first!.mock.label).toBe('POST https://api.test/users');
    expect(second!.mock.label).toBe('ANY other.test');
  });

  it('says when an engine filter rejected the request', async () => {
    const engine = engineWith(new Mock({ url: 'api.test' }));
    engine.filter(() => false);
    const outcome = await engine.handle(request);
    const error = (outcome as unknown as { error: PookNoMatchesError }).error;
    expect(error.message).toContain('It was rejected by an engine filter before any mock was tried.');
    expect(error.candidates).toEqual([]);
  });

  it('reaches a fetch caller as the cause of TypeError("fetch failed")', async () => {
    pook.activate();
    pook.get('api.test/users').header('accept', 'application/json').reply(200);
    const failure = await fetch('http://api.test/users', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as TypeError).message).toBe('fetch failed');
    const error = (failure as TypeError).cause as PookNoMatchesError;
    expect(error).toBeInstanceOf(PookNoMatchesError);
    expect(error.request.client).toBe('fetch');
    expect(error.message).toContain('pook: no mock matches POST http://api.test/users');
    expect(error.message).toContain('content-type: text/plain');
    expect(error.message).toContain('body (5 bytes): hello');
    expect(error.message).toContain('✗ method: expected "GET", got "POST"');
    expect(error.message).toContain('✗ header "accept": expected "application/json", got "*/*"');
  });

  it('pook.debug() logs each decision to stderr', async () => {
    const lines: string[] = [];
    let line = 0;
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string) => {
      lines.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      pook.activate();
      pook.debug();
      pook.get('api.test/ok').reply(200);
      line = pook.engine().mocks[0]!.definedAt!.line;
      await fetch('http://api.test/ok');
      await fetch('http://api.test/missing').catch(() => undefined);
      pook.debug(false);
      await fetch('http://api.test/quiet').catch(() => undefined);
    } finally {
      process.stderr.write = write;
    }
    const site = `test/unit/no-match-report.test.ts:${line}`;
    expect(lines).toEqual([
      `pook: GET http://api.test/ok → GET api.test/ok (${site})\n`,
      `pook: GET http://api.test/missing → blocked (no mock matched; closest: GET api.test/ok (${site}), expired after 1 call (times(1)); otherwise matches except for url path)\n`,
    ]);
  });
});
