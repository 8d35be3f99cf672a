import { afterEach, describe, expect, it } from 'vitest';
import pook, { type MatchResult, Mock, PookNoMatchesError, PookRequest } from '../../src/index.js';

// Filters, mappers, custom matchers, callbacks and reply functions are the
// user's code, which may count, log or consume state: pook calls each once
// per request it tries the mock against, and never again to write a report
// (docs/when-nothing-matches.md#your-functions-in-a-report).

afterEach(() => pook.off());

interface Recorder {
  readonly calls: string[];
  note(kind: string, req: PookRequest): void;
  /** A user function that notes its call, then answers. */
  counted<T>(kind: string, answer: (req: PookRequest) => T): (req: PookRequest) => T;
}

/** Records every call of a user function as `kind request-id` (the request's x-id header). */
function recorder(): Recorder {
  const calls: string[] = [];
  const note = (kind: string, req: PookRequest): void => {
    calls.push(`${kind} ${req.headers.get('x-id') ?? '?'}`);
  };
  return {
    calls,
    note,
    counted: (kind, answer) => (req) => {
      note(kind, req);
      return answer(req);
    },
  };
}

/** The status, or the no-match error pook failed the request with. */
async function send(url: string, init: RequestInit = {}): Promise<number | PookNoMatchesError> {
  try {
    return (await fetch(url, init)).status;
  } catch (error) {
    const cause = (error as TypeError).cause;
    if (cause instanceof PookNoMatchesError) return cause;
    throw error;
  }
}

const noMatch = (outcome: number | PookNoMatchesError): PookNoMatchesError => {
  if (!(outcome instanceof PookNoMatchesError)) throw new Error(`expected a no-match error, got status ${outcome}`);
  return outcome;
};

