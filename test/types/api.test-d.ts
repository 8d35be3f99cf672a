import { describe, expectTypeOf, it } from 'vitest';
import * as ns from '../../src/index.js';
import pook, {
  type Candidate,
  Engine,
  type EngineEventName,
  type MatchResult,
  Mock,
  type MockOptions,
  type PookCallCountError,
  type PookNoMatchesError,
  type PookPendingMocksError,
  type PookRequest,
  type PookResponse,
  type PookScope,
  type PookUnmatchedRequestsError,
  type SourceLocation,
} from '../../src/index.js';

describe('module API types', () => {
  it('default export and namespace import have the same members', () => {
    expectTypeOf<keyof typeof pook>().toEqualTypeOf<Exclude<keyof typeof ns, 'default'>>();
    expectTypeOf(pook.get).toEqualTypeOf(ns.get);
    expectTypeOf(pook.delete).toEqualTypeOf(ns.delete);
    expectTypeOf(pook.Mock).toEqualTypeOf(ns.Mock);
    // @ts-expect-error `del` is only the source name of `delete`
    void pook.del;
  });

  it('mock definition functions return a Mock', () => {
    expectTypeOf(pook.get('api.test')).toEqualTypeOf<Mock>();
    expectTypeOf(pook.mock(/api\.test/)).toEqualTypeOf<Mock>();
    expectTypeOf(pook.post({ url: 'api.test', times: 2 })).toEqualTypeOf<Mock>();
    expectTypeOf(pook.delete('api.test', { persist: true })).toEqualTypeOf<Mock>();
  });

  it('reply() returns the PookResponse, .mock returns the Mock, reply(fn) returns the Mock', () => {
    const mock = pook.get('api.test');
    expectTypeOf(mock.reply()).toEqualTypeOf<PookResponse<Mock>>();
    expectTypeOf(mock.reply(201)).toEqualTypeOf<PookResponse<Mock>>();
    expectTypeOf(mock.reply(201).json({ id: 1 }).header('a', 'b')).toEqualTypeOf<PookResponse<Mock>>();
    expectTypeOf(mock.reply(201).mock).toEqualTypeOf<Mock>();
    expectTypeOf(mock.reply((req) => ({ status: 200, json: { path: req.url.pathname } }))).toEqualTypeOf<Mock>();
    expectTypeOf(mock.reply(async () => new Response('ok'))).toEqualTypeOf<Mock>();
    // @ts-expect-error a reply function must return a Response or a reply object
    mock.reply(() => 'text');
  });

  it("after reply(), the mock's settings forward and keep the response; the mock's other methods are not the response's", () => {
    const response = pook.get('api.test').reply(200).times(2).persist().delay(5).error('ECONNRESET').json({ ok: true });
    expectTypeOf(response).toEqualTypeOf<PookResponse<Mock>>();
    // @ts-expect-error param() is a method of the mock: call it before reply(), or through .mock
    pook.get('api.test').reply(200).param('a', '1');
    const response200 = pook.get('api.test').reply(200);
    // @ts-expect-error filter() is a method of the mock
    response200.filter(() => true);
  });

  it('the DSL chains keep the Mock type', () => {
    const chained = pook.post('api.test').header('a', /b/).json({ a: 1 }).times(2).persist().delay(5);
    expectTypeOf(chained).toEqualTypeOf<Mock>();
  });

  it('use() returns a Disposable and AsyncDisposable scope', () => {
    const scope = pook.use();
    expectTypeOf(scope).toEqualTypeOf<PookScope>();
    expectTypeOf(scope).toMatchTypeOf<Disposable>();
    expectTypeOf(scope).toMatchTypeOf<AsyncDisposable>();
    expectTypeOf(scope.engine).toEqualTypeOf<Engine>();
    expectTypeOf(pook.use({ network: true })).toEqualTypeOf<PookScope>();
  });

  it('historyLimit: configure(), use() and Engine take a number', () => {
    expectTypeOf(pook.configure).parameter(0).toEqualTypeOf<ns.ConfigureOptions>();
    expectTypeOf(pook.configure({ historyLimit: 100 })).toEqualTypeOf<void>();
    expectTypeOf(pook.use({ historyLimit: 0 })).toEqualTypeOf<PookScope>();
    expectTypeOf(new Engine({ historyLimit: 10 }).historyLimit).toEqualTypeOf<number>();
    // @ts-expect-error not a number
    pook.configure({ historyLimit: '10' });
    // @ts-expect-error unknown option
    pook.configure({ limit: 10 });
  });

  it('use(fn) returns what fn returns', () => {
    expectTypeOf(pook.use((engine) => engine.mocks.length)).toEqualTypeOf<number>();
    expectTypeOf(pook.use(async () => 'x')).toEqualTypeOf<Promise<string>>();
    // @ts-expect-error unknown use() option
    pook.use({ networking: true });
  });

  it('activate(fn) / on(fn) preserve the function type', () => {
    const sync = pook.activate((a: number, b: string): boolean => a > b.length);
    expectTypeOf(sync).toEqualTypeOf<(a: number, b: string) => boolean>();
    const async = pook.on(async (url: string) => url.length);
    expectTypeOf(async).toEqualTypeOf<(url: string) => Promise<number>>();
    expectTypeOf(pook.activate()).toEqualTypeOf<void>();
  });

  it('state functions have the SPEC return types', () => {
    expectTypeOf(pook.pending()).toEqualTypeOf<number>();
    expectTypeOf(pook.isPending()).toEqualTypeOf<boolean>();
    expectTypeOf(pook.pendingMocks()).toEqualTypeOf<Mock[]>();
    expectTypeOf(pook.unmatchedRequests()).toEqualTypeOf<PookRequest[]>();
    expectTypeOf(pook.unmatched()).toEqualTypeOf<number>();
    expectTypeOf(pook.isUnmatched()).toEqualTypeOf<boolean>();
    expectTypeOf(pook.isDone()).toEqualTypeOf<boolean>();
    expectTypeOf(pook.regex('a')).toEqualTypeOf<RegExp>();
    expectTypeOf(pook.engine()).toEqualTypeOf<Engine>();
  });
});

