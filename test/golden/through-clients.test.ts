import { inspect } from 'node:util';
import axios from 'axios';
import { afterEach, describe, expect, it } from 'vitest';
import pook, { PookNoMatchesError } from '../../src/index.js';

// A wrong request made through a real client: what the user sees (fetch's
// TypeError, axios's AxiosError) must still lead to the explanation, in the
// message or in what Node and test runners print for the error (its cause).

afterEach(() => pook.off());

// Lines of the explanation of this miss (a JSON field differs).
const EXPLANATION = [
  'pook: no mock matches POST http://api.test/users',
  '  1. POST api.test/users — matches except for json',
  '     ✗ json: $.name: expected "ada", got "bob"',
];

function defineMocks(): void {
  pook.activate();
  pook.post('api.test/users').json({ name: 'ada' }).reply(201);
  pook.get('api.test/users').reply(200);
}

describe('the explanation reaches the user through the client', () => {
  it('fetch: TypeError("fetch failed"), whose cause is the report; util.inspect (console.log, uncaught errors) prints it', async () => {
    defineMocks();
    const failure = await fetch('http://api.test/users', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"bob"}' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as TypeError).message).toBe('fetch failed'); // fetch's own message, as for any network error
    const cause = (failure as TypeError).cause as PookNoMatchesError;
    expect(cause).toBeInstanceOf(PookNoMatchesError);
    for (const line of EXPLANATION) expect(cause.message).toContain(line);
    const printed = inspect(failure);
    expect(printed).toContain('TypeError: fetch failed');
    expect(printed).toContain('[cause]: PookNoMatchesError: pook: no mock matches POST http://api.test/users');
    for (const line of EXPLANATION) expect(printed).toContain(line);
  });

  it("axios: the AxiosError's own message is the report, and its code is POOK_NO_MATCH", async () => {
    defineMocks();
    const failure = await axios.post('http://api.test/users', { name: 'bob' }, { proxy: false }).catch((e: unknown) => e);
    expect(axios.isAxiosError(failure)).toBe(true);
    const error = failure as Error & { code?: string; cause?: unknown };
    expect(error.code).toBe('POOK_NO_MATCH');
    for (const line of EXPLANATION) expect(error.message).toContain(line);
    expect(error.cause).toBeInstanceOf(PookNoMatchesError);
    expect((error.cause as PookNoMatchesError).request.client).toBe('http');
    const printed = inspect(failure);
    for (const line of EXPLANATION) expect(printed).toContain(line);
  });
});
