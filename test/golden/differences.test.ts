import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import pook, { Engine, PookNoMatchesError, PookPendingMocksError, PookRequest, type PookRequestInit } from '../../src/index.js';

// Golden tests: the exact text of a report that points at the difference —
// a long text, a multi-line text, binary bodies, JSON Schema errors —, of
// credentials a mock expects, and of util.inspect(engine). Definition sites
// are lines of this file (relative to the working directory).

afterEach(() => pook.off());

/** Sends a request through the engine, as an interceptor does, and returns the error it fails with. */
async function miss(init: PookRequestInit): Promise<PookNoMatchesError> {
  const outcome = await pook.engine().handle(new PookRequest({ client: 'fetch', ...init }));
  expect(outcome.type).toBe('error');
  const { error } = outcome as { error: Error };
  expect(error).toBeInstanceOf(PookNoMatchesError);
  return error as PookNoMatchesError;
}

describe('a report that points at the difference, golden text', () => {
  it('a long one-line body that differs near its end: where, and a window of both', async () => {
    const expected = JSON.stringify({ id: 42, items: Array.from({ length: 12 }, (_, i) => ({ sku: `A${i}`, qty: 1 })), note: 'deliver at noon' });
    pook.post('https://api.test/orders').body(expected).reply(201);
    const error = await miss({ method: 'POST', url: 'https://api.test/orders', body: expected.replace('at noon', 'at nine') });
    // The structured result keeps both bodies whole.
    expect(error.candidates[0]!.results[2]).toMatchObject({ expected, actual: expected.replace('at noon', 'at nine') });
    expect(error.message).toBe(`pook: no mock matches POST https://api.test/orders

Request:
  POST https://api.test/orders
    body (298 bytes, JSON):
      {
        "id": 42,
        "items": [
          {
            "sku": "A0",
            "qty": 1
          },
          {
            "sku": "A1",
            "qty": 1
          },
          {
            "sku": "A2",
            "qty": 1
          },
          {
            "sku": "A3",
            "qty": 1
          },
          {
            "sku": "A4",
            "qty": 1
          },
          {
            "sku": "A5",
            "qty": 1
          },
          {
            "sku": "A6",
            "qty": 1
      … (24 more lines)

Mocks tried (closest first):

  1. POST https://api.test/orders — matches except for body
     times(1), 0 calls · defined at test/golden/differences.test.ts:24
     ✓ method
     ✓ url
     ✗ body: first difference at line 1, column 294 (offset 293); expected 298 characters, got 298 characters
         expected: …ku":"A11","qty":1}],"note":"deliver at noon"}
         actual:   …ku":"A11","qty":1}],"note":"deliver at nine"}
                                                            ^

Real networking is disabled: unmatched requests fail (pook.enableNetwork() lets them through).`);
  });

  it('a multi-line body: a line diff with context', async () => {
    const csv = ['id,name,role', '1,ada,admin', '2,grace,editor', '3,linus,viewer', '4,guido,viewer', '5,barbara,editor', '6,ken,viewer'];
    pook.post('https://api.test/import').type('text/csv').body(csv.join('\n')).reply(202);
    const sent = [...csv.slice(0, 3), '3,linus,editor', ...csv.slice(4), '7,dennis,viewer'];
    const error = await miss({ method: 'POST', url: 'https://api.test/import', headers: { 'content-type': 'text/csv' }, body: sent.join('\n') });
    expect(error.message).toBe(`pook: no mock matches POST https://api.test/import

Request:
  POST https://api.test/import
    content-type: text/csv
    body (115 bytes):
      id,name,role
      1,ada,admin
      2,grace,editor
      3,linus,editor
      4,guido,viewer
      5,barbara,editor
      6,ken,viewer
      7,dennis,viewer

Mocks tried (closest first):

  1. POST https://api.test/import — matches except for body
     times(1), 0 calls · defined at test/golden/differences.test.ts:81
     ✓ method
     ✓ url
     ✓ content-type
     ✗ body: first difference at line 4, column 9 (offset 48); expected 7 lines (99 characters), got 8 lines (115 characters)
         --- expected
         +++ actual
         @@ -2,6 +2,7 @@
          1,ada,admin
          2,grace,editor
         -3,linus,viewer
         +3,linus,editor
          4,guido,viewer
          5,barbara,editor
          6,ken,viewer
         +7,dennis,viewer

Real networking is disabled: unmatched requests fail (pook.enableNetwork() lets them through).`);
  });

  it('binary bodies: sizes, the first differing byte, a hex dump of both', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 40 }, (_, i) => (i * 37) & 0xff)]);
    const sent = png.slice(0, 46);
    sent[21] = 0x00;
    pook.put('https://api.test/avatar').body(png).reply(204);
    const error = await miss({ method: 'PUT', url: 'https://api.test/avatar', headers: { 'content-type': 'image/png' }, body: sent });
    expect(error.message).not.toContain('\uFFFD');
    expect(error.message).toBe(`pook: no mock matches PUT https://api.test/avatar

Request:
  PUT https://api.test/avatar
    content-type: image/png
    body: 46 bytes of binary data

Mocks tried (closest first):

  1. PUT https://api.test/avatar — matches except for body
     times(1), 0 calls · defined at test/golden/differences.test.ts:126
     ✓ method
     ✓ url
     ✗ body: first difference at byte 21 (0x15); expected 48 bytes, got 46 bytes
         expected  00000000  89 50 4e 47 0d 0a 1a 0a 00 25 4a 6f 94 b9 de 03  |.PNG.....%Jo....|
         actual    00000000  89 50 4e 47 0d 0a 1a 0a 00 25 4a 6f 94 b9 de 03  |.PNG.....%Jo....|
         expected  00000010  28 4d 72 97 bc e1 06 2b 50 75 9a bf e4 09 2e 53  |(Mr....+Pu.....S|
         actual    00000010  28 4d 72 97 bc 00 06 2b 50 75 9a bf e4 09 2e 53  |(Mr....+Pu.....S|
                                            ^^
         expected  00000020  78 9d c2 e7 0c 31 56 7b a0 c5 ea 0f 34 59 7e a3  |x....1V{....4Y~.|
         actual    00000020  78 9d c2 e7 0c 31 56 7b a0 c5 ea 0f 34 59        |x....1V{....4Y|

Real networking is disabled: unmatched requests fail (pook.enableNetwork() lets them through).`);
  });

  it('JSON Schema errors: the offending property of each keyword, in the json() path notation', async () => {
    pook
      .post('https://api.test/users')
      .jsonSchema({
        type: 'object',
        required: ['id', 'name'],
        additionalProperties: false,
        properties: {
          id: { type: 'integer' },
          name: { type: 'string' },
          role: { enum: ['admin', 'editor', 'viewer'] },
          tags: { type: 'array', items: { type: 'string' } },
          'profile.url': { type: 'string', format: 'uri' },
        },
      })
      .reply(201);
    const body = { id: '7', role: 'owner', tags: ['a', 2], 'profile.url': 'not a uri', nickname: 'ada' };
    const error = await miss({ method: 'POST', url: 'https://api.test/users', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(error.message).toBe(`pook: no mock matches POST https://api.test/users

Request:
  POST https://api.test/users
    content-type: application/json
    body (83 bytes, JSON):
      {
        "id": "7",
        "role": "owner",
        "tags": [
          "a",
          2
        ],
        "profile.url": "not a uri",
        "nickname": "ada"
      }

Mocks tried (closest first):

  1. POST https://api.test/users — matches except for json schema
     times(1), 0 calls · defined at test/golden/differences.test.ts:156
     ✓ method
     ✓ url
     ✗ json schema: 6 differences
         $.name: missing key (required)
         $.nickname: extra key (additionalProperties: false), got "ada"
         $.id: expected type integer, got "7"
         $.role: expected one of "admin", "editor", "viewer", got "owner"
         $.tags[1]: expected type string, got 2
         $["profile.url"]: must match format "uri" (format), got "not a uri"

Real networking is disabled: unmatched requests fail (pook.enableNetwork() lets them through).`);
  });
});

