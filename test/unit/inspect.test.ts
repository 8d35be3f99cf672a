import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import pook, { Mock, PookInvalidArgumentError, type PookNoMatchesError, PookRequest } from '../../src/index.js';

// util.inspect(mock), util.inspect(request) and util.inspect(error) print
// readable summaries; colour only when inspect is asked for it (a TTY).

afterEach(() => pook.off());
// biome-ignore lint/suspicious/noControlCharactersInRegex: matches ANSI colour codes, which start with ESC (U+001B)
const ANSI = /\u001b\[\d+m/;

describe('util.inspect(mock)', () => {
  it('shows the label, the other expectations, the uses and where it was defined', () => {
    const mock = pook.post('https://api.test/users').header('Accept', /json/).json({ name: 'ada' }).times(2).reply(201).mock;
    expect(inspect(mock)).toBe(`Mock POST https://api.test/users {
  expects: header "accept": /json/, json: {"name":"ada"}
  times(2), 0 calls, pending
  defined at test/unit/inspect.test.ts:14
}`);
  });

  it('says done, persistent, and when nothing else is expected; nested, it is indented by inspect', () => {
    const mock = new Mock({ url: 'api.test', persist: true });
    mock.attempt(new PookRequest({ method: 'GET', url: 'http://api.test/' }));
    expect(inspect({ mocks: [mock] })).toBe(`{
  mocks: [
    Mock ANY api.test {
      persistent, 1 call, done
      defined at test/unit/inspect.test.ts:23
    }
  ]
}`);
    expect(inspect({ a: mock }, { depth: 0 })).toBe('{ a: [Mock ANY api.test] }');
  });

  it('mock.expectations lists every expectation in definition order', () => {
    const mock = pook.get('api.test/users?page=2').headerPresent('x-trace').type('json').body(/x/);
    expect(mock.expectations).toEqual([
      'method GET',
      'url api.test/users?page=2',
      'query "page": "2"',
      'header "x-trace" present',
      'content-type: "application/json"',
      'body: /x/',
    ]);
  });

  it('colours only when asked', () => {
    const mock = pook.get('api.test');
    expect(inspect(mock, { colors: false })).not.toMatch(ANSI);
    expect(inspect(mock, { colors: true })).toMatch(ANSI);
  });
});

describe('util.inspect(request)', () => {
  it('shows the method, URL and client, every header (credentials cut) and the body', () => {
    const request = new PookRequest({
      method: 'POST',
      url: 'https://api.test/users?x=1',
      client: 'http',
      headers: { 'content-type': 'application/json', authorization: 'Bearer abcdefghijklmnop', 'x-trace': 't1' },
      body: '{"name":"ada"}',
    });
    expect(inspect(request)).toBe(`PookRequest POST https://api.test/users?x=1 (http) {
  content-type: application/json
  authorization: Bearer abcde…
  x-trace: t1
  body (14 bytes, JSON):
    {
      "name": "ada"
    }
}`);
    expect(inspect(new PookRequest({ method: 'GET', url: 'http://api.test/' }))).toBe('PookRequest GET http://api.test/ (unknown) {}');
    expect(inspect([request], { depth: -1 })).toBe('[Array]');
    expect(inspect({ a: request }, { depth: 0 })).toBe('{ a: [PookRequest POST https://api.test/users?x=1 (http)] }');
  });
});

describe('util.inspect(error)', () => {
  it('a pook error shows its stack (the whole report) and its scalar fields, not the big structures', () => {
    const error = pook.engine().noMatchError(new PookRequest({ method: 'GET', url: 'http://api.test/' }));
    const text = inspect(error);
    expect(text.startsWith(`PookNoMatchesError: ${error.message}\n    at `)).toBe(true);
    expect(text.endsWith("{ code: 'POOK_NO_MATCH' }")).toBe(true);
    expect(text).not.toContain('candidates');
    const invalid = inspect(new PookInvalidArgumentError('times', 'expected an integer'));
    expect(invalid).toMatch(/\{ code: 'POOK_INVALID_ARGUMENT', argument: 'times' \}$/);
  });

  it('the message never has colour; inspect adds it only when asked (as Node does on a colour terminal)', async () => {
    pook.activate();
    pook.get('api.test/users').header('accept', 'application/json').reply(200);
    const failure = (await fetch('http://api.test/users').catch((e: unknown) => e)) as TypeError;
    const error = failure.cause as PookNoMatchesError;
    expect(error.message).not.toMatch(ANSI);
    expect(inspect(error, { colors: false })).not.toMatch(ANSI);
    const coloured = inspect(error, { colors: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured).toContain('\u001b[31m✗ header "accept": expected "application/json", got "*/*"\u001b[39m');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes, which start with ESC (U+001B)
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(inspect(error, { colors: false }).replace(/\u001b\[\d+m/g, ''));
  });

  it('a function of the user that was not evaluated is dimmed', async () => {
    pook.activate();
    pook.get('api.test/users').header('accept', 'application/json').use(function isAdmin() {
      return true;
    });
    const failure = (await fetch('http://api.test/users').catch((e: unknown) => e)) as TypeError;
    const error = failure.cause as PookNoMatchesError;
    expect(error.message).toContain('\n     · custom matcher isAdmin: not evaluated\n');
    expect(inspect(error, { colors: true })).toContain('\u001b[2m     · custom matcher isAdmin: not evaluated\u001b[22m');
  });
});
