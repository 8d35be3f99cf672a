import { describe, expectTypeOf, it } from 'vitest';
import pook, { type Mock, type PookOrigin, type PookResponse } from '../../src/index.js';

describe('the forms nock users reach for', () => {
  it('pook.origin(base) gives a PookOrigin whose methods return the Mock', () => {
    const api = pook.origin('https://api.test');
    expectTypeOf(api).toEqualTypeOf<PookOrigin>();
    expectTypeOf(api.get('/users')).toEqualTypeOf<Mock>();
    expectTypeOf(api.delete('/users/1', { reply: 204 })).toEqualTypeOf<Mock>();
    // @ts-expect-error a path is a string or a RegExp
    api.get(42);
  });

  it('reply(status, content, headers) returns the response definition', () => {
    const mock = pook.get('https://api.test/users');
    expectTypeOf(mock.reply(200, { json: [{ id: 1 }] })).toEqualTypeOf<PookResponse<Mock>>();
    expectTypeOf(mock.reply(200, 'text', { 'X-A': ['1', '2'] })).toEqualTypeOf<PookResponse<Mock>>();
    expectTypeOf(mock.reply(200, [1, 2])).toEqualTypeOf<PookResponse<Mock>>();
    expectTypeOf(mock.reply(200, new Uint8Array(1))).toEqualTypeOf<PookResponse<Mock>>();
    // @ts-expect-error an object meant as JSON is written { json: object }
    mock.reply(200, { id: 1 });
    const body = { id: 1 };
    // @ts-expect-error so is an object held in a variable
    mock.reply(200, body);
    // @ts-expect-error a reply function is given alone
    mock.reply(() => ({ status: 200 }), 'x');
    // @ts-expect-error headers are strings
    mock.reply(200, 'x', { 'X-A': 1 });
  });

  it('query() and form() take parameter values', () => {
    const mock = pook.post('https://api.test/token');
    expectTypeOf(mock.query({ page: '2', tag: ['a', 'b'], id: /\d+/ })).toEqualTypeOf<Mock>();
    expectTypeOf(mock.form({ grant_type: 'client_credentials', n: 1 })).toEqualTypeOf<Mock>();
    // @ts-expect-error a form value is not an object
    mock.form({ a: { b: 1 } });
  });
});
