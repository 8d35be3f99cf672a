import { describe, expect, it } from 'vitest';
import { type Matcher, type MatchResult, Mock, type PookRequest } from '../../src/index.js';
import { invalidArgument, request } from './support.js';

const withId = (id?: string) => request({ url: 'http://a.test/', headers: id === undefined ? {} : { 'x-id': id } });
const failures = (mock: Mock, req: PookRequest) => mock.explain(req).results.filter((r) => !r.pass);

describe('custom matchers', () => {
  it('a function returning a boolean', () => {
    const mock = new Mock().addMatcher(function hasId(req) {
      return req.headers.has('x-id');
    });
    expect(mock.attempt(withId('1'))).toBe(true);
    expect(failures(mock, withId())).toEqual([{ pass: false, expectation: 'custom matcher hasId' }]);
  });

  it('an anonymous function is labelled "custom matcher"', () => {
    const mock = new Mock().addMatcher(() => false);
    expect(failures(mock, withId())).toEqual([{ pass: false, expectation: 'custom matcher' }]);
  });

  it('a function returning a MatchResult keeps its expectation, expected, actual and reason', () => {
    const mock = new Mock().addMatcher(
      (req): MatchResult => ({
        pass: req.headers.get('x-id') === '42',
        expectation: 'x-id is the answer',
        expected: '42',
        actual: req.headers.get('x-id'),
        reason: 'wrong id',
      }),
    );
    expect(mock.attempt(withId('42'))).toBe(true);
    expect(failures(mock, withId('7'))).toEqual([{ pass: false, expectation: 'x-id is the answer', expected: '42', actual: '7', reason: 'wrong id' }]);
  });

  it('an object with match(req), with or without a name', () => {
    const named: Matcher = { name: 'id matcher', match: (req) => req.headers.get('x-id') === '1' };
    expect(new Mock().use(named).attempt(withId('1'))).toBe(true);
    expect(failures(new Mock().use(named), withId('2'))).toEqual([{ pass: false, expectation: 'id matcher' }]);
    const unnamed = { match: (req: PookRequest) => req.headers.has('x-id') };
    expect(failures(new Mock().use(unnamed), withId())).toEqual([{ pass: false, expectation: 'custom matcher' }]);
  });

  it('an object matcher is called as a method', () => {
    const matcher = {
      name: 'stateful',
      wanted: '9',
      match(req: PookRequest): boolean {
        return req.headers.get('x-id') === this.wanted;
      },
    };
    expect(new Mock().use(matcher).attempt(withId('9'))).toBe(true);
  });

  it('receives the request and the mock', () => {
    const seen: Array<[PookRequest, Mock]> = [];
    const mock = new Mock().addMatcher((req, m) => {
      seen.push([req, m]);
      return true;
    });
    const req = withId('1');
    mock.attempt(req);
    expect(seen).toEqual([[req, mock]]);
  });

  it('a matcher that throws is a mismatch with the error as reason', () => {
    const mock = new Mock().addMatcher(function boom() {
      throw new Error('kaput');
    });
    expect(mock.attempt(withId('1'))).toBe(false);
    expect(failures(mock, withId('1'))).toEqual([{ pass: false, expectation: 'custom matcher boom', reason: 'threw kaput' }]);
  });

  it('use(...matchers) adds several; all must hold; the option agrees', () => {
    const yes = () => true;
    const no = () => false;
    expect(new Mock().use(yes, no).attempt(withId())).toBe(false);
    expect(new Mock().use(yes, yes).attempt(withId())).toBe(true);
    expect(new Mock({ use: [yes, no] }).explain(withId()).failures).toBe(1);
    expect(new Mock({ use: yes }).explain(withId()).failures).toBe(0);
  });

  it('a result without an expectation is named after the matcher, so reports can always say which failed', () => {
    const mock = new Mock().addMatcher(function bare() {
      return { pass: false } as MatchResult;
    });
    expect(failures(mock, withId())).toEqual([{ pass: false, expectation: 'custom matcher bare' }]);
    expect(new Mock().use({ name: 'obj', match: () => ({ pass: true }) as MatchResult }).attempt(withId())).toBe(true);
  });

  it('anything but a boolean or a MatchResult is a mismatch that says what it was', () => {
    const returning = (value: unknown) =>
      failures(
        new Mock().addMatcher(() => value as boolean),
        withId(),
      );
    expect(returning(undefined)).toEqual([{ pass: false, expectation: 'custom matcher', reason: 'returned undefined, not a boolean or a MatchResult' }]);
    expect(returning(1)).toEqual([{ pass: false, expectation: 'custom matcher', reason: 'returned number 1, not a boolean or a MatchResult' }]);
    expect(returning(Promise.resolve(true))[0]!.reason).toBe('returned a promise: matchers are synchronous (return a boolean or a MatchResult)');
    expect(returning({ pass: 'yes' })).toEqual([{ pass: false, expectation: 'custom matcher', reason: 'returned pass: "yes", not a boolean' }]);
  });

  it('a reason that is no string, and differences that are not differences, cannot break the report', () => {
    const odd = { toString: 0 };
    const [result] = failures(
      new Mock().addMatcher(
        () =>
          ({
            pass: false,
            expectation: 'odd',
            reason: odd,
            differences: [{ path: 1 }, { path: '$.a', kind: 'changed', expected: 1, actual: 2 }],
          }) as unknown as MatchResult,
      ),
      withId(),
    );
    expect(result).toEqual({
      pass: false,
      expectation: 'odd',
      reason: 'an object (Object)',
      differences: [{ path: '$.a', kind: 'changed', expected: 1, actual: 2 }],
    });
  });

  it('a matcher that throws what is no Error, even what cannot become a string, is a mismatch', () => {
    const mock = new Mock().addMatcher(() => {
      throw Object.create(null);
    });
    expect(failures(mock, withId())).toEqual([{ pass: false, expectation: 'custom matcher', reason: 'threw an object (null prototype)' }]);
  });

  it('rejects something that is not a matcher', () => {
    invalidArgument(() => new Mock().addMatcher({} as unknown as Matcher), 'use');
    invalidArgument(() => new Mock().use('x' as unknown as Matcher), 'use');
    invalidArgument(() => new Mock({ use: [null as unknown as Matcher] }), 'use');
  });
});