describe('credentials a mock expects are cut short like those a request sends, golden text', () => {
  it('in the no-match report', async () => {
    pook.get('https://api.test/me').header('Authorization', 'Bearer sk_live_51HxQkP2eZvKYlo2C').header('Cookie', /session=s%3Aa8f2c9d1e4b7/).reply(200);
    const error = await miss({ method: 'GET', url: 'https://api.test/me', headers: { authorization: 'Bearer sk_live_51HxQkP2eZvKYlo2D', cookie: 'session=expired' } });
    expect(error.message).not.toContain('51HxQkP2eZvKYlo2');
    expect(error.message).not.toContain('a8f2c9d1e4b7');
    // The structured result keeps the full values.
    expect(error.candidates[0]!.results[2]).toMatchObject({ expected: 'Bearer sk_live_51HxQkP2eZvKYlo2C', actual: 'Bearer sk_live_51HxQkP2eZvKYlo2D' });
    expect(error.message).toBe(`pook: no mock matches GET https://api.test/me

Request:
  GET https://api.test/me
    authorization: Bearer sk_li…
    cookie: session=expi…

Mocks tried (closest first):

  1. GET https://api.test/me — matches except for header "authorization" and header "cookie"
     times(1), 0 calls · defined at test/golden/differences.test.ts:209
     ✓ method
     ✓ url
     ✗ header "authorization": expected "Bearer sk_li…", got "Bearer sk_li…" (cut short: they differ further on)
     ✗ header "cookie": expected /session=s%3…, got "session=expi…"

Real networking is disabled: unmatched requests fail (pook.enableNetwork() lets them through).`);
  });

  it('in the assertDone() table', () => {
    pook.get('https://api.test/me').header('Authorization', 'Bearer sk_live_51HxQkP2eZvKYlo2C').reply(200);
    pook.get('https://api.test/cart').header('Proxy-Authorization', /^Basic dXNlcjpodW50ZXIy$/).header('Accept', 'application/json').reply(200);
    let error: unknown;
    try {
      pook.assertDone();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PookPendingMocksError);
    const { message } = error as PookPendingMocksError;
    expect(message).not.toContain('51HxQkP2eZvKYlo2C');
    expect(message).not.toContain('dXNlcjpodW50ZXIy');
    expect(message).toBe(`pook: 2 mocks are still pending (not called as often as expected):

  #  METHOD  URL                    EXPECTATIONS                                                  CALLS  USES LEFT  DEFINED AT
  1  GET     https://api.test/me    header "authorization": "Bearer sk_li…"                       0      1          test/golden/differences.test.ts:235
  2  GET     https://api.test/cart  header "proxy-authorization": /^Basic dXNl…, header "accept…  0      1          test/golden/differences.test.ts:236`);
  });
});

