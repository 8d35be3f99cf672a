import { describe, expect, it } from 'vitest';
import { Mock } from '../../src/index.js';
import { ParamExistsMatcher, ParamMatcher } from '../../src/matchers/query.js';
import { invalidArgument, request } from './support.js';

const at = (query: string) => request({ url: `http://a.test/x${query}` });

describe('param matcher', () => {
  it('a string expects exactly that one value', () => {
    const page = new ParamMatcher('page', '2');
    expect(page.match(at('?page=2')).pass).toBe(true);
    expect(page.match(at('?page=3'))).toEqual({ pass: false, expectation: 'query "page"', expected: '2', actual: '3' });
    expect(page.match(at('?page=2&page=3'))).toMatchObject({ pass: false, actual: ['2', '3'] });
  });

  it('a missing key fails with a reason', () => {
    expect(new ParamMatcher('page', '2').match(at('?other=2'))).toMatchObject({ pass: false, actual: undefined, reason: 'param is missing' });
  });

  it('keys and values are case-sensitive and compared decoded', () => {
    expect(new ParamMatcher('Page', '2').match(at('?page=2')).pass).toBe(false);
    expect(new ParamMatcher('q', 'a b').match(at('?q=a%20b')).pass).toBe(true);
    expect(new ParamMatcher('q', 'a b').match(at('?q=a+b')).pass).toBe(true);
  });

  it('numbers and booleans are compared as strings', () => {
    expect(new ParamMatcher('page', 2).match(at('?page=2')).pass).toBe(true);
    expect(new ParamMatcher('on', true).match(at('?on=true')).pass).toBe(true);
  });

  it('a string[] expects those values in that order', () => {
    const tags = new ParamMatcher('tag', ['a', 'b']);
    expect(tags.match(at('?tag=a&tag=b')).pass).toBe(true);
    expect(tags.match(at('?tag=b&tag=a'))).toMatchObject({ pass: false, expected: ['a', 'b'], actual: ['b', 'a'] });
    expect(tags.match(at('?tag=a')).pass).toBe(false);
  });

  it('a RegExp must match every value', () => {
    const id = new ParamMatcher('id', /^\d+$/);
    expect(id.match(at('?id=1&id=22')).pass).toBe(true);
    expect(id.match(at('?id=1&id=x')).pass).toBe(false);
    expect(id.match(at('')).pass).toBe(false);
  });

  it('params() ignores extra request params; param() and the option agree', () => {
    const req = at('?page=2&sort=name&extra=1');
    expect(new Mock().params({ page: '2', sort: 'name' }).explain(req).failures).toBe(0);
    expect(new Mock({ params: { page: 2, sort: /^n/ } }).explain(req).failures).toBe(0);
    const dsl = new Mock().param('page', '3').param('sort', 'name');
    expect(dsl.explain(req).results.filter((r) => !r.pass)).toEqual([{ pass: false, expectation: 'query "page"', expected: '3', actual: '2' }]);
    expect(new Mock({ params: { page: '3', sort: 'name' } }).explain(req).results).toEqual(dsl.explain(req).results);
  });

  it('the empty key of ?=v is a key like any other', () => {
    expect(new Mock().param('', 'v').explain(at('?=v')).failures).toBe(0);
    expect(new Mock().param('', 'v').explain(at('?v')).failures).toBe(1);
  });

  it('keys named like Object.prototype members are keys like any other', () => {
    for (const key of ['toString', 'constructor', '__proto__', 'valueOf', 'hasOwnProperty']) {
      expect(new Mock().param(key, '1').explain(at(`?${key}=1`)).failures, key).toBe(0);
      expect(
        new Mock()
          .param(key, '1')
          .explain(at('?other=1'))
          .results.find((r) => !r.pass),
        key,
      ).toMatchObject({ reason: 'param is missing' });
    }
  });

  it('rejects a bad name or value', () => {
    invalidArgument(() => new Mock().param(1 as unknown as string, 'x'), 'param');
    invalidArgument(() => new Mock().param('a', { nested: true } as unknown as string), 'param "a"');
    invalidArgument(() => new Mock().param('a', [1, 2] as unknown as string[]), 'param "a"');
    invalidArgument(() => new Mock().params('page=1' as unknown as Record<string, string>), 'params');
  });
});

describe('paramExists matcher', () => {
  it('requires the key with a non-empty value by default', () => {
    const token = new ParamExistsMatcher('token');
    expect(token.match(at('?token=abc')).pass).toBe(true);
    expect(token.match(at('?token='))).toEqual({ pass: false, expectation: 'query "token" present', expected: 'present and non-empty', actual: '' });
    expect(token.match(at('?token')).pass).toBe(false);
    expect(token.match(at('?other=1'))).toMatchObject({ pass: false, actual: 'absent' });
  });

  it('allowEmpty accepts ?key= and ?key', () => {
    const token = new ParamExistsMatcher('token', true);
    expect(token.match(at('?token=')).pass).toBe(true);
    expect(token.match(at('?token')).pass).toBe(true);
    expect(token.match(at(''))).toMatchObject({ pass: false, expected: 'present', actual: 'absent' });
  });

  it('paramExists() and the option agree', () => {
    const req = at('?a=1');
    expect(new Mock().paramExists('a').paramExists('b').explain(req).failures).toBe(1);
    expect(new Mock({ paramExists: ['a', 'b'] }).explain(req).failures).toBe(1);
    expect(new Mock({ paramExists: 'a' }).explain(req).failures).toBe(0);
    expect(new Mock().paramExists('e', true).explain(at('?e=')).failures).toBe(0);
  });

  it('the empty key of ?=v can be expected; a name that is no string is refused', () => {
    expect(new Mock().paramExists('').explain(at('?=v')).failures).toBe(0);
    invalidArgument(() => new Mock().paramExists(undefined as unknown as string), 'paramExists');
  });
});
