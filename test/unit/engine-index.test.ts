import { describe, expect, it, vi } from 'vitest';
import { Engine, Mock } from '../../src/index.js';
import { request } from './support.js';

// The engine files mocks with a literal method, host and path under that key
// and keeps the rest in an ordered fallback list (src/engine/mock-index.ts). These
// tests pin that the lookup changes nothing a scan of every mock would decide.

const get = (url: string) => request({ url, method: 'GET' });
const persistent = (options: ConstructorParameters<typeof Mock>[0]) => new Mock({ ...options, persist: true });

describe('indexed matching keeps FIFO order', () => {
  it('a RegExp mock registered before an exact one wins', () => {
    const engine = new Engine();
    const regexp = engine.addMock(persistent({ method: 'GET', url: /api\.test\/users\/\d+/ }));
    engine.addMock(persistent({ method: 'GET', url: 'api.test/users/1' }));
    expect(engine.match(get('http://api.test/users/1'))).toBe(regexp);
  });

  it('an exact mock registered before a RegExp one wins', () => {
    const engine = new Engine();
    const exact = engine.addMock(persistent({ method: 'GET', url: 'api.test/users/1' }));
    const regexp = engine.addMock(persistent({ method: 'GET', url: /api\.test\/users\/\d+/ }));
    expect(engine.match(get('http://api.test/users/1'))).toBe(exact);
    expect(engine.match(get('http://api.test/users/2'))).toBe(regexp);
  });

  it('interleaves indexed and fallback mocks by registration order', () => {
    const engine = new Engine();
    const order: string[] = [];
    const filtered = (name: string, options: ConstructorParameters<typeof Mock>[0]) =>
      engine.addMock(
        persistent({
          ...options,
          filter: () => {
            order.push(name);
            return false;
          },
        }),
      );
    filtered('exact-1', { method: 'GET', url: 'api.test/a' });
    filtered('any-method', { url: 'api.test/a' });
    filtered('other-path', { method: 'GET', url: 'api.test/b' });
    filtered('path-regexp', { method: 'GET', url: 'api.test', path: /^\/a$/ });
    filtered('exact-2', { method: 'GET', url: 'api.test/a' });
    filtered('no-path', { method: 'GET', url: 'api.test' });
    filtered('function', { method: 'GET', use: () => true });
    const last = engine.addMock(persistent({ method: 'GET', url: 'https://api.test/a' }));
    expect(engine.match(get('https://api.test/a'))).toBe(last);
    // Every candidate that could match was tried, in registration order; the
    // mock on another path never was.
    expect(order).toEqual(['exact-1', 'any-method', 'path-regexp', 'exact-2', 'no-path', 'function']);
  });

  it('does not match an exact mock on another method, host or path', () => {
    const engine = new Engine();
    engine.addMock(persistent({ method: 'POST', url: 'api.test/a' }));
    engine.addMock(persistent({ method: 'GET', url: 'other.test/a' }));
    engine.addMock(persistent({ method: 'GET', url: 'api.test/a/' }));
    expect(engine.match(get('http://api.test/a'))).toBeUndefined();
  });

  it('honours the rest of an indexed mock: scheme, port, query, headers', () => {
    const engine = new Engine();
    engine.addMock(persistent({ method: 'GET', url: 'https://api.test/a' }));
    engine.addMock(persistent({ method: 'GET', url: 'api.test:8080/a' }));
    engine.addMock(persistent({ method: 'GET', url: 'api.test/a?page=2' }));
    engine.addMock(persistent({ method: 'GET', url: 'api.test/a', headers: { 'x-a': '1' } }));
    const plain = engine.addMock(persistent({ method: 'GET', url: 'api.test/a' }));
    expect(engine.match(get('http://api.test/a'))).toBe(plain);
  });

  it('skips expired mocks and falls through to the next in order', () => {
    const engine = new Engine();
    const once = engine.addMock(new Mock({ method: 'GET', url: 'api.test/a' }));
    const regexp = engine.addMock(new Mock({ method: 'GET', url: /api\.test\/a/ }));
    const exact = engine.addMock(new Mock({ method: 'GET', url: 'api.test/a' }));
    expect([engine.match(get('http://api.test/a')), engine.match(get('http://api.test/a')), engine.match(get('http://api.test/a'))]).toEqual([
      once,
      regexp,
      exact,
    ]);
    expect(engine.match(get('http://api.test/a'))).toBeUndefined();
    once.times(2); // re-armed: it matches again, first
    expect(engine.match(get('http://api.test/a'))).toBe(once);
  });

  it('an expired mock leaves the index: later lookups do not look at it again', () => {
    const engine = new Engine();
    const once = engine.addMock(new Mock({ method: 'GET', url: 'api.test/a' }));
    const live = engine.addMock(persistent({ method: 'GET', url: 'api.test/a' }));
    expect(engine.match(get('http://api.test/a'))).toBe(once);
    const isExpired = vi.spyOn(once, 'isExpired');
    expect(engine.match(get('http://api.test/a'))).toBe(live); // meets it expired: takes it out
    const looked = isExpired.mock.calls.length;
    for (let i = 0; i < 3; i++) expect(engine.match(get('http://api.test/a'))).toBe(live);
    expect(isExpired.mock.calls.length).toBe(looked);
    expect(engine.mocks).toEqual([once, live]); // still registered, for reports and assertions
  });

  it('persist() and times() bring an expired mock back in its place, also after gaining a mapper', () => {
    const engine = new Engine();
    const first = engine.addMock(new Mock({ method: 'GET', url: 'api.test/a' }));
    const second = engine.addMock(new Mock({ method: 'GET', url: 'api.test/a' }));
    const regexp = engine.addMock(persistent({ method: 'GET', url: /api\.test/ }));
    expect([engine.match(get('http://api.test/a')), engine.match(get('http://api.test/a')), engine.match(get('http://api.test/a'))]).toEqual([
      first,
      second,
      regexp,
    ]);
    second.persist();
    expect(engine.match(get('http://api.test/a'))).toBe(second);
    first.map((req) => req.with({ url: 'http://api.test/a' }));
    first.times(5);
    expect(engine.match(get('http://api.test/elsewhere'))).toBe(first); // back, in the fallback list, first
  });

  it('removeMock and flushMocks take mocks out of the index', () => {
    const engine = new Engine();
    const first = engine.addMock(persistent({ method: 'GET', url: 'api.test/a' }));
    const second = engine.addMock(persistent({ method: 'GET', url: 'api.test/a' }));
    expect(engine.removeMock(first)).toBe(true);
    expect(engine.match(get('http://api.test/a'))).toBe(second);
    engine.flushMocks();
    expect(engine.match(get('http://api.test/a'))).toBeUndefined();
    const again = engine.addMock(persistent({ method: 'GET', url: 'api.test/a' }));
    expect(engine.match(get('http://api.test/a'))).toBe(again);
    engine.reset();
    expect(engine.match(get('http://api.test/a'))).toBeUndefined();
  });

  it('a mock registered twice and removed once stays, in its second place', () => {
    const engine = new Engine();
    const twice = persistent({ method: 'GET', url: 'api.test/a' });
    engine.addMock(twice);
    const between = engine.addMock(persistent({ method: 'GET', url: /api\.test/ }));
    engine.addMock(twice);
    engine.removeMock(twice);
    expect(engine.mocks).toEqual([between, twice]);
    expect(engine.match(get('http://api.test/a'))).toBe(between);
  });
});

