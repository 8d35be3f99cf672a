import { describe, expect, it } from 'vitest';
import { Mock } from '../../src/index.js';
import { PathMatcher } from '../../src/matchers/path.js';
import { invalidArgument, request } from './support.js';

describe('path matcher', () => {
  const check = (path: string | RegExp, url: string) => new PathMatcher(path).match(request({ url }));

  it('matches the path exactly, whatever the host and query', () => {
    expect(check('/users', 'http://a.test/users?x=1').pass).toBe(true);
    expect(check('/users', 'https://b.test:8443/users').pass).toBe(true);
  });

  it('case and trailing slash count', () => {
    expect(check('/users', 'http://a.test/Users')).toEqual({ pass: false, expectation: 'path', expected: '/users', actual: '/Users' });
    expect(check('/users', 'http://a.test/users/')).toMatchObject({ pass: false, actual: '/users/' });
  });

  it('a path without leading slash is rooted', () => {
    expect(check('users', 'http://a.test/users').pass).toBe(true);
  });

  it('a RegExp is tested against the path only', () => {
    expect(check(/^\/users\/\d+$/, 'http://a.test/users/42').pass).toBe(true);
    expect(check(/^\/users\/\d+$/, 'http://a.test/users/abc')).toMatchObject({ pass: false, actual: '/users/abc' });
    expect(check(/a\.test/, 'http://a.test/users').pass).toBe(false);
  });

  it('is what path() adds to a mock', () => {
    const mock = new Mock({ url: 'a.test' }).path('/x');
    expect(mock.explain(request({ url: 'http://a.test/y' })).results.filter((r) => !r.pass)).toEqual([
      { pass: false, expectation: 'path', expected: '/x', actual: '/y' },
    ]);
  });

  it('rejects an empty path', () => {
    invalidArgument(() => new Mock().path(''), 'path');
  });

  it('a path starting with // is a path, not a host (protocol-relative URL)', () => {
    expect(check('//a/b', 'http://h.test//a/b').pass).toBe(true);
    expect(check('//a/b', 'http://h.test/b')).toMatchObject({ pass: false, expected: '//a/b', actual: '/b' });
    expect(check('//%', 'http://h.test//%').pass).toBe(true);
    expect(check('/%', 'http://h.test/%').pass).toBe(true);
  });

  it('rejects a query or a fragment, which no path holds', () => {
    for (const path of ['/a?b=1', '/a#top', '?x']) expect(invalidArgument(() => new Mock().path(path), 'path').message).toContain('the path alone');
  });
});
