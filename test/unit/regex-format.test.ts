// Regex strings: Python pook reads `re/<pattern>/` as a regular expression
// in URL, path, header, param and body expectations; so does pook
// (docs/mocks.md, "Regex strings").

import { describe, expect, it } from 'vitest';
import { Mock, type MockOptions, type PookRequest } from '../../src/index.js';
import { isRegexFormat, regexFormat } from '../../src/matchers/regex-format.js';
import { invalidArgument, request } from './support.js';

const failures = (mock: Mock, req: PookRequest) => mock.explain(req).results.filter((r) => !r.pass);
const matches = (mock: Mock, req: PookRequest) => failures(mock, req).length === 0;

describe('what is a regex string', () => {
  it('a string starting with re/ and ending with /, longer than re/ (Python pook’s isregex_expr)', () => {
    const cases: Array<[unknown, boolean]> = [
      ['re/[a-z]/', true],
      ['re/[0-9]/', true],
      ['re/[(.*)]/', true],
      ['re//', true],
      ['RE/[0-9]/', false],
      ['/[0-9]/', false],
      ['[0-9]', false],
      ['//', false],
      ['re/', false],
      ['re/[0-1]/-', false],
      ['e/[0-1]/', false],
      ['', false],
      [[], false],
      [1, false],
      [null, false],
    ];
    for (const [value, expected] of cases) expect(isRegexFormat(value), String(value)).toBe(expected);
  });
});

describe('where a regex string is read as a RegExp', () => {
  it('url: tested against the whole URL, as a RegExp is', () => {
    const mock = new Mock().url('re/^https://api\\.test/users/\\d+$/');
    expect(matches(mock, request({ url: 'https://api.test/users/42' }))).toBe(true);
    expect(matches(mock, request({ url: 'https://api.test/users/me' }))).toBe(false);
    expect(matches(mock, request({ url: 'http://api.test/users/42' }))).toBe(false);
    expect(mock.expectations).toEqual(['url re/^https://api\\.test/users/\\d+$/']);
  });

  it('path: tested against the path', () => {
    const mock = new Mock().path('re/^/users/\\d+$/');
    expect(matches(mock, request({ url: 'http://api.test/users/7' }))).toBe(true);
    expect(matches(mock, request({ url: 'http://api.test/teams/7' }))).toBe(false);
  });

  it('header value: searched in the value (Python pook’s test: Content-Type re/json/)', () => {
    const mock = new Mock().header('Content-Type', 're/json/');
    expect(matches(mock, request({ url: 'http://api.test/', headers: { 'content-type': 'application/json' } }))).toBe(true);
    const miss = failures(mock, request({ url: 'http://api.test/', headers: { 'content-type': 'application/xml' } }));
    expect(miss).toEqual([{ pass: false, expectation: 'header "content-type"', expected: /json/u, actual: 'application/xml' }]);
    expect(
      new Mock({ headers: { Authorization: 're/^Bearer \\w+$/' } }).explain(request({ url: 'http://a.test/', headers: { authorization: 'Bearer t0k3n' } }))
        .failures,
    ).toBe(0);
  });

  it('type(): searched in the whole Content-Type', () => {
    const mock = new Mock().type('re/^application/(?:vnd\\.api\\+)?json/');
    expect(matches(mock, request({ url: 'http://a.test/', headers: { 'content-type': 'application/vnd.api+json; charset=utf-8' } }))).toBe(true);
    expect(matches(mock, request({ url: 'http://a.test/', headers: { 'content-type': 'text/json' } }))).toBe(false);
  });

  it('param value: every value must match, as with a RegExp; in a string[], item by item; in a URL’s query too', () => {
    const ids = new Mock().param('id', 're/^\\d+$/');
    expect(matches(ids, request({ url: 'http://a.test/?id=1&id=22' }))).toBe(true);
    expect(matches(ids, request({ url: 'http://a.test/?id=1&id=x' }))).toBe(false);
    expect(matches(ids, request({ url: 'http://a.test/' }))).toBe(false);
    const pair = new Mock().params({ tag: ['re/^a/', 'b'] });
    expect(matches(pair, request({ url: 'http://a.test/?tag=abc&tag=b' }))).toBe(true);
    expect(matches(pair, request({ url: 'http://a.test/?tag=b&tag=abc' }))).toBe(false);
    const inUrl = new Mock().url('api.test/search?q=re/^po{2,}k$/');
    expect(matches(inUrl, request({ url: 'http://api.test/search?q=poook' }))).toBe(true);
    expect(matches(inUrl, request({ url: 'http://api.test/search?q=pork' }))).toBe(false);
  });

  it('body: searched in the text', () => {
    const mock = new Mock().body('re/"id":\\s*\\d+/');
    expect(matches(mock, request({ url: 'http://a.test/', method: 'POST', body: '{"id": 42}' }))).toBe(true);
    expect(matches(mock, request({ url: 'http://a.test/', method: 'POST', body: '{"id": "x"}' }))).toBe(false);
  });

  it('in the options object as in the DSL', () => {
    const options: MockOptions = {
      url: 're/api\\.test/',
      path: 're/^\\/v\\d\\//',
      headers: { accept: 're/json/' },
      params: { page: 're/^\\d+$/' },
      body: 're/^ok$/',
    };
    const req = request({ url: 'http://api.test/v2/items?page=3', method: 'POST', headers: { accept: 'application/json' }, body: 'ok' });
    expect(new Mock(options).explain(req).failures).toBe(0);
    expect(new Mock(options).explain(req.with({ body: 'not ok' })).failures).toBe(1);
  });
});