describe('mappers and the index', () => {
  it('a mock with a mapper is never looked up by its own URL (the mapper may change it)', () => {
    const engine = new Engine();
    const mapped = engine.addMock(persistent({ method: 'GET', url: 'api.test/users', map: (req) => req.with({ url: 'http://api.test/users' }) }));
    expect(engine.match(get('http://api.test/USERS?x=1'))).toBe(mapped);
  });

  it('a mapper added after registration moves the mock out of the index, keeping its place', () => {
    const engine = new Engine();
    const first = engine.addMock(persistent({ method: 'GET', url: 'api.test/users' }));
    const second = engine.addMock(persistent({ method: 'GET', url: /api\.test/ }));
    expect(engine.match(get('http://api.test/other'))).toBe(second);
    first.map((req) => req.with({ url: 'http://api.test/users' }));
    expect(engine.match(get('http://api.test/other'))).toBe(first);
  });

  it('engine mappers run before the lookup: the index sees the mapped request', () => {
    const engine = new Engine();
    const mock = engine.addMock(persistent({ method: 'GET', url: 'api.test/v2/users' }));
    engine.map((req) => req.with({ url: req.url.href.replace('/v1/', '/v2/') }));
    return engine.handle(get('http://api.test/v1/users')).then((outcome) => {
      expect(outcome.type).toBe('response');
      expect(mock.calls).toBe(1);
      expect(mock.matches[0]!.url.pathname).toBe('/v2/users');
    });
  });

  it('finds the last of 10,000 exact mocks, and a RegExp mock behind them', () => {
    const engine = new Engine();
    const mocks = Array.from({ length: 10_000 }, (_, i) => engine.addMock(persistent({ method: 'GET', url: `api.test/users/${i}` })));
    const regexp = engine.addMock(persistent({ method: 'GET', url: /users\/x/ }));
    expect(engine.match(get('http://api.test/users/9999'))).toBe(mocks[9999]);
    expect(engine.match(get('http://api.test/users/0'))).toBe(mocks[0]);
    expect(engine.match(get('http://api.test/users/x'))).toBe(regexp);
  });
});

