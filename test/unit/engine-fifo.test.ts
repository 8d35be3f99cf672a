import { afterEach, describe, expect, it, vi } from 'vitest';
import { Engine, Mock, type Outcome, PookInvalidArgumentError, PookNoMatchesError, type ResolvedResponse } from '../../src/index.js';
import { request } from './support.js';

const statusOf = (outcome: Outcome): number => {
  expect(outcome.type).toBe('response');
  return (outcome as { response: ResolvedResponse }).response.status;
};
const req = (url = 'http://api.test/x') => request({ url });

describe('engine matching is FIFO', () => {
  it('the first registered mock that matches wins', () => {
    const engine = new Engine();
    const first = engine.addMock(new Mock({ url: 'api.test', persist: true }));
    engine.addMock(new Mock({ url: 'api.test/x', persist: true }));
    expect(engine.match(req())).toBe(first);
  });

  it('non-matching mocks earlier in the queue are skipped', () => {
    const engine = new Engine();
    engine.addMock(new Mock({ url: 'other.test' }));
    const second = engine.addMock(new Mock({ url: 'api.test' }));
    expect(engine.match(req())).toBe(second);
  });

  it('several identical mocks are used one after another as each expires', async () => {
    const engine = new Engine();
    engine.addMock(new Mock({ url: 'api.test', reply: 201 }));
    engine.addMock(new Mock({ url: 'api.test', reply: 202, times: 2 }));
    engine.addMock(new Mock({ url: 'api.test', reply: 203 }));
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push(statusOf(await engine.handle(req())));
    expect(statuses).toEqual([201, 202, 202, 203]);
    const last = await engine.handle(req());
    expect(last.type).toBe('error');
    expect((last as { error: Error }).error).toBeInstanceOf(PookNoMatchesError);
  });

  it('expired mocks are skipped in favour of later ones', () => {
    const engine = new Engine();
    const first = engine.addMock(new Mock({ url: 'api.test' }));
    const second = engine.addMock(new Mock({ url: 'api.test' }));
    expect(engine.match(req())).toBe(first);
    expect(engine.match(req())).toBe(second);
    expect(engine.match(req())).toBeUndefined();
  });

  it('a persistent mock shadows later identical mocks', () => {
    const engine = new Engine();
    const persistent = engine.addMock(new Mock({ url: 'api.test', persist: true }));
    const later = engine.addMock(new Mock({ url: 'api.test' }));
    for (let i = 0; i < 3; i++) expect(engine.match(req())).toBe(persistent);
    expect(later.calls).toBe(0);
  });

  it('a match is counted only on the winning mock', () => {
    const engine = new Engine();
    const loser = engine.addMock(new Mock({ url: 'other.test' }));
    const winner = engine.addMock(new Mock({ url: 'api.test' }));
    engine.match(req());
    expect([loser.calls, winner.calls]).toEqual([0, 1]);
  });
});

describe('engine registry', () => {
  it('addMock appends and returns the mock; removeMock and flushMocks unregister', () => {
    const engine = new Engine();
    const a = new Mock();
    const b = new Mock();
    expect(engine.addMock(a)).toBe(a);
    engine.addMock(b);
    expect(engine.mocks).toEqual([a, b]);
    expect(engine.removeMock(a)).toBe(true);
    expect(engine.removeMock(a)).toBe(false);
    expect(engine.mocks).toEqual([b]);
    engine.flushMocks();
    expect(engine.mocks).toEqual([]);
  });

  it('addMock rejects something that is not a Mock', () => {
    expect(() => new Engine().addMock({} as Mock)).toThrow(PookInvalidArgumentError);
  });

  it('pendingMocks and isDone follow the mocks', () => {
    const engine = new Engine();
    expect(engine.isDone()).toBe(true);
    const a = engine.addMock(new Mock({ url: 'api.test/x' }));
    const b = engine.addMock(new Mock({ url: 'api.test/y', persist: true }));
    expect(engine.pendingMocks()).toEqual([a, b]);
    engine.match(req('http://api.test/x'));
    expect(engine.pendingMocks()).toEqual([b]);
    expect(engine.isDone()).toBe(false);
    engine.match(req('http://api.test/y'));
    expect(engine.pendingMocks()).toEqual([]);
    expect(engine.isDone()).toBe(true);
  });
});

describe('engine.handle', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("answers with the matched mock's response", async () => {
    const engine = new Engine();
    engine.addMock(new Mock({ url: 'api.test', reply: 418, responseBody: 'teapot' }));
    const outcome = await engine.handle(req());
    expect(outcome).toMatchObject({ type: 'response', response: { status: 418 } });
  });

  it("fails with the mock's error after counting the match", async () => {
    const engine = new Engine();
    const error = new Error('connection reset');
    const mock = engine.addMock(new Mock({ url: 'api.test', error }));
    expect(await engine.handle(req())).toEqual({ type: 'error', error });
    expect(mock.calls).toBe(1);
    expect(mock.isDone()).toBe(true);
  });

  it('turns a throwing reply function into an error outcome', async () => {
    const engine = new Engine();
    engine.addMock(
      new Mock({
        url: 'api.test',
        reply: () => {
          throw new Error('reply failed');
        },
      }),
    );
    const outcome = await engine.handle(req());
    expect(outcome.type).toBe('error');
    expect((outcome as { error: Error }).error.message).toBe('reply failed');
  });

  it('records unmatched requests in order, and never matched ones', async () => {
    const engine = new Engine();
    engine.addMock(new Mock({ url: 'api.test/x' }));
    const one = req('http://api.test/one');
    const two = req('http://api.test/two');
    await engine.handle(one);
    await engine.handle(req());
    await engine.handle(two);
    expect(engine.unmatchedRequests()).toEqual([one, two]);
    engine.unmatchedRequests().pop();
    expect(engine.unmatchedRequests()).toHaveLength(2);
  });

  it('delays the response by the mock delay, under fake timers', async () => {
    vi.useFakeTimers();
    const engine = new Engine();
    engine.addMock(new Mock({ url: 'api.test', delay: 1000, reply: 204 }));
    let settled = false;
    const pending = engine.handle(req()).then((outcome) => {
      settled = true;
      return outcome;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
    expect(statusOf(await pending)).toBe(204);
  });

  it('an abort during the delay ends with the abort reason', async () => {
    vi.useFakeTimers();
    const engine = new Engine();
    engine.addMock(new Mock({ url: 'api.test', delay: 1000 }));
    const controller = new AbortController();
    const pending = engine.handle(req(), { signal: controller.signal });
    const reason = new Error('aborted by test');
    controller.abort(reason);
    expect(await pending).toEqual({ type: 'error', error: reason });
  });
});