describe('how the pattern reads', () => {
  it('case-sensitive, searched anywhere, as Python’s re.search with no flags', () => {
    const mock = new Mock().header('x-a', 're/json/');
    expect(matches(mock, request({ url: 'http://a.test/', headers: { 'x-a': 'application/json; x' } }))).toBe(true);
    expect(matches(mock, request({ url: 'http://a.test/', headers: { 'x-a': 'APPLICATION/JSON' } }))).toBe(false);
  });

  it('Python’s leading inline flags: (?i), (?s), (?m)', () => {
    expect(matches(new Mock().header('x-a', 're/(?i)json/'), request({ url: 'http://a.test/', headers: { 'x-a': 'APPLICATION/JSON' } }))).toBe(true);
    expect(regexFormat('body', 're/(?is)a.b/')!.regexp.flags).toBe('isu');
    expect(matches(new Mock().body('re/(?s)^a.b$/'), request({ url: 'http://a.test/', body: 'a\nb' }))).toBe(true);
    expect(matches(new Mock().body('re/^a.b$/'), request({ url: 'http://a.test/', body: 'a\nb' }))).toBe(false);
  });

  it('Python syntax JavaScript writes differently is translated', () => {
    const read = (value: string) => regexFormat('body', value)!.regexp;
    expect(read('re/(?P<id>\\d+)-(?P=id)/').test('12-12')).toBe(true);
    expect(read('re/(?P<id>\\d+)-(?P=id)/').test('12-13')).toBe(false);
    expect(read('re/\\Aab\\Z/').test('ab')).toBe(true);
    expect(read('re/\\Aab\\Z/').test('xab')).toBe(false);
    expect(read('re/a\\-b\\#c/').test('a-b#c')).toBe(true); // escaped punctuation stands for itself
    expect(read('re/[]a]+/').test(']a]')).toBe(true); // a ] first in a set is literal
    expect(read('re/^a{,2}$/').test('aa')).toBe(true); // {,n} is {0,n}
    expect(read('re/^a{x}$/').test('a{x}')).toBe(true); // a brace that starts no quantifier is literal
    expect(read('re/x(?#a comment)y/').test('xy')).toBe(true);
    expect(read('re/^\\U0001F600$/').test('😀')).toBe(true);
    expect(read('re/^.$/').test('😀')).toBe(true); // code points, as Python's str patterns
  });

  it('a value equal to the string as written matches too, as Python pook compares for equality first', () => {
    // "[" alone as a pattern would not compile; "re/a+/" is also a literal value some API may use.
    const mock = new Mock().param('path', 're/a+/');
    expect(matches(mock, request({ url: 'http://a.test/?path=re/a%2B/' }))).toBe(true);
    expect(matches(mock, request({ url: 'http://a.test/?path=aaa' }))).toBe(true);
    expect(matches(mock, request({ url: 'http://a.test/?path=b' }))).toBe(false);
  });

  it('re/ alone, and strings that only look similar, are literal', () => {
    expect(matches(new Mock().header('x-a', 're/'), request({ url: 'http://a.test/', headers: { 'x-a': 're/' } }))).toBe(true);
    expect(matches(new Mock().header('x-a', 'RE/a/'), request({ url: 'http://a.test/', headers: { 'x-a': 'a' } }))).toBe(false);
    expect(matches(new Mock().body('re/a/ '), request({ url: 'http://a.test/', body: 'a' }))).toBe(false);
  });
});

describe('a pattern that does not compile is refused where it is written', () => {
  it('names the argument and points at RegExp literals and pook.regex()', () => {
    const error = invalidArgument(() => new Mock().header('Accept', 're/[/'), 'header "Accept"');
    expect(error.message).toContain('"re/[/" is a regex string (re/…/, read as in Python pook)');
    expect(error.message).toContain('write a RegExp literal or pook.regex() instead');
    invalidArgument(() => new Mock().url('re/(/'), 'url');
    invalidArgument(() => new Mock().path('re/a**/'), 'path');
    invalidArgument(() => new Mock().param('q', 're/)/'), 'param "q"');
    invalidArgument(() => new Mock().params({ q: ['ok', 're/[/'] }), 'param "q"');
    invalidArgument(() => new Mock().body('re/\\/'), 'body');
    invalidArgument(() => new Mock().type('re/(?P<1>x)/'), 'type');
    invalidArgument(() => new Mock({ headers: { 'x-a': 're/[/' } }), 'header "x-a"');
  });

  it('Python constructs JavaScript has no equivalent for', () => {
    expect(invalidArgument(() => new Mock().body('re/(?x) a b /'), 'body').message).toContain('the inline flag (?x) has no JavaScript equivalent');
    expect(invalidArgument(() => new Mock().body('re/\\N{EM DASH}/'), 'body').message).toContain('named characters');
    invalidArgument(() => new Mock().body('re/(?>a)/'), 'body'); // atomic group
    invalidArgument(() => new Mock().body('re/\\e/'), 'body'); // an unknown escape is an error in Python too
  });
});