describe('mocks that expect a path and no host (path keys)', () => {
  // The mock server's usual mock ({ method: 'GET', path: '/users' }, any
  // host) is filed under its method and path: a request looks it up by its
  // own method and path, whatever its host, merged in registration order
  // with the host-keyed bucket and the fallback list.
  const tried = (order: string[], name: string) => () => {
    order.push(name);
    return false;
  };

  it('matches on any host, and only on its method and exact path', () => {
    const engine = new Engine();
    const users = engine.addMock(persistent({ method: 'GET', path: '/users' }));
    expect(engine.match(get('http://api.test/users'))).toBe(users);
    expect(engine.match(get('https://127.0.0.1:8080/users?page=2'))).toBe(users);
    expect(engine.match(get('http://api.test/users/'))).toBeUndefined();
    expect(engine.match(get('http://api.test/USERS'))).toBeUndefined();
    expect(engine.match(request({ url: 'http://api.test/users', method: 'POST' }))).toBeUndefined();
  });

  it('interleaves path-keyed, host-keyed and fallback mocks by registration order, and never tries another path', () => {
    const engine = new Engine();
    const order: string[] = [];
    engine.addMock(persistent({ method: 'GET', path: '/a', filter: tried(order, 'path-1') }));
    engine.addMock(persistent({ method: 'GET', url: 'api.test/a', filter: tried(order, 'host') }));
    engine.addMock(persistent({ method: 'GET', path: '/b', filter: tried(order, 'other-path') }));
    engine.addMock(persistent({ method: 'GET', path: /^\/a$/, filter: tried(order, 'path-regexp') }));
    engine.addMock(persistent({ method: 'GET', url: 'api.test', path: '/a', filter: tried(order, 'host-and-path') }));
    engine.addMock(persistent({ method: 'GET', url: /api/, path: '/a', filter: tried(order, 'regexp-url-and-path') }));
    engine.addMock(persistent({ method: 'POST', path: '/a', filter: tried(order, 'other-method') }));
    engine.addMock(persistent({ path: '/a', filter: tried(order, 'any-method') }));
    engine.addMock(persistent({ method: 'GET', path: '/a', filter: tried(order, 'path-2') }));
    const last = engine.addMock(persistent({ method: 'GET', path: '/a' }));
    expect(engine.match(get('http://api.test/a'))).toBe(last);
    expect(order).toEqual(['path-1', 'host', 'path-regexp', 'host-and-path', 'regexp-url-and-path', 'any-method', 'path-2']);
  });

  it('an earlier path-keyed mock wins over a later host-keyed one, and the other way round', () => {
    const engine = new Engine();
    const byPath = engine.addMock(new Mock({ method: 'GET', path: '/a' }));
    const byHost = engine.addMock(new Mock({ method: 'GET', url: 'api.test/a' }));
    const byPathAgain = engine.addMock(new Mock({ method: 'GET', path: '/a' }));
    const requests = Array.from({ length: 4 }, () => engine.match(get('http://api.test/a')));
    expect(requests).toEqual([byPath, byHost, byPathAgain, undefined]);
    byHost.times(2); // re-armed in its place: after the expired path mock, before the other
    expect(engine.match(get('http://api.test/a'))).toBe(byHost);
  });

  it('removeMock, a mapper and reset take path-keyed mocks out of their bucket', () => {
    const engine = new Engine();
    const first = engine.addMock(persistent({ method: 'GET', path: '/a' }));
    const second = engine.addMock(persistent({ method: 'GET', path: '/a' }));
    engine.removeMock(first);
    expect(engine.match(get('http://api.test/a'))).toBe(second);
    second.map((req) => req.with({ url: 'http://api.test/a' }));
    expect(engine.match(get('http://api.test/elsewhere'))).toBe(second); // in the fallback list now
    engine.reset();
    expect(engine.match(get('http://api.test/a'))).toBeUndefined();
    const again = engine.addMock(persistent({ method: 'GET', path: '/a' }));
    expect(engine.match(get('http://other.test/a'))).toBe(again);
  });

  it('finds the last of 10,000 path-only mocks by trying that one alone', () => {
    const engine = new Engine();
    let tries = 0;
    const mocks = Array.from({ length: 10_000 }, (_, i) =>
      engine.addMock(
        persistent({
          method: 'GET',
          path: `/items/${i}`,
          filter: () => {
            tries++;
            return true;
          },
        }),
      ),
    );
    expect(engine.match(get('http://127.0.0.1:8080/items/9999'))).toBe(mocks[9999]);
    expect(tries).toBe(1);
  });
});
