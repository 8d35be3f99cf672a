import { describe, expect, it } from 'vitest';
import { Mock } from '../../src/index.js';
import { UrlMatcher } from '../../src/matchers/url.js';
import { invalidArgument, request } from './support.js';

const check = (mockUrl: string | RegExp, url: string) => new UrlMatcher(mockUrl).match(request({ url }));

describe('url matcher: scheme', () => {
  it('a URL without scheme matches http and https', () => {
    expect(check('api.test/users', 'http://api.test/users').pass).toBe(true);
    expect(check('api.test/users', 'https://api.test/users').pass).toBe(true);
  });

  it('a given scheme must equal', () => {
    expect(check('https://api.test/users', 'https://api.test/users').pass).toBe(true);
    const miss = check('https://api.test/users', 'http://api.test/users');
    expect(miss).toMatchObject({ pass: false, expectation: 'url scheme', expected: 'https:', actual: 'http:' });
    expect(check('http://api.test', 'https://api.test').pass).toBe(false);
  });

  it('the scheme is case-insensitive in the mock', () => {
    expect(check('HTTPS://api.test/x', 'https://api.test/x').pass).toBe(true);
  });
});

describe('url matcher: host', () => {
  it('compares the hostname case-insensitively', () => {
    expect(check('API.Test/x', 'http://api.test/x').pass).toBe(true);
  });

  it('reports a different host', () => {
    expect(check('api.test', 'http://other.test/')).toMatchObject({ pass: false, expectation: 'url host', expected: 'api.test', actual: 'other.test' });
  });

  it('does not match a subdomain or a suffix', () => {
    expect(check('api.test', 'http://www.api.test/').pass).toBe(false);
    expect(check('api.test', 'http://api.test.evil/').pass).toBe(false);
  });
});

describe('url matcher: port', () => {
  it('no port in the mock matches any port', () => {
    expect(check('api.test/x', 'http://api.test:8080/x').pass).toBe(true);
    expect(check('http://api.test/x', 'http://api.test:3000/x').pass).toBe(true);
    expect(check('api.test/x', 'https://api.test/x').pass).toBe(true);
  });

  it('a given port equals the effective port, 80 by default for http', () => {
    expect(check('http://a.test:80/x', 'http://a.test/x').pass).toBe(true);
    expect(check('a.test:80/x', 'http://a.test/x').pass).toBe(true);
    expect(check('http://a.test:80/x', 'http://a.test:8080/x')).toMatchObject({ pass: false, expectation: 'url port', expected: 80, actual: 8080 });
  });

  it('443 is the default port of https', () => {
    expect(check('https://a.test:443/x', 'https://a.test/x').pass).toBe(true);
    expect(check('a.test:443', 'https://a.test/').pass).toBe(true);
    expect(check('a.test:443', 'http://a.test/')).toMatchObject({ pass: false, expected: 443, actual: 80 });
  });

  it('a non-default port must be the request port', () => {
    expect(check('a.test:8443', 'https://a.test:8443/').pass).toBe(true);
    expect(check('a.test:8443', 'https://a.test/')).toMatchObject({ pass: false, expected: 8443, actual: 443 });
  });

  it('works with IPv6 literals', () => {
    expect(check('[::1]:8080/x', 'http://[::1]:8080/x').pass).toBe(true);
    expect(check('[::1]:8080/x', 'http://[::1]:9090/x').pass).toBe(false);
  });
});

