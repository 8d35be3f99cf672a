import { describe, expect, it, vi } from 'vitest';
import { Mock, type PookRequest } from '../../src/index.js';
import { invalidArgument, request } from './support.js';

const at = (url: string) => request({ url });

describe('mock filter', () => {
  it('false makes the mock skip the request silently: not counted, reported as filtered', () => {
    const mock = new Mock({ url: 'a.test' }).filter((req) => req.url.pathname !== '/skip');
    expect(mock.attempt(at('http://a.test/skip'))).toBe(false);
    expect(mock.calls).toBe(0);
    expect(mock.explain(at('http://a.test/skip')).state).toBe('filtered');
    expect(mock.attempt(at('http://a.test/ok'))).toBe(true);
  });

  it('every filter must return true; each gets the request and the mock', () => {
    const first = vi.fn(() => true);
    const mock = new Mock().filter(first, () => false);
    expect(mock.attempt(at('http://a.test/'))).toBe(false);
    expect(first).toHaveBeenCalledWith(expect.objectContaining({ method: 'GET' }), mock);
    expect(new Mock({ filter: [() => true, () => true] }).attempt(at('http://a.test/'))).toBe(true);
    expect(new Mock({ filter: () => false }).attempt(at('http://a.test/'))).toBe(false);
  });
});

describe('mock map', () => {
  it('returns the request this mock then matches, and records', () => {
    const mock = new Mock({ url: 'a.test/lower' }).map((req) => req.with({ url: req.url.href.toLowerCase() }));
    const original = at('http://a.test/LOWER');
    expect(mock.attempt(original)).toBe(true);
    expect(mock.matches[0]!.url.pathname).toBe('/lower');
    expect(original.url.pathname).toBe('/LOWER');
  });

  it('mappers chain in order', () => {
    const mock = new Mock({ map: [(req) => req.with({ method: 'PUT' }), (req) => req.with({ url: `${req.url.href}x` })], method: 'PUT', path: '/ax' });
    expect(mock.attempt(at('http://a.test/a'))).toBe(true);
  });

  it('does not affect other mocks', () => {
    const mapped = new Mock({ url: 'a.test/x' }).map((req) => req.with({ url: 'http://a.test/x' }));
    const plain = new Mock({ url: 'a.test/x' });
    const req = at('http://a.test/y');
    expect(mapped.attempt(req)).toBe(true);
    expect(plain.attempt(req)).toBe(false);
  });
});

describe('mock callback', () => {
  it('runs after every successful match with the request and the mock, never on a miss', () => {
    const seen: string[] = [];
    const mock = new Mock({ url: 'a.test/ok', times: 2 }).callback((req, m) => seen.push(`${req.url.pathname}#${m.calls}`));
    mock.attempt(at('http://a.test/nope'));
    mock.attempt(at('http://a.test/ok'));
    mock.attempt(at('http://a.test/ok'));
    mock.attempt(at('http://a.test/ok')); // expired
    expect(seen).toEqual(['/ok#1', '/ok#2']);
  });

  it('the option takes one or several callbacks', () => {
    const a = vi.fn();
    const b = vi.fn();
    new Mock({ callback: [a, b] }).attempt(at('http://a.test/'));
    new Mock({ callback: a }).attempt(at('http://a.test/'));
    expect(a).toHaveBeenCalledTimes(2);
    expect(b).toHaveBeenCalledTimes(1);
  });

  it('sees the mapped request', () => {
    let seen: PookRequest | undefined;
    new Mock()
      .map((req) => req.with({ method: 'PATCH' }))
      .callback((req) => (seen = req))
      .attempt(at('http://a.test/'));
    expect(seen?.method).toBe('PATCH');
  });
});

describe('filter, map and callback arguments', () => {
  it('must be functions', () => {
    invalidArgument(() => new Mock().filter('x' as unknown as () => boolean), 'filter');
    invalidArgument(() => new Mock().map(null as unknown as (r: PookRequest) => PookRequest), 'map');
    invalidArgument(() => new Mock().callback({} as unknown as () => void), 'callback');
    invalidArgument(() => new Mock({ callback: [1 as unknown as () => void] }), 'callback');
  });
});
