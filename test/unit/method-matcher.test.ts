import { describe, expect, it } from 'vitest';
import { Mock, PookRequest } from '../../src/index.js';
import { MethodMatcher } from '../../src/matchers/method.js';
import { invalidArgument, request } from './support.js';

describe('method matcher', () => {
  it('is case-insensitive on both sides', () => {
    expect(new MethodMatcher('post').match(request({ url: 'http://a.test/', method: 'POST' })).pass).toBe(true);
    expect(new MethodMatcher('POST').match(request({ url: 'http://a.test/', method: 'post' })).pass).toBe(true);
  });

  it('reports expected and actual in upper case', () => {
    expect(new MethodMatcher('get').match(request({ url: 'http://a.test/', method: 'delete' }))).toEqual({
      pass: false,
      expectation: 'method',
      expected: 'GET',
      actual: 'DELETE',
    });
  });

  it("'*' matches any method", () => {
    const any = new MethodMatcher('*');
    for (const method of ['GET', 'POST', 'PROPFIND', 'patch']) expect(any.match(new PookRequest({ method, url: 'http://a.test/' })).pass).toBe(true);
  });

  it('is what the method() DSL and option add', () => {
    const dsl = new Mock().method('put');
    const opts = new Mock({ method: 'put' });
    const put = request({ url: 'http://a.test/', method: 'PUT' });
    const get = request({ url: 'http://a.test/' });
    expect(dsl.explain(put).failures).toBe(0);
    expect(opts.explain(put).failures).toBe(0);
    expect(dsl.explain(get).results).toEqual([{ pass: false, expectation: 'method', expected: 'PUT', actual: 'GET' }]);
    expect(opts.explain(get).results).toEqual(dsl.explain(get).results);
  });

  it('rejects an empty or non-string method', () => {
    invalidArgument(() => new Mock().method(''), 'method');
    invalidArgument(() => new Mock().method(3 as unknown as string), 'method');
    invalidArgument(() => new Mock().method(/GET/ as unknown as string), 'method');
  });

  it('rejects a method that is no HTTP token, which no request can have', () => {
    for (const method of ['GE T', 'GET\r\n', 'GET\n', ' GET', 'GÉT', 'a(b)']) {
      expect(invalidArgument(() => new Mock().method(method), 'method').message).toContain('is not an HTTP method');
      invalidArgument(() => new Mock({ method }), 'method');
    }
    expect(new Mock().method('M-SEARCH').explain(request({ url: 'http://a.test/', method: 'm-search' })).failures).toBe(0);
  });
});