describe('url matcher: path', () => {
  it('no path in the mock matches any path', () => {
    expect(check('api.test', 'http://api.test/').pass).toBe(true);
    expect(check('api.test', 'http://api.test/a/b/c').pass).toBe(true);
    expect(check('https://api.test:8443', 'https://api.test:8443/deep/path').pass).toBe(true);
  });

  it('a given path must equal exactly', () => {
    expect(check('api.test/users', 'http://api.test/users').pass).toBe(true);
    expect(check('api.test/users', 'http://api.test/users/1')).toMatchObject({ pass: false, expectation: 'url path', expected: '/users', actual: '/users/1' });
  });

  it('case counts', () => {
    expect(check('api.test/Users', 'http://api.test/users')).toMatchObject({ pass: false, expected: '/Users', actual: '/users' });
  });

  it('a trailing slash counts', () => {
    expect(check('api.test/users/', 'http://api.test/users')).toMatchObject({ pass: false, expected: '/users/', actual: '/users' });
    expect(check('api.test/users', 'http://api.test/users/')).toMatchObject({ pass: false, expected: '/users', actual: '/users/' });
  });

  it('"/" alone is a path: the root only', () => {
    expect(check('api.test/', 'http://api.test/').pass).toBe(true);
    expect(check('api.test/', 'http://api.test/x').pass).toBe(false);
  });

  it('the path is compared after the same normalisation as the request URL', () => {
    expect(check('api.test/a b', 'http://api.test/a%20b').pass).toBe(true);
  });

  it('the query of the request does not affect the url matcher', () => {
    expect(check('api.test/users', 'http://api.test/users?page=2').pass).toBe(true);
  });
});

describe('url matcher: query in the mock URL', () => {
  const mock = (url: string) => new Mock({ url });
  const failed = (m: Mock, url: string) => m.explain(request({ url })).results.filter((r) => !r.pass);

  it('matches like params; extra request params are ignored', () => {
    const m = mock('api.test/users?page=2&sort=name');
    expect(failed(m, 'http://api.test/users?sort=name&page=2')).toEqual([]);
    expect(failed(m, 'http://api.test/users?page=2&sort=name&extra=1')).toEqual([]);
  });

  it('a different or missing value fails, naming the param', () => {
    const m = mock('api.test/users?page=2');
    expect(failed(m, 'http://api.test/users?page=3')).toEqual([expect.objectContaining({ expectation: 'query "page"', expected: '2', actual: '3' })]);
    expect(failed(m, 'http://api.test/users')).toEqual([expect.objectContaining({ expectation: 'query "page"', expected: '2', actual: undefined })]);
  });

  it('repeated keys expect every value in order', () => {
    const m = mock('api.test/?tag=a&tag=b');
    expect(failed(m, 'http://api.test/?tag=a&tag=b')).toEqual([]);
    expect(failed(m, 'http://api.test/?tag=b&tag=a')).toHaveLength(1);
    expect(failed(m, 'http://api.test/?tag=a')).toHaveLength(1);
  });

  it('a query with no path still matches any path', () => {
    const m = mock('api.test?q=1');
    expect(failed(m, 'http://api.test/anything?q=1')).toEqual([]);
  });
});

