import { describe, expect, it } from 'vitest';
import { distance, failureWeight, rankCandidates, summarize } from '../../src/diagnostics/ranking.js';
import { type MatchResult, Mock, type MockReport, PookRequest } from '../../src/index.js';

// Ranking candidates by closeness: how many expectations failed and how
// important they are.

const failed = (expectation: string, extra: Partial<MatchResult> = {}): MatchResult => ({ pass: false, expectation, ...extra });
const request = new PookRequest({ method: 'PUT', url: 'https://api.test/users/42?page=1', headers: { 'x-a': '1' }, body: '{"a":1}' });
const report = (mock: Mock) => mock.explain(request);

describe('failureWeight', () => {
  it('a host outweighs everything; then path, method, body, query, header', () => {
    const weights = [
      'url host',
      'url path',
      'path',
      'method',
      'json',
      'body',
      'xml',
      'json schema',
      'file',
      'query "page"',
      'header "x-a"',
      'header "x-a" present',
      'content-type',
      'url scheme',
      'url port',
      'custom matcher isAdmin',
    ].map((e) => [e, failureWeight(failed(e))]);
    expect(Object.fromEntries(weights)).toEqual({
      'url host': 100,
      'url path': 10,
      path: 10,
      method: 8,
      json: 4,
      body: 4,
      xml: 4,
      'json schema': 4,
      file: 4,
      'query "page"': 3,
      'header "x-a"': 2,
      'header "x-a" present': 2,
      'content-type': 2,
      'url scheme': 5,
      'url port': 5,
      'custom matcher isAdmin': 3,
    });
  });

  it('a URL with several differing parts weighs their sum; a RegExp URL that fails counts as another host', () => {
    const parts = [
      { path: 'scheme', kind: 'changed' as const },
      { path: 'port', kind: 'changed' as const },
    ];
    expect(failureWeight(failed('url', { differences: parts }))).toBe(10);
    expect(failureWeight(failed('url'))).toBe(100);
  });
});

describe('distance and summary', () => {
  it('sum the failed expectations; expired or filtered adds 1', () => {
    const near = report(new Mock({ method: 'PUT', url: 'https://api.test/users/42', headers: { 'x-a': '2' } }));
    expect([distance(near), summarize(near)]).toEqual([2, 'matches except for header "x-a"']);
    const expired = new Mock({ method: 'PUT', url: 'https://api.test/users/42' });
    expired.attempt(request);
    expect([distance(report(expired)), summarize(report(expired))]).toEqual([1, 'matched but expired after 1 call (times(1))']);
    const persisted = new Mock({ method: 'PUT', url: 'https://api.test/users/42', times: 2 });
    persisted.attempt(request);
    persisted.attempt(request);
    expect(summarize(report(persisted))).toBe('matched but expired after 2 calls (times(2))');
    const filtered = report(new Mock({ method: 'GET', url: 'https://api.test/users/42', filter: () => false }));
    expect([distance(filtered), summarize(filtered)]).toEqual([9, 'skipped by filter; otherwise matches except for method']);
  });

  it('with a function of the user not evaluated, only the rest is said to match', () => {
    const partly = (mock: Mock): MockReport => ({ ...report(mock), notEvaluated: ['custom matcher isAdmin'] });
    const live = new Mock({ method: 'PUT', url: 'https://api.test/users/42' });
    expect([distance(partly(live)), summarize(partly(live))]).toEqual([0, 'matches every evaluated expectation']);
    const filtered = new Mock({ method: 'PUT', url: 'https://api.test/users/42', filter: () => false });
    expect(summarize(partly(filtered))).toBe('skipped by filter (every evaluated expectation matches)');
    const expired = new Mock({ method: 'PUT', url: 'https://api.test/users/42' });
    expired.attempt(request);
    expect([distance(partly(expired)), summarize(partly(expired))]).toEqual([
      1,
      'expired after 1 call (times(1)); otherwise matches every evaluated expectation',
    ]);
    const differs = new Mock({ method: 'GET', url: 'https://api.test/users/42' });
    expect(summarize(partly(differs))).toBe(summarize(report(differs)));
  });

  it('names at most four failed expectations', () => {
    const many = report(new Mock({ method: 'GET', url: 'https://api.test/users/42', params: { a: '1', b: '2', c: '3', d: '4' } }));
    expect(summarize(many)).toBe('matches except for method, query "a", query "b" and 2 more');
    const none = report(new Mock({ method: 'GET', url: 'https://other.test/' }));
    expect(summarize(none)).toBe('differs in method and url');
  });
});

describe('rankCandidates', () => {
  it('closest first, ties in registration order, with distance and summary', () => {
    const mocks = [
      new Mock({ method: 'GET', url: 'https://api.test/users/42' }), // 8
      new Mock({ method: 'PUT', url: 'https://other.test/users/42' }), // 100
      new Mock({ method: 'PUT', url: 'https://api.test/users/42', json: { a: 2 } }), // 4
      new Mock({ method: 'DELETE', url: 'https://api.test/users/42' }), // 8
      new Mock({ method: 'PUT', url: 'https://api.test/users/41' }), // 10
    ];
    const ranked = rankCandidates(mocks.map(report));
    expect(ranked.map((c) => [mocks.indexOf(c.mock), c.distance])).toEqual([
      [2, 4],
      [0, 8],
      [3, 8],
      [4, 10],
      [1, 100],
    ]);
    expect(ranked[0]).toMatchObject({ state: 'evaluated', failures: 1, summary: 'matches except for json' });
  });
});