describe('user functions run once per request, never for a report', () => {
  it('a filter and a function matcher of two mocks: one call each for one request to each', async () => {
    pook.activate();
    const calls = { filter: 0, matcher: 0 };
    pook.get('http://foo.test/items').filter((req) => {
      calls.filter++;
      return req.url.hostname !== 'foo.test';
    });
    pook.get('http://bar.test/items').use((req) => {
      calls.matcher++;
      return req.url.hostname !== 'bar.test';
    });
    noMatch(await send('http://foo.test/items'));
    noMatch(await send('http://bar.test/items'));
    expect(calls).toEqual({ filter: 1, matcher: 1 });
    expect(() => pook.assertNoUnmatched()).toThrow(/2 requests matched no mock/);
    expect(() => pook.assertDone()).toThrow(/2 mocks are still pending/);
    expect(calls).toEqual({ filter: 1, matcher: 1 });
  });

  it('every kind, across matched, near-miss and unmatched requests with several mocks; reports reuse what matching saw', async () => {
    pook.activate();
    const { calls, note } = recorder();
    const engine = pook.engine();
    engine.map((req) => {
      note('engine map', req);
      return req;
    });
    engine.filter((req) => {
      note('engine filter', req);
      return true;
    });
    const users = pook
      .post('http://api.test/users')
      .map((req) => {
        note('map', req);
        return req.with({ headers: { ...Object.fromEntries(req.headers), 'x-mapped': 'yes' } });
      })
      .filter((req) => {
        note('filter', req);
        return req.headers.get('x-mapped') === 'yes';
      })
      .use(function isAdmin(req): MatchResult {
        note('matcher', req);
        const role = req.headers.get('x-role');
        return { pass: role === 'admin', expectation: 'role is admin', expected: 'admin', actual: role ?? undefined };
      })
      .use({
        name: 'tenant',
        match: (req) => {
          note('object matcher', req);
          return req.headers.get('x-tenant') === 'acme';
        },
      })
      .callback((req) => note('callback', req))
      .persist()
      .reply((req) => {
        note('reply', req);
        return { status: 201 };
      });
    // Any path of api.test: in the fallback list, so tried for every request.
    const anyPath = pook
      .mock('http://api.test')
      .filter((req) => {
        note('any filter', req);
        return true;
      })
      .use(function isJson(req) {
        note('any matcher', req);
        return req.headers.get('content-type') === 'application/json';
      })
      .reply(202).mock;
    // Another route: the index never tries it for these requests.
    pook.get('http://other.test/x').use(function never(req) {
      note('other matcher', req);
      return true;
    });
    pook.get('http://api.test/users').reply(200);

    const post = (id: string, role: string) =>
      send('http://api.test/users', { method: 'POST', headers: { 'x-id': id, 'x-role': role, 'x-tenant': 'acme' }, body: 'x' });
    expect(await post('1', 'admin')).toBe(201);
    const nearMiss = noMatch(await post('2', 'guest'));
    const unmatched = noMatch(await send('http://nowhere.test/', { headers: { 'x-id': '3' } }));

    const expected = [
      ...['engine map 1', 'engine filter 1', 'map 1', 'filter 1', 'matcher 1', 'object matcher 1', 'callback 1', 'reply 1'],
      // The near miss: `isAdmin` fails, so `tenant` is not reached; anyPath is tried and fails.
      ...['engine map 2', 'engine filter 2', 'map 2', 'filter 2', 'matcher 2', 'any filter 2', 'any matcher 2'],
      // Another host: the method (users) and the URL (anyPath) fail before their matchers.
      ...['engine map 3', 'engine filter 3', 'map 3', 'filter 3', 'any filter 3'],
    ];
    expect(calls).toEqual(expected);

    // The report of the near miss: the matcher's own result, reused; what was not reached says so.
    const lines = nearMiss.message.split('\n');
    const first = lines.indexOf('  1. POST http://api.test/users — matches except for role is admin');
    expect(first).toBeGreaterThan(0);
    expect(lines.slice(first + 2, first + 6)).toEqual([
      '     ✓ method',
      '     ✓ url',
      '     ✗ role is admin: expected "admin", got "guest"',
      '     · tenant: not evaluated',
    ]);
    const candidate = (error: PookNoMatchesError, mock: Mock) => error.candidates.find((c) => c.mock === mock)!;
    expect(candidate(nearMiss, users).notEvaluated).toEqual(['tenant']);
    expect(candidate(nearMiss, anyPath)).toMatchObject({ state: 'evaluated', notEvaluated: [], summary: 'matches except for custom matcher isJson' });
    const other = engine.mocks[2]!;
    engine.candidateLimit = Number.POSITIVE_INFINITY;
    const all = noMatch(await send('http://nowhere.test/', { headers: { 'x-id': '4' } }));
    expect(all.message).toContain('  2. GET http://other.test/x — matches except for url\n');
    expect(all.message).toContain('     · custom matcher never: not evaluated');
    expect(candidate(all, other).notEvaluated).toEqual(['custom matcher never']);
    expect(calls.slice(expected.length)).toEqual(['engine map 4', 'engine filter 4', 'map 4', 'filter 4', 'any filter 4']);
    expect(candidate(unmatched, users)).toMatchObject({ state: 'evaluated', summary: 'differs in method and url' });

    // The assertion reports about those requests call nothing either.
    const before = calls.length;
    expect(() => pook.assertNoUnmatched()).toThrow('closest mock: POST http://api.test/users — matches except for role is admin');
    expect(() => pook.assertDone()).toThrow('1. POST http://api.test/users — matches except for custom matcher isJson\n     ✗ custom matcher isJson\n');
    expect(calls.length).toBe(before);

    // The content is what evaluating everything says, for what matching reached.
    const anyPathNow = anyPath.explain(nearMiss.request);
    expect(candidate(nearMiss, anyPath).results).toEqual(anyPathNow.results);
    expect(candidate(nearMiss, users).results).toEqual(users.explain(nearMiss.request).results.filter((r) => r.expectation !== 'tenant'));
  });

  it('a mock registered twice in one engine is tried once per request', async () => {
    pook.activate();
    let filters = 0;
    const mock = new Mock({
      url: 'http://twice.test/',
      filter: () => {
        filters++;
        return false;
      },
    });
    pook.engine().addMock(mock);
    pook.engine().addMock(mock);
    noMatch(await send('http://twice.test/'));
    expect(filters).toBe(1);
  });

  it('engine.noMatchError(request), for a request that was not handled, calls none of them', () => {
    const { calls, counted } = recorder();
    const engine = pook.engine();
    engine.addMock(
      new Mock({
        url: 'http://api.test/',
        map: counted('map', (req) => req),
        filter: counted('filter', () => true),
        use: counted('matcher', () => true),
      }),
    );
    const error = engine.noMatchError(new PookRequest({ method: 'GET', url: 'http://api.test/' }));
    expect(calls).toEqual([]);
    expect(error.candidates[0]).toMatchObject({
      state: 'evaluated',
      failures: 0,
      notEvaluated: ['map', 'filter', 'custom matcher'],
      summary: 'matches every evaluated expectation',
    });
    expect(error.message).toContain('     · map: not evaluated\n     · filter: not evaluated\n     · custom matcher: not evaluated\n');
  });

  it('mock.explain(request) is asked to evaluate them: once each, and no callback or reply', () => {
    const { calls, counted } = recorder();
    const mock = new Mock({
      url: 'http://api.test/',
      map: counted('map', (req) => req),
      filter: counted('filter', () => true),
      use: counted('matcher', () => false),
      callback: counted('callback', () => undefined),
      reply: counted('reply', () => ({ status: 200 })),
    });
    expect(mock.explain(new PookRequest({ method: 'GET', url: 'http://api.test/' })).failures).toBe(1);
    expect(calls).toEqual(['map ?', 'filter ?', 'matcher ?']);
  });
});