describe('url matcher: RegExp', () => {
  it('is tested against the full URL string', () => {
    expect(check(/^https:\/\/api\.test\/users\/\d+$/, 'https://api.test/users/42').pass).toBe(true);
    expect(check(/^https:\/\/api\.test\/users\/\d+$/, 'http://api.test/users/42')).toMatchObject({
      pass: false,
      expectation: 'url',
      actual: 'http://api.test/users/42',
    });
  });

  it('sees the query string', () => {
    expect(check(/\?page=2$/, 'http://api.test/users?page=2').pass).toBe(true);
  });

  it('never sees a default port, but sees an explicit one', () => {
    expect(check(/api\.test:80\//, 'http://api.test:80/').pass).toBe(false);
    expect(check(/^http:\/\/api\.test\/$/, 'http://api.test:80/').pass).toBe(true);
    expect(check(/api\.test:8080\//, 'http://api.test:8080/').pass).toBe(true);
  });

  it('a global RegExp gives the same answer every time', () => {
    const matcher = new UrlMatcher(/api\.test/g);
    const req = request({ url: 'http://api.test/' });
    expect([matcher.match(req).pass, matcher.match(req).pass, matcher.match(req).pass]).toEqual([true, true, true]);
  });
});

describe('url matcher: bad input', () => {
  it('rejects an empty URL', () => {
    invalidArgument(() => new UrlMatcher(''), 'url');
    invalidArgument(() => new UrlMatcher('   '), 'url');
  });

  it('rejects an unparsable URL', () => {
    invalidArgument(() => new UrlMatcher('http://'), 'url');
    invalidArgument(() => new UrlMatcher('http://a b.test/'), 'url');
    invalidArgument(() => new UrlMatcher('api.test:99999/x'), 'url');
  });

  it('rejects a URL without host instead of reading the path as a host', () => {
    for (const url of ['/users', '//users', 'http:///users', 'https:////users']) {
      const error = invalidArgument(() => new UrlMatcher(url), 'url');
      expect(error.message).toContain('has no host');
    }
  });

  it('rejects a scheme other than http and https', () => {
    const error = invalidArgument(() => new UrlMatcher('ftp://files.test/'), 'url');
    expect(error.message).toContain('ftp');
  });

  it('rejects a value that is neither string nor RegExp', () => {
    invalidArgument(() => new UrlMatcher(42 as unknown as string), 'url');
  });
});

describe('url matcher: around the URL', () => {
  it('drops what the URL parser drops, C0 controls and spaces, and nothing more', () => {
    expect(check(' \t http://api.test/p \n', 'http://api.test/p').pass).toBe(true);
    for (const space of ['\u00a0', '\u3000', '\ufeff']) {
      expect(check(`http://api.test/p${space}`, 'http://api.test/p').pass, JSON.stringify(space)).toBe(false);
      expect(check(`http://api.test/p${space}`, new URL(`http://api.test/p${space}`).href).pass, JSON.stringify(space)).toBe(true);
    }
  });
});

describe('url matcher: a mismatch names every differing part', () => {
  it('one part: the expectation names it, with that part expected vs actual', () => {
    expect(check('https://api.test/users', 'http://api.test/users')).toEqual({
      pass: false,
      expectation: 'url scheme',
      expected: 'https:',
      actual: 'http:',
      differences: [{ path: 'scheme', kind: 'changed', expected: 'https:', actual: 'http:' }],
    });
  });

  it('several parts: expectation "url", the whole URLs, and each part in differences', () => {
    expect(check('https://api.test:8443/users', 'http://other.test/teams')).toEqual({
      pass: false,
      expectation: 'url',
      expected: 'https://api.test:8443/users',
      actual: 'http://other.test/teams',
      differences: [
        { path: 'scheme', kind: 'changed', expected: 'https:', actual: 'http:' },
        { path: 'host', kind: 'changed', expected: 'api.test', actual: 'other.test' },
        { path: 'port', kind: 'changed', expected: 8443, actual: 80 },
        { path: 'path', kind: 'changed', expected: '/users', actual: '/teams' },
      ],
    });
  });

  it('a pass carries no differences', () => {
    expect(check('api.test/users', 'https://api.test/users')).toEqual({
      pass: true,
      expectation: 'url',
      expected: 'api.test/users',
      actual: 'https://api.test/users',
    });
  });
});

describe('url matcher: test() is the same verdict as match().pass', () => {
  const cases: Array<[string | RegExp, string]> = [
    ['api.test/users', 'http://api.test/users'],
    ['api.test/users', 'https://api.test/users/1'],
    ['https://api.test', 'http://api.test/'],
    ['api.test:8443', 'https://api.test/'],
    ['api.test:443', 'https://api.test/'],
    ['other.test/users', 'http://api.test/users'],
    ['[::1]:8080/x', 'http://[::1]:8080/x'],
    [/api\.test\/u/, 'http://api.test/users'],
    [/nope/, 'http://api.test/users'],
  ];
  it.each(cases)('%s against %s', (mockUrl, url) => {
    const matcher = new UrlMatcher(mockUrl);
    expect(matcher.test(request({ url }))).toBe(matcher.match(request({ url })).pass);
  });
});
