import { afterEach, describe, expect, it } from 'vitest';
import pook, { Engine, Mock, PookInvalidArgumentError } from '../../src/index.js';
import { request } from './support.js';

const get = (path: string) => request({ url: `http://api.test${path}`, method: 'GET' });

afterEach(() => {
  pook.off();
  pook.configure({ historyLimit: Number.POSITIVE_INFINITY });
});

describe('historyLimit', () => {
  it('is unlimited by default: every match and every unmatched request is kept', async () => {
    const engine = new Engine();
    const mock = engine.addMock(new Mock({ url: 'api.test/a', persist: true }));
    for (let i = 0; i < 50; i++) await engine.handle(get(`/a?i=${i}`));
    for (let i = 0; i < 5; i++) await engine.handle(get(`/none?i=${i}`));
    expect(engine.historyLimit).toBe(Number.POSITIVE_INFINITY);
    expect([mock.calls, mock.matches.length, engine.unmatchedRequests().length]).toEqual([50, 50, 5]);
  });

  it('keeps the most recent N matches per mock and N unmatched requests; calls counts all', async () => {
    const engine = new Engine({ historyLimit: 3 });
    const mock = engine.addMock(new Mock({ url: 'api.test/a', times: 10 }));
    for (let i = 0; i < 10; i++) await engine.handle(get(`/a?i=${i}`));
    for (let i = 0; i < 5; i++) await engine.handle(get(`/none?i=${i}`));
    expect(mock.calls).toBe(10);
    expect(mock.matches.map((req) => req.url.search)).toEqual(['?i=7', '?i=8', '?i=9']);
    expect(mock.isDone()).toBe(true);
    expect(mock.isExpired()).toBe(true); // times(10) still counts every match
    expect(engine.unmatchedRequests().map((req) => req.url.search)).toEqual(['?i=2', '?i=3', '?i=4']);
  });

  it('stays exact however often it is read, across many more requests than the limit', async () => {
    const engine = new Engine({ historyLimit: 4 });
    const mock = engine.addMock(new Mock({ url: 'api.test/a', persist: true }));
    for (let i = 0; i < 200; i++) {
      await engine.handle(get(`/a?i=${i}`));
      if (i % 7 === 0) expect(mock.matches.at(-1)?.url.search).toBe(`?i=${i}`);
      if (i % 7 === 0) expect(mock.matches.length).toBe(Math.min(i + 1, 4));
    }
    expect(mock.calls).toBe(200);
    expect(mock.matches.map((req) => req.url.search)).toEqual(['?i=196', '?i=197', '?i=198', '?i=199']);
  });

  it('0 records no history at all', async () => {
    const engine = new Engine({ historyLimit: 0 });
    const mock = engine.addMock(new Mock({ url: 'api.test/a', persist: true }));
    await engine.handle(get('/a'));
    await engine.handle(get('/a'));
    await engine.handle(get('/none'));
    expect([mock.calls, mock.matches.length, engine.unmatchedRequests().length, mock.isMatched()]).toEqual([2, 0, 0, true]);
  });

  it('can be changed on a live engine; lowering it trims the unmatched list at once', async () => {
    const engine = new Engine();
    for (let i = 0; i < 4; i++) await engine.handle(get(`/none?i=${i}`));
    engine.historyLimit = 2;
    expect(engine.unmatchedRequests().map((req) => req.url.search)).toEqual(['?i=2', '?i=3']);
  });

  it('rejects a negative, fractional or non-numeric limit, naming it', () => {
    for (const bad of [-1, 1.5, Number.NaN, '10']) {
      expect(() => new Engine({ historyLimit: bad as number })).toThrow(PookInvalidArgumentError);
      expect(() => pook.configure({ historyLimit: bad as number })).toThrow(/historyLimit/);
      expect(() => pook.use({ historyLimit: bad as number })).toThrow(/historyLimit/);
    }
    expect(() => pook.configure({ limit: 1 } as never)).toThrow(PookInvalidArgumentError);
  });
});

describe('historyLimit in the module API', () => {
  it('configure() sets it on the global engine, and reset() keeps it', async () => {
    pook.configure({ historyLimit: 1 });
    pook.activate();
    const mock = pook.get('api.test/a').persist().reply(204).mock;
    await fetch('http://api.test/a?n=1');
    await fetch('http://api.test/a?n=2');
    expect([mock.calls, mock.matches.map((req) => req.url.search)]).toEqual([2, ['?n=2']]);
    pook.reset();
    expect(pook.engine().historyLimit).toBe(1);
  });

  it('use() scopes take the module-wide value unless they set their own', () => {
    pook.configure({ historyLimit: 5 });
    {
      using scope = pook.use();
      expect(scope.engine.historyLimit).toBe(5);
    }
    {
      using scope = pook.use({ historyLimit: 0 });
      expect(scope.engine.historyLimit).toBe(0);
    }
  });
});
