import { describe, expect, it } from 'vitest';
import { Mock } from '../../src/index.js';
import { HeaderMatcher } from '../../src/matchers/header.js';
import { HeaderPresenceMatcher } from '../../src/matchers/header-presence.js';
import { invalidArgument, request } from './support.js';

const withHeaders = (headers: HeadersInit) => request({ url: 'http://a.test/', headers });

describe('header matcher', () => {
  it('matches header names case-insensitively', () => {
    expect(new HeaderMatcher('X-Api-Key', 'k1').match(withHeaders({ 'x-api-key': 'k1' })).pass).toBe(true);
    expect(new HeaderMatcher('x-api-key', 'k1').match(withHeaders({ 'X-API-KEY': 'k1' })).pass).toBe(true);
  });

  it('compares values exactly and case-sensitively', () => {
    expect(new HeaderMatcher('accept', 'application/json').match(withHeaders({ accept: 'Application/JSON' }))).toEqual({
      pass: false,
      expectation: 'header "accept"',
      expected: 'application/json',
      actual: 'Application/JSON',
    });
    expect(new HeaderMatcher('accept', 'application/json').match(withHeaders({ accept: 'application/json; q=1' })).pass).toBe(false);
  });

  it('tests a RegExp against the value', () => {
    const bearer = new HeaderMatcher('Authorization', /^Bearer \w+$/);
    expect(bearer.match(withHeaders({ authorization: 'Bearer abc' })).pass).toBe(true);
    expect(bearer.match(withHeaders({ authorization: 'Basic abc' }))).toMatchObject({ pass: false, expected: /^Bearer \w+$/, actual: 'Basic abc' });
  });

  it("joins multi-valued headers with ', '", () => {
    const headers = new Headers();
    headers.append('x-tag', 'a');
    headers.append('x-tag', 'b');
    const req = withHeaders(headers);
    expect(new HeaderMatcher('x-tag', 'a, b').match(req).pass).toBe(true);
    expect(new HeaderMatcher('x-tag', 'a').match(req)).toMatchObject({ pass: false, actual: 'a, b' });
    expect(new HeaderMatcher('x-tag', /^a, b$/).match(req).pass).toBe(true);
    expect(
      new HeaderMatcher('x-tag', 'a, b').match(
        withHeaders([
          ['X-Tag', 'a'],
          ['x-tag', 'b'],
        ]),
      ).pass,
    ).toBe(true);
  });

  it('a missing header fails with a reason, for a string or a RegExp', () => {
    expect(new HeaderMatcher('x-id', '1').match(withHeaders({}))).toMatchObject({ pass: false, expected: '1', actual: undefined, reason: 'header is missing' });
    expect(new HeaderMatcher('x-id', /.*/).match(withHeaders({})).pass).toBe(false);
  });

  it('an empty expected value matches an empty header, not a missing one', () => {
    expect(new HeaderMatcher('x-empty', '').match(withHeaders({ 'x-empty': '' })).pass).toBe(true);
    expect(new HeaderMatcher('x-empty', '').match(withHeaders({})).pass).toBe(false);
  });

  it('headers() adds one expectation per header, and all must hold', () => {
    const mock = new Mock().headers({ 'X-A': '1', 'X-B': /^2/ });
    expect(mock.explain(withHeaders({ 'x-a': '1', 'x-b': '22' })).failures).toBe(0);
    const report = mock.explain(withHeaders({ 'x-a': '1', 'x-b': '3' }));
    expect(report.results.filter((r) => !r.pass).map((r) => r.expectation)).toEqual(['header "x-b"']);
    expect(new Mock({ headers: { 'X-A': '1', 'X-B': /^2/ } }).explain(withHeaders({ 'x-a': '1', 'x-b': '3' })).results).toEqual(report.results);
  });

  it('rejects invalid names and values at definition time', () => {
    invalidArgument(() => new Mock().header('', 'x'), 'header');
    invalidArgument(() => new Mock().header('X-Bad\r\nInjected', 'x'), 'header');
    invalidArgument(() => new Mock().header('X\nY', 'x'), 'header');
    invalidArgument(() => new Mock().header('X Y', 'x'), 'header');
    invalidArgument(() => new Mock().header('X-Ok', 'a\r\nInjected: 1'), 'header "X-Ok"');
    invalidArgument(() => new Mock().header('X-Ok', 'a\nb'), 'header "X-Ok"');
    invalidArgument(() => new Mock().header('X-Ok', 'a\rb'), 'header "X-Ok"');
    invalidArgument(() => new Mock().header('X-Ok', 1 as unknown as string), 'header "X-Ok"');
    invalidArgument(() => new Mock({ headers: { 'X-Ok': 'a\nb' } }), 'header "X-Ok"');
    invalidArgument(() => new Mock().headers(null as unknown as Record<string, string>), 'headers');
  });

  it('rejects a value no request can carry: beyond Latin-1, or a control character', () => {
    for (const value of ['ā', '☃', 'a\x01', '\x7f', '\x1b[0m']) invalidArgument(() => new Mock().header('X-Ok', value), 'header "X-Ok"');
    expect(new Mock().header('X-Ok', 'é\tÿ').explain(withHeaders({ 'x-ok': 'é\tÿ' })).failures).toBe(0);
  });

  it('spaces and tabs around an expected value do not count, as HTTP drops them', () => {
    expect(new Mock().header('X-A', ' v\t').explain(withHeaders({ 'x-a': 'v' })).failures).toBe(0);
    expect(new Mock().header('X-A', ' ').explain(withHeaders({ 'x-a': '' })).failures).toBe(0);
    expect(new Mock().header('X-A', 'v\u00a0').explain(withHeaders({ 'x-a': 'v' })).failures).toBe(1);
  });
});

