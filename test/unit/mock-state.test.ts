import { describe, expect, it } from 'vitest';
import { Mock } from '../../src/index.js';
import { invalidArgument, request } from './support.js';

const hit = request({ url: 'http://a.test/x' });
const miss = request({ url: 'http://b.test/x' });

describe('mock state', () => {
  it('a new mock is volatile: one match, then done and expired', () => {
    const mock = new Mock({ url: 'a.test' });
    expect([mock.calls, mock.isMatched(), mock.isDone(), mock.isExpired(), mock.timesLimit, mock.persisted]).toEqual([0, false, false, false, 1, false]);
    expect(mock.attempt(hit)).toBe(true);
    expect([mock.calls, mock.isMatched(), mock.isDone(), mock.isExpired()]).toEqual([1, true, true, true]);
    expect(mock.attempt(hit)).toBe(false);
    expect(mock.calls).toBe(1);
  });

  it('a miss changes nothing', () => {
    const mock = new Mock({ url: 'a.test' });
    expect(mock.attempt(miss)).toBe(false);
    expect([mock.calls, mock.isMatched(), mock.isDone(), mock.matches.length]).toEqual([0, false, false, 0]);
  });

  it('times(n) allows n matches, done only after the last', () => {
    const mock = new Mock({ url: 'a.test' }).times(3);
    expect(mock.timesLimit).toBe(3);
    const outcome: Array<[boolean, boolean]> = [];
    for (let i = 0; i < 4; i++) outcome.push([mock.attempt(hit), mock.isDone()]);
    expect(outcome).toEqual([
      [true, false],
      [true, false],
      [true, true],
      [false, true],
    ]);
    expect(mock.calls).toBe(3);
  });

  it('times() without argument means 1', () => {
    const mock = new Mock().times(5).times();
    expect(mock.timesLimit).toBe(1);
  });

  it('persist() never expires and is done once matched', () => {
    const mock = new Mock({ url: 'a.test' }).persist();
    expect(mock.isDone()).toBe(false);
    for (let i = 0; i < 10; i++) expect(mock.attempt(hit)).toBe(true);
    expect([mock.calls, mock.isDone(), mock.isExpired(), mock.persisted]).toEqual([10, true, false, true]);
  });

  it('persist() overrides times(); persist(false) makes it volatile again', () => {
    const mock = new Mock().times(2).persist();
    for (let i = 0; i < 3; i++) expect(mock.attempt(hit)).toBe(true);
    mock.persist(false);
    expect(mock.isExpired()).toBe(true);
    expect(mock.attempt(hit)).toBe(false);
  });

  it('calls and matches record every matched request in order', () => {
    const mock = new Mock({ url: 'a.test', times: 2 });
    const first = request({ url: 'http://a.test/1' });
    const second = request({ url: 'http://a.test/2' });
    mock.attempt(first);
    mock.attempt(miss);
    mock.attempt(second);
    expect(mock.calls).toBe(2);
    expect(mock.matches).toEqual([first, second]);
  });

  it('an expired mock is reported as expired', () => {
    const mock = new Mock({ url: 'a.test' });
    mock.attempt(hit);
    expect(mock.explain(hit)).toMatchObject({ state: 'expired', failures: 0 });
  });

  it('explain() has no side effects', () => {
    const mock = new Mock({ url: 'a.test' }).callback(() => {
      throw new Error('must not run');
    });
    mock.explain(hit);
    expect([mock.calls, mock.isDone()]).toEqual([0, false]);
  });

  it('the label shows method and URL', () => {
    expect(new Mock({ url: 'a.test/x', method: 'post' }).label).toBe('POST a.test/x');
    expect(new Mock({ url: /a\.test/ }).label).toBe('ANY /a\\.test/');
  });

  it('rejects bad times, persist and delay values', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '2']) invalidArgument(() => new Mock().times(bad as number), 'times');
    for (const bad of [-1, 0.5, Number.NaN, '10', Number.POSITIVE_INFINITY]) invalidArgument(() => new Mock().delay(bad as number), 'delay');
    invalidArgument(() => new Mock().persist('yes' as unknown as boolean), 'persist');
    invalidArgument(() => new Mock().error(42 as unknown as string), 'error');
  });

  it('delay(ms) is recorded; delay(0) is allowed', () => {
    expect(new Mock().delay(250).delayMs).toBe(250);
    expect(new Mock().delay(0).delayMs).toBe(0);
  });
});