describe('util.inspect(engine), golden text', () => {
  it('active or not, networking and its filters, mocks, pending, unmatched', async () => {
    const engine = pook.engine();
    expect(inspect(engine)).toBe(`Engine {
  inactive (interceptors: fetch, undici, http, xhr)
  networking: off
  mocks: 0
  unmatched requests: 0
}`);
    pook.get('https://api.test/users').reply(200);
    pook.get('https://api.test/teams').persist().reply(200);
    await engine.handle(new PookRequest({ method: 'GET', url: 'https://api.test/users' }));
    await engine.handle(new PookRequest({ method: 'GET', url: 'https://api.test/nowhere' }));
    pook.enableNetwork('localhost', /\.internal$/);
    pook.useNetworkFilter(function isLoopback(request) {
      return request.url.hostname === '127.0.0.1';
    });
    pook.activate();
    expect(inspect(engine)).toBe(`Engine {
  active (interceptors: fetch, undici, http, xhr)
  networking: on, for "localhost", /\\.internal$/ or isLoopback()
  mocks: 2 (1 pending)
  unmatched requests: 1
}`);
    pook.disableNetwork();
    engine.debug = true;
    expect(inspect(engine)).toBe(`Engine {
  active (interceptors: fetch, undici, http, xhr)
  networking: off (its filters are kept: "localhost", /\\.internal$/ or isLoopback())
  mocks: 2 (1 pending)
  unmatched requests: 1
  debug: on
}`);
    expect(inspect({ engine }, { depth: 0 })).toBe(`{ engine: [Engine active, 2 mocks, 1 pending] }`);
    const bare = new Engine({ interceptors: () => [] });
    bare.filter(() => true);
    expect(inspect(bare)).toBe(`Engine {
  inactive (no interceptors)
  networking: off
  mocks: 0
  unmatched requests: 0
  engine filters: 1, mappers: 0
}`);
  });
});