describe('header presence matchers', () => {
  it('headerPresent passes when the header exists, with any value (even empty)', () => {
    const matcher = new HeaderPresenceMatcher('Authorization', true);
    expect(matcher.match(withHeaders({ authorization: 'x' })).pass).toBe(true);
    expect(matcher.match(withHeaders({ AUTHORIZATION: '' })).pass).toBe(true);
    expect(matcher.match(withHeaders({}))).toEqual({ pass: false, expectation: 'header "authorization" present', expected: 'present', actual: 'absent' });
  });

  it('headerAbsent passes when the header does not exist', () => {
    const matcher = new HeaderPresenceMatcher('Cookie', false);
    expect(matcher.match(withHeaders({})).pass).toBe(true);
    expect(matcher.match(withHeaders({ cookie: 'a=1' }))).toEqual({
      pass: false,
      expectation: 'header "cookie" absent',
      expected: 'absent',
      actual: 'present ("a=1")',
    });
  });

  it('headerPresent(...names), headersPresent([...]) and the option agree', () => {
    const req = withHeaders({ 'x-a': '1' });
    const failing = (mock: Mock) =>
      mock
        .explain(req)
        .results.filter((r) => !r.pass)
        .map((r) => r.expectation);
    expect(failing(new Mock().headerPresent('X-A', 'X-B'))).toEqual(['header "x-b" present']);
    expect(failing(new Mock().headersPresent(['X-A', 'X-B']))).toEqual(['header "x-b" present']);
    expect(failing(new Mock({ headerPresent: ['X-A', 'X-B'] }))).toEqual(['header "x-b" present']);
    expect(failing(new Mock({ headerPresent: 'X-B' }))).toEqual(['header "x-b" present']);
  });

  it('headerAbsent(...names) and the option agree', () => {
    const req = withHeaders({ 'x-a': '1' });
    const failing = (mock: Mock) =>
      mock
        .explain(req)
        .results.filter((r) => !r.pass)
        .map((r) => r.expectation);
    expect(failing(new Mock().headerAbsent('X-A', 'X-B'))).toEqual(['header "x-a" absent']);
    expect(failing(new Mock({ headerAbsent: ['X-A', 'X-B'] }))).toEqual(['header "x-a" absent']);
  });

  it('rejects bad names', () => {
    invalidArgument(() => new Mock().headerPresent('a\r\nb'), 'headerPresent');
    invalidArgument(() => new Mock().headerAbsent(''), 'headerAbsent');
    invalidArgument(() => new Mock().headersPresent('x-a' as unknown as string[]), 'headersPresent');
  });
});
