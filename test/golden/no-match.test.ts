import { afterEach, describe, expect, it } from 'vitest';
import pook, { PookNoMatchesError, PookRequest, type PookRequestInit } from '../../src/index.js';

// Golden tests: the exact text of the no-match error, for each kind of near
// miss. Definition sites are lines of this file, relative to the working
// directory (vitest runs from the repository root); editing above a mock
// moves its line. The message is plain text: colour is only added by
// util.inspect on a colour terminal (test/unit/report-colour.test.ts).

afterEach(() => pook.off());

/** Sends a request through the engine, as an interceptor does, and returns the error it fails with. */
async function miss(init: PookRequestInit): Promise<PookNoMatchesError> {
  const outcome = await pook.engine().handle(new PookRequest({ client: 'fetch', ...init }));
  expect(outcome.type).toBe('error');
  const { error } = outcome as { error: Error };
  expect(error).toBeInstanceOf(PookNoMatchesError);
  return error as PookNoMatchesError;
}

const json = (value: unknown): Pick<PookRequestInit, 'headers' | 'body'> => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) });

describe('no-match error, golden text', () => {
  it('a near miss on the method', async () => {
    pook.post('https://api.test/users').json({ name: 'ada' }).reply(201);
    const error = await miss({ method: 'PUT', url: 'https://api.test/users', ...json({ name: 'ada' }) });
    expect(error.message).toBe(`pook: no mock matches PUT https://api.test/users

Request:
  PUT https://api.test/users
    content-type: application/json
    body (14 bytes, JSON):
      {
        "name": "ada"
      }

Mocks tried (closest first):

  1. POST https://api.test/users — matches except for method
     times(1), 0 calls · defined at test/golden/no-match.test.ts:25
     ✗ method: expected "POST", got "PUT"
     ✓ url
     ✓ json

Real networking is disabled: unmatched requests fail (pook.enableNetwork() lets them through).`);
  });

  it('a near miss on the path', async () => {
    pook.get('https://api.test/users/42').reply(200);
    const error = await miss({ method: 'GET', url: 'https://api.test/users/42/' });
    expect(error.message).toBe(`pook: no mock matches GET https://api.test/users/42/

Request:
  GET https://api.test/users/42/

Mocks tried (closest first):

  1. GET https://api.test/users/42 — matches except for url path
     times(1), 0 calls · defined at test/golden/no-match.test.ts:49
     ✓ method
     ✗ url path: expected "/users/42", got "/users/42/"

Real networking is disabled: unmatched requests fail (pook.enableNetwork() lets them through).`);
  });

  it('a near miss on a query value', async () => {
    pook.get('https://api.test/search').params({ q: 'pook', page: '2' }).reply(200);
    const error = await miss({ method: 'GET', url: 'https://api.test/search?q=pook&page=3' });
    expect(error.message).toBe(`pook: no mock matches GET https://api.test/search?q=pook&page=3

Request:
  GET https://api.test/search?q=pook&page=3

Mocks tried (closest first):

  1. GET https://api.test/search — matches except for query "page"
     times(1), 0 calls · defined at test/golden/no-match.test.ts:67
     ✓ method
     ✓ url
     ✓ query "q"
     ✗ query "page": expected "2", got "3"

Real networking is disabled: unmatched requests fail (pook.enableNetwork() lets them through).`);
  });

  it('a near miss on a header', async () => {
    pook.get('https://api.test/me').header('Authorization', /^Bearer /).header('X-Api-Version', '2').reply(200);
    const error = await miss({ method: 'GET', url: 'https://api.test/me', headers: { authorization: 'Basic dXNlcjpwYXNzd29yZA==', 'x-api-version': '1', accept: 'application/json' } });
    expect(error.message).toBe(`pook: no mock matches GET https://api.test/me

Request:
  GET https://api.test/me
    accept: application/json
    authorization: Basic dXNlcj…
    x-api-version: 1

Mocks tried (closest first):

  1. GET https://api.test/me — matches except for header "authorization" and header "x-api-version"
     times(1), 0 calls · defined at test/golden/no-match.test.ts:87
     ✓ method
     ✓ url
     ✗ header "authorization": expected /^Bearer /, got "Basic dXNlcj…"
     ✗ header "x-api-version": expected "2", got "1"

Real networking is disabled: unmatched requests fail (pook.enableNetwork() lets them through).`);
  });

  it('a near miss on a JSON field deep in the body', async () => {
    pook
      .post('https://api.test/orders')
      .json({ customer: { name: 'ada', address: { city: 'Paris', zip: '75001' } }, items: [{ sku: 'A1', qty: 2 }] })
      .reply(201);
    const body = { customer: { name: 'ada', address: { city: 'Lyon' }, vip: true }, items: [{ sku: 'A1', qty: 3 }] };
    const error = await miss({ method: 'POST', url: 'https://api.test/orders', ...json(body) });
    expect(error.message).toBe(`pook: no mock matches POST https://api.test/orders

Request:
  POST https://api.test/orders
    content-type: application/json
    body (95 bytes, JSON):
      {
        "customer": {
          "name": "ada",
          "address": {
            "city": "Lyon"
          },
          "vip": true
        },
        "items": [
          {
            "sku": "A1",
            "qty": 3
          }
        ]
      }

Mocks tried (closest first):

  1. POST https://api.test/orders — matches except for json
     times(1), 0 calls · defined at test/golden/no-match.test.ts:111
     ✓ method
     ✓ url
     ✗ json: 4 differences
         $.customer.address.city: expected "Paris", got "Lyon"
         $.customer.address.zip: missing key (expected "75001")
         $.customer.vip: extra key (got true)
         $.items[0].qty: expected 2, got 3

Real networking is disabled: unmatched requests fail (pook.enableNetwork() lets them through).`);
  });

  it('an expired mock', async () => {
    pook.get('https://api.test/token').reply(200).json({ token: 't1' });
    expect((await pook.engine().handle(new PookRequest({ method: 'GET', url: 'https://api.test/token' }))).type).toBe('response');
    const error = await miss({ method: 'GET', url: 'https://api.test/token' });
    expect(error.message).toBe(`pook: no mock matches GET https://api.test/token

Request:
  GET https://api.test/token

Mocks tried (closest first):

  1. GET https://api.test/token — matched but expired after 1 call (times(1))
     times(1), 1 call · defined at test/golden/no-match.test.ts:154
     ✓ method
     ✓ url
     hint: .times(n) or .persist() lets a mock answer more calls

Real networking is disabled: unmatched requests fail (pook.enableNetwork() lets them through).`);
  });

  it('a mock skipped by its filter', async () => {
    pook
      .get('https://api.test/users')
      .filter((request) => request.headers.get('x-tenant') === 'acme')
      .reply(200);
    pook.get('http://api.test:8080/users').reply(200);
    const error = await miss({ method: 'GET', url: 'https://api.test/users', headers: { 'x-tenant': 'globex' } });
    expect(error.message).toBe(`pook: no mock matches GET https://api.test/users

Request:
  GET https://api.test/users

Mocks tried (closest first):

  1. GET https://api.test/users — skipped by filter (every expectation matches)
     times(1), 0 calls · defined at test/golden/no-match.test.ts:175
     ✓ method
     ✓ url

  2. GET http://api.test:8080/users — matches except for url
     times(1), 0 calls · defined at test/golden/no-match.test.ts:178
     ✓ method
     ✗ url: 2 differences
         scheme: expected "http:", got "https:"
         port: expected 8080, got 443

Real networking is disabled: unmatched requests fail (pook.enableNetwork() lets them through).`);
  });

  it('twenty mocks: only the closest three are shown, ranked by closeness', async () => {
    const api = 'https://api.test';
    pook.get(`${api}/users`).reply(200); // 1: method + path
    pook.post(`${api}/users`).json({ name: 'ada' }).reply(201); // 2: method + path + body
    pook.get(`${api}/users/42`).reply(200); // 3: method
    pook.delete(`${api}/users/42`).reply(204); // 4: method
    pook.put(`${api}/users/43`).json({ name: 'ada', role: 'admin' }).reply(200); // 5: path
    pook.patch(`${api}/users/42`).json({ role: 'admin' }).reply(200); // 6: method + body
    pook.get(`${api}/teams`).reply(200); // 7: method + path
    pook.post(`${api}/teams`).reply(201); // 8: method + path
    pook.get(`${api}/teams/7`).reply(200); // 9: method + path
    pook.put(`${api}/teams/7`).reply(200); // 10: path
    pook.get(`${api}/health`).reply(204); // 11: method + path
    pook.get(`${api}/me`).reply(200); // 12: method + path
    pook.put(`${api}/users/42`).json({ name: 'ada', role: 'owner' }).headerPresent('X-Request-Id').reply(200); // 13: body + header
    pook.get('https://auth.test/token').reply(200); // 14: another host
    pook.post('https://auth.test/token').reply(200); // 15: another host
    pook.put(`${api}/users/42`).json({ name: 'ada', role: 'admin' }).header('If-Match', '"v1"').reply(200); // 16: one header
    pook.get(`${api}/users?page=2`).reply(200); // 17: method + path + query
    pook.put('http://api.test:8080/users/42').reply(200); // 18: scheme + port
    pook.head(`${api}/users/42`).reply(200); // 19: method
    pook.put(`${api}/users/42`).json({ name: 'bob', role: 'admin' }).reply(200); // 20: body
    expect(pook.engine().mocks).toHaveLength(20);

    const body = json({ name: 'ada', role: 'admin' });
    const error = await miss({ method: 'PUT', url: `${api}/users/42`, body: body.body, headers: { 'content-type': 'application/json', 'if-match': '"v2"' } });
    expect(error.message).toBe(`pook: no mock matches PUT https://api.test/users/42

Request:
  PUT https://api.test/users/42
    content-type: application/json
    if-match: "v2"
    body (29 bytes, JSON):
      {
        "name": "ada",
        "role": "admin"
      }

Mocks tried (closest 3 of 20; pook.debug() shows all):

  1. PUT https://api.test/users/42 — matches except for header "if-match"
     times(1), 0 calls · defined at test/golden/no-match.test.ts:219
     ✓ method
     ✓ url
     ✓ json
     ✗ header "if-match": expected "\\"v1\\"", got "\\"v2\\""

  2. PUT https://api.test/users/42 — matches except for json
     times(1), 0 calls · defined at test/golden/no-match.test.ts:223
     ✓ method
     ✓ url
     ✗ json: $.name: expected "bob", got "ada"

  3. PUT https://api.test/users/42 — matches except for json and header "x-request-id" present
     times(1), 0 calls · defined at test/golden/no-match.test.ts:216
     ✓ method
     ✓ url
     ✗ json: $.role: expected "owner", got "admin"
     ✗ header "x-request-id" present: expected "present", got "absent"

Real networking is disabled: unmatched requests fail (pook.enableNetwork() lets them through).`);

    // The whole ranking is on the error: by distance, ties in registration order.
    const ranking = error.candidates.map((c) => `${pook.engine().mocks.indexOf(c.mock) + 1}:${c.distance}`);
    expect(ranking).toEqual(['16:2', '20:4', '13:6', '3:8', '4:8', '19:8', '5:10', '10:10', '18:10', '6:12', '1:18', '7:18', '8:18', '9:18', '11:18', '12:18', '17:21', '2:22', '14:118', '15:118']);
  });
});

describe('no-match error, a mock without a path', () => {
  it('says that the mock matches any path, and the origin form expects the path', async () => {
    pook.get('https://api.test').header('Accept', 'application/json').reply(200);
    pook.origin('https://api.test').get('/').header('Accept', 'application/json').reply(200);
    const error = await miss({ method: 'GET', url: 'https://api.test/users' });
    expect(error.message).toBe(`pook: no mock matches GET https://api.test/users

Request:
  GET https://api.test/users

Mocks tried (closest first):

  1. GET https://api.test — matches except for header "accept"
     times(1), 0 calls · defined at test/golden/no-match.test.ts:272
     note: the URL has no path, so this mock matches any path (write one, or use pook.origin(url).get(path))
     ✓ method
     ✓ url
     ✗ header "accept": header is missing (expected "application/json")

  2. GET https://api.test/ — matches except for url path and header "accept"
     times(1), 0 calls · defined at test/golden/no-match.test.ts:273
     ✓ method
     ✗ url path: expected "/", got "/users"
     ✗ header "accept": header is missing (expected "application/json")

Real networking is disabled: unmatched requests fail (pook.enableNetwork() lets them through).`);
  });
});