describe('diagnostics types', () => {
  it('assertions return void; mock.assertCalled chains; definedAt and expectations are typed', () => {
    expectTypeOf(pook.assertDone()).toEqualTypeOf<void>();
    expectTypeOf(pook.assertNoUnmatched()).toEqualTypeOf<void>();
    const mock = pook.get('api.test');
    expectTypeOf(mock.assertCalled()).toEqualTypeOf<Mock>();
    expectTypeOf(mock.assertCalled(2)).toEqualTypeOf<Mock>();
    expectTypeOf(mock.definedAt).toEqualTypeOf<SourceLocation | undefined>();
    expectTypeOf(mock.expectations).toEqualTypeOf<readonly string[]>();
  });

  it('errors carry typed structured data', () => {
    const error = null as unknown as PookNoMatchesError;
    expectTypeOf(error.candidates).toEqualTypeOf<readonly Candidate[]>();
    expectTypeOf(error.candidates[0]!.summary).toEqualTypeOf<string>();
    expectTypeOf(error.candidates[0]!.distance).toEqualTypeOf<number>();
    expectTypeOf((null as unknown as PookPendingMocksError).mocks).toEqualTypeOf<readonly Mock[]>();
    expectTypeOf((null as unknown as PookUnmatchedRequestsError).requests).toEqualTypeOf<readonly PookRequest[]>();
    expectTypeOf((null as unknown as PookCallCountError).expected).toEqualTypeOf<number | undefined>();
  });

  it('engine events are typed by name', () => {
    const engine = pook.engine();
    engine.on('match', (event) => {
      expectTypeOf(event.mock).toEqualTypeOf<Mock>();
      expectTypeOf(event.request).toEqualTypeOf<PookRequest>();
    });
    engine.on('unmatched', (event) => expectTypeOf(event.passthrough).toEqualTypeOf<boolean>());
    engine.on('error', (event) => {
      expectTypeOf(event.error).toEqualTypeOf<Error>();
      expectTypeOf(event.mock).toEqualTypeOf<Mock | undefined>();
    });
    expectTypeOf<EngineEventName>().toEqualTypeOf<'match' | 'unmatched' | 'passthrough' | 'error' | 'exchange'>();
    // @ts-expect-error unknown event
    engine.on('matched', () => undefined);
  });
});

describe('MockOptions types', () => {
  it('an unknown key is a compile error', () => {
    // @ts-expect-error unknown option
    pook.get('api.test', { tmes: 5 });
    // @ts-expect-error unknown option
    new Mock({ url: 'api.test', responseStatus: 200 });
    const options: MockOptions = { url: 'api.test', times: 2, reply: 201, responseJson: { ok: true } };
    expectTypeOf(options).toMatchTypeOf<MockOptions>();
  });

  it('values are typed', () => {
    // @ts-expect-error times is a number
    pook.get('api.test', { times: '2' });
    // @ts-expect-error persist is a boolean
    pook.get('api.test', { persist: 'yes' });
    // @ts-expect-error header values are strings or RegExps
    pook.get('api.test', { headers: { a: 1 } });
  });

  it('json() accepts any object, including interface-typed values', () => {
    interface User {
      name: string;
      tags: string[];
    }
    const user: User = { name: 'ada', tags: [] };
    expectTypeOf(pook.post('api.test').json(user)).toEqualTypeOf<Mock>();
    expectTypeOf(pook.post('api.test', { json: user })).toEqualTypeOf<Mock>();
    expectTypeOf(pook.post('api.test').json([user])).toEqualTypeOf<Mock>();
    // @ts-expect-error undefined is not JSON
    pook.post('api.test').json(undefined);
  });

  it('custom matchers: a function, or an object with match() and an optional name', () => {
    pook.get('api.test').addMatcher((req) => req.headers.has('x'));
    pook.get('api.test').use((req): MatchResult => ({ pass: true, expectation: req.method }));
    pook.get('api.test').use({ match: (req) => req.method === 'GET' });
    pook.get('api.test', { use: [{ name: 'n', match: () => true }] });
    // @ts-expect-error a matcher must return a boolean or a MatchResult
    pook.get('api.test').addMatcher(() => 'yes');
  });

  it('filter, map and callback receive the request and the mock', () => {
    pook
      .get('api.test')
      .filter((req, mock) => {
        expectTypeOf(req).toEqualTypeOf<PookRequest>();
        expectTypeOf(mock).toEqualTypeOf<Mock>();
        return true;
      })
      .map((req) => req.with({ method: 'PUT' }))
      .callback((req) => void req.url);
  });
});

describe('PookRequest types', () => {
  it('is immutable: fields are readonly', () => {
    const req = null as unknown as PookRequest;
    // @ts-expect-error readonly
    req.method = 'GET';
    expectTypeOf(req.with({ method: 'PUT' })).toEqualTypeOf<PookRequest>();
    expectTypeOf(req.query).toEqualTypeOf<Record<string, string[]>>();
    expectTypeOf(req.body).toEqualTypeOf<Uint8Array | undefined>();
    expectTypeOf(req.json).toEqualTypeOf<unknown>();
  });
});
