import { describe, expect, it } from 'vitest';
import { Engine, type EngineFilter, Mock, type Outcome, PookInvalidArgumentError, PookNoMatchesError } from '../../src/index.js';
import { request } from './support.js';

const errorOf = (outcome: Outcome): Error => {
  expect(outcome.type).toBe('error');
  return (outcome as { error: Error }).error;
};

describe('engine filter', () => {
  it('a filter returning false makes the request unmatched, even if a mock would match', async () => {
    const engine = new Engine();
    const mock = engine.addMock(new Mock({ url: 'api.test' }));
    engine.filter((req) => req.url.pathname !== '/blocked');
    const blocked = request({ url: 'http://api.test/blocked' });
    const error = errorOf(await engine.handle(blocked));
    expect(error).toBeInstanceOf(PookNoMatchesError);
    expect(error.message).toContain('rejected by an engine filter');
    expect(mock.calls).toBe(0);
    expect(engine.unmatchedRequests()).toEqual([blocked]);
    expect((await engine.handle(request({ url: 'http://api.test/ok' }))).type).toBe('response');
  });

  it('every filter must accept; each gets the request and the engine', async () => {
    const engine = new Engine();
    engine.addMock(new Mock({ url: 'api.test', persist: true }));
    const seen: unknown[] = [];
    engine.filter(
      (req, e) => {
        seen.push(e);
        return req.method === 'GET';
      },
      (req) => req.headers.has('x-ok'),
    );
    expect((await engine.handle(request({ url: 'http://api.test/', headers: { 'x-ok': '1' } }))).type).toBe('response');
    expect((await engine.handle(request({ url: 'http://api.test/' }))).type).toBe('error');
    expect((await engine.handle(request({ url: 'http://api.test/', method: 'POST', headers: { 'x-ok': '1' } }))).type).toBe('error');
    expect(seen[0]).toBe(engine);
  });

  it('a filtered-out request is never silently passed to the network', async () => {
    const engine = new Engine();
    engine.filter(() => false);
    expect(errorOf(await engine.handle(request({ url: 'http://api.test/' })))).toBeInstanceOf(PookNoMatchesError);
  });

  it('with networking on, a filtered-out request follows the network policy like any unmatched request', async () => {
    const engine = new Engine({ network: true });
    engine.filter(() => false);
    engine.useNetworkFilter((req) => req.url.hostname === 'allowed.test');
    expect(await engine.handle(request({ url: 'http://allowed.test/' }))).toEqual({ type: 'passthrough' });
    expect(errorOf(await engine.handle(request({ url: 'http://denied.test/' })))).toBeInstanceOf(PookNoMatchesError);
    expect(engine.unmatchedRequests()).toHaveLength(2);
  });

  it('a throwing filter fails the request with its error', async () => {
    const engine = new Engine();
    engine.filter(() => {
      throw new Error('filter broke');
    });
    expect(errorOf(await engine.handle(request({ url: 'http://api.test/' }))).message).toBe('filter broke');
  });

  it('rejects a filter that is not a function', () => {
    expect(() => new Engine().filter(true as unknown as EngineFilter)).toThrow(PookInvalidArgumentError);
  });

  it('reset() removes engine filters', async () => {
    const engine = new Engine();
    engine.filter(() => false);
    engine.reset();
    engine.addMock(new Mock({ url: 'api.test' }));
    expect((await engine.handle(request({ url: 'http://api.test/' }))).type).toBe('response');
  });
});

describe('engine map', () => {
  it('every mock sees the mapped request', async () => {
    const engine = new Engine();
    const mock = engine.addMock(new Mock({ url: 'api.test', headers: { 'x-env': 'test' } }));
    engine.map((req) => req.with({ headers: { ...Object.fromEntries(req.headers), 'x-env': 'test' } }));
    expect((await engine.handle(request({ url: 'http://api.test/' }))).type).toBe('response');
    expect(mock.matches[0]!.headers.get('x-env')).toBe('test');
  });

  it('mappers chain in order and get the engine', async () => {
    const engine = new Engine();
    engine.addMock(new Mock({ url: 'api.test/b/c' }));
    let seen: unknown;
    engine.map(
      (req, e) => {
        seen = e;
        return req.with({ url: new URL('/b', req.url) });
      },
      (req) => req.with({ url: `${req.url.href}/c` }),
    );
    expect((await engine.handle(request({ url: 'http://api.test/a' }))).type).toBe('response');
    expect(seen).toBe(engine);
  });

  it('engine filters see the mapped request', async () => {
    const engine = new Engine();
    engine.addMock(new Mock({ url: 'api.test' }));
    engine.map((req) => req.with({ method: 'PUT' }));
    engine.filter((req) => req.method === 'PUT');
    expect((await engine.handle(request({ url: 'http://api.test/' }))).type).toBe('response');
  });

  it('the no-match report shows the mapped request; unmatched keeps the original', async () => {
    const engine = new Engine();
    engine.addMock(new Mock({ url: 'api.test/none' }));
    engine.map((req) => req.with({ url: 'http://api.test/mapped' }));
    const original = request({ url: 'http://api.test/original' });
    const error = errorOf(await engine.handle(original)) as PookNoMatchesError;
    expect(error.request.url.pathname).toBe('/mapped');
    expect(engine.unmatchedRequests()).toEqual([original]);
  });

  it('match() itself does not apply engine mappers', () => {
    const engine = new Engine();
    engine.addMock(new Mock({ url: 'api.test/mapped' }));
    engine.map((req) => req.with({ url: 'http://api.test/mapped' }));
    expect(engine.match(request({ url: 'http://api.test/original' }))).toBeUndefined();
  });

  it('rejects a mapper that is not a function', () => {
    expect(() => new Engine().map({} as never)).toThrow(PookInvalidArgumentError);
  });
});
