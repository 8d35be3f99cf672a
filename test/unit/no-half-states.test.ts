// Must stay the first import: it records the globals before pook is loaded.
import '../helpers/originals.js';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MOCK_OPTION_KEYS, MOCK_QUERY_METHODS } from '../../src/engine/mock.js';
import pook, { Mock, type MockOptions, PookError, PookInvalidArgumentError, PookRequest, PookResponse } from '../../src/index.js';
import { ORIGINALS } from '../helpers/originals.js';

// No half-states after bad input (docs/mocks.md, "Bad input leaves no
// half-defined mock"): every chain call of a Mock or of its PookResponse,
// and every options key, is called with bad input; it must throw a
// PookInvalidArgumentError and leave the engine exactly as it was before the
// statement that defined the mock (mock list, pending, interceptors, patched
// globals, whether pook is active) and the mock exactly as it was before the
// failed call. The tables are complete by construction: a test fails when a
// method of either prototype, or an options key, has no row.

const URL_OF_MOCK = 'http://half.test/users';
const ok = (): boolean => true;
const circular: Record<string, unknown> = {};
circular.self = circular;

/** Bad input for each definition method of Mock: one row per way it can fail (a list with a good item first, too). */
const MOCK_ROWS: ReadonlyArray<readonly [method: string, args: readonly unknown[]]> = [
  ['url', ['']],
  ['url', ['half.test/?a=re/(/']], // the URL parses; its query's regex string does not compile
  ['method', ['GE T']],
  ['path', ['/a?b=1']],
  ['header', ['X-A', 'bad\n']],
  ['headers', [{ 'X-A': 'ok', 'X-B': 're/[/' }]],
  ['headers', [{}]],
  ['headerPresent', []],
  ['headerPresent', ['X-Ok', 'bad name']],
  ['headersPresent', ['X-A']],
  ['headersPresent', [['X-Ok', 'bad name']]],
  ['headerAbsent', ['X-Ok', 'bad name']],
  ['type', ['jsn']],
  ['param', ['a', []]],
  ['params', [{ a: '1', b: 're/(/' }]],
  ['params', [{}]],
  ['query', [{ a: '1', b: 're/(/' }]],
  ['query', [[]]],
  ['paramExists', [42]],
  ['body', [42]],
  ['form', [{ a: '1', b: 're/(/' }]],
  ['json', ['{bad']],
  ['jsonSchema', [{ type: 'nope' }]],
  ['xml', ['<a>']],
  ['file', ['/nonexistent/pook-no-half-states']],
  ['addMatcher', [42]],
  ['use', []],
  ['use', [ok, 42]],
  ['filter', [ok, 42]],
  ['map', [(request: PookRequest) => request, 42]],
  ['callback', [() => undefined, 42]],
  ['times', [0]],
  ['persist', ['yes']],
  ['delay', [-1]],
  ['error', [42]],
  ['reply', [99]],
  ['reply', ['200']],
  ['reply', [200, { json: { ok: true }, headers: { 'X-A': 'bad\n' } }]], // one-call reply: the body is good, a header is not
  ['reply', [200, { id: 1 }]], // an unknown response option
  ['reply', [200, 'text', { 'X-A': ['ok', 'bad\n'] }]],
  ['reply', [() => ({ status: 200 }), 'extra']],
];

/** Methods of Mock that read or use it: bad input changes nothing and withdraws nothing. */
const MOCK_QUERY_ROWS: ReadonlyArray<readonly [method: string, args: readonly unknown[]]> = [['assertCalled', [-1]]];

/** Methods of Mock that take no input a user writes: the engine's, or none at all. */
const MOCK_NO_INPUT: Readonly<Record<string, string>> = {
  isDone: 'no argument',
  isMatched: 'no argument',
  isExpired: 'no argument',
  attempt: "the engine's: given a request the engine built",
  explain: "the engine's: given a request the engine built",
  respond: "the engine's: given a request the engine built",
  respondNow: 'no argument',
};

/** Bad input for each method of PookResponse (after `reply(201)`). */
const RESPONSE_ROWS: ReadonlyArray<readonly [method: string, args: readonly unknown[]]> = [
  ['status', [99]],
  ['statusText', ['two\r\nlines']],
  ['header', ['X-A', 'bad\n']],
  ['headers', [{ 'X-A': 'ok', 'X-B': 'bad\n' }]],
  ['headers', [{ 'X-A': ['ok', 'bad\n'] }]],
  ['set', ['bad name', 'v']],
  ['type', ['jsn']],
  ['body', [42]],
  ['json', [circular]],
  ['xml', [42]],
  ['file', ['/nonexistent/pook-no-half-states']],
  // The mock's settings, forwarded (docs/responses.md).
  ['times', [0]],
  ['persist', ['yes']],
  ['delay', [-1]],
  ['error', [42]],
];

const RESPONSE_NO_INPUT: Readonly<Record<string, string>> = {
  resolve: "the engine's: no argument",
};

/** Bad input for each options key. */
const OPTION_ROWS: Readonly<Record<keyof MockOptions, unknown>> = {
  url: '',
  method: 'GE T',
  path: '/a?b=1',
  headers: { 'X-A': 'ok', 'X-B': 're/[/' },
  headerPresent: [],
  headerAbsent: ['X-Ok', 'bad name'],
  type: 'jsn',
  params: {},
  query: { a: 're/(/' },
  paramExists: [],
  body: 42,
  form: { a: 're/(/' },
  json: '{bad',
  jsonSchema: { type: 'nope' },
  xml: '<a>',
  file: '/nonexistent/pook-no-half-states',
  use: [],
  filter: [ok, 42],
  map: 42,
  callback: 42,
  times: 0,
  persist: 'yes',
  delay: -1,
  error: 42,
  reply: 99,
  responseHeaders: { 'X-A': ['ok', 'bad\n'] },
  responseType: 'jsn',
  responseBody: 42,
  responseJson: circular,
  responseXml: 42,
  responseFile: '/nonexistent/pook-no-half-states',
};

const ownMethods = (prototype: object): string[] =>
  Object.getOwnPropertyNames(prototype).filter(
    (name) => name !== 'constructor' && typeof Object.getOwnPropertyDescriptor(prototype, name)?.value === 'function',
  );

/** Everything of the engine and the process a failed call must leave as it was. */
function engineState(): unknown {
  const engine = pook.engine();
  return {
    mocks: [...engine.mocks],
    pending: pook.pending(),
    pendingMocks: pook.pendingMocks(),
    active: pook.isActive(),
    interceptors: [...engine.interceptors],
    globals: ORIGINALS.map((original) => (original.target as Record<PropertyKey, unknown>)[original.key]),
  };
}

const probe = new PookRequest({ method: 'GET', url: URL_OF_MOCK });

/** Everything of a mock a failed call must leave as it was. */
function mockState(mock: Mock): unknown {
  const now = mock.respondNow();
  const report = mock.explain(probe);
  return {
    label: mock.label,
    expectations: [...mock.expectations],
    times: mock.timesLimit,
    persisted: mock.persisted,
    delay: mock.delayMs,
    disposed: mock.disposed,
    calls: mock.calls,
    answer: now === undefined ? 'computed or failing' : { status: now.status, headers: now.headers, body: now.body },
    results: report.results.length,
    notEvaluated: report.notEvaluated,
    failures: report.failures,
  };
}

const call = (target: object, method: string, args: readonly unknown[]): unknown => (target as Record<string, (...a: unknown[]) => unknown>)[method]!(...args);

beforeEach(() => pook.activate());
afterEach(() => pook.off());

describe('the tables are complete', () => {
  it('every method of Mock has a row, or takes no input a user writes', () => {
    const covered = new Set([...MOCK_ROWS, ...MOCK_QUERY_ROWS].map(([method]) => method));
    const missing = ownMethods(Mock.prototype).filter((name) => !covered.has(name) && !(name in MOCK_NO_INPUT));
    expect(missing, 'add a row with bad input for each').toEqual([]);
    // The query methods of the table are the ones mock.ts treats as such.
    expect([...MOCK_QUERY_METHODS].sort()).toEqual([...MOCK_QUERY_ROWS.map(([m]) => m), ...Object.keys(MOCK_NO_INPUT)].sort());
  });

  it('every method of PookResponse has a row, or is a guide to a method of the mock; no method of the mock is missing there', () => {
    const covered = new Set(RESPONSE_ROWS.map(([method]) => method));
    const mockMethods = new Set(ownMethods(Mock.prototype));
    const missing = ownMethods(PookResponse.prototype).filter((name) => !covered.has(name) && !(name in RESPONSE_NO_INPUT) && !mockMethods.has(name));
    expect(missing, 'add a row with bad input for each').toEqual([]);
    // Chained after reply(), a method of the mock is never "not a function".
    for (const name of mockMethods) expect(typeof (PookResponse.prototype as unknown as Record<string, unknown>)[name], name).toBe('function');
  });

  it('every options key has a row, and the keys are the ones an unknown key lists', () => {
    expect(Object.keys(OPTION_ROWS).sort()).toEqual([...MOCK_OPTION_KEYS].sort());
    const error = (() => {
      try {
        new Mock({ zzz: 1 } as unknown as MockOptions);
      } catch (caught) {
        return caught as Error;
      }
      return undefined;
    })();
    const known = /\(known: ([^)]+)\)/.exec(error?.message ?? '')?.[1]?.split(', ');
    expect(known?.sort()).toEqual([...MOCK_OPTION_KEYS].sort());
  });
});

describe('a mock still being defined', () => {
  it.each(MOCK_ROWS)('pook.get(url).%s(bad): throws, registers nothing, the mock is unchanged', (method, args) => {
    pook.get('http://half.test/before').reply(200); // something of the engine's to keep
    const before = engineState();
    const mock = pook.get(URL_OF_MOCK);
    const unchanged = mockState(mock);
    expect(() => call(mock, method, args)).toThrow(PookInvalidArgumentError);
    expect(engineState()).toEqual(before);
    expect(mockState(mock)).toEqual(unchanged);
  });

  it.each(RESPONSE_ROWS)('pook.get(url).reply(201).%s(bad): throws, registers nothing, the mock and response are unchanged', (method, args) => {
    const before = engineState();
    const response = pook.get(URL_OF_MOCK).reply(201).header('X-Kept', '1').body('kept');
    const unchanged = mockState(response.mock);
    expect(() => call(response, method, args)).toThrow(PookInvalidArgumentError);
    expect(engineState()).toEqual(before);
    expect(mockState(response.mock)).toEqual(unchanged);
  });

  it('a method of the mock chained after reply() throws a PookInvalidArgumentError saying where to call it, and registers nothing', () => {
    const definitions = ownMethods(Mock.prototype).filter((name) => !MOCK_QUERY_METHODS.has(name) && !RESPONSE_ROWS.some(([m]) => m === name));
    const own = new Set(ownMethods(PookResponse.prototype).filter((name) => !Object.getOwnPropertyDescriptor(PookResponse.prototype, name)!.enumerable));
    expect(definitions.length).toBeGreaterThan(10);
    for (const name of definitions) {
      if (!own.has(name)) continue; // a response method of the same name (header, json…): its own row
      const before = engineState();
      const response = pook.get(URL_OF_MOCK).reply(201);
      const unchanged = mockState(response.mock);
      let error: unknown;
      try {
        call(response, name, ['x']);
      } catch (caught) {
        error = caught;
      }
      expect(error, name).toBeInstanceOf(PookInvalidArgumentError);
      expect((error as PookInvalidArgumentError).argument).toBe(name);
      expect((error as Error).message).toContain(`call it before reply(), or through .mock (\`.mock.${name}(…)\`)`);
      expect(engineState(), name).toEqual(before);
      expect(mockState(response.mock), name).toEqual(unchanged);
    }
  });

  it.each(Object.entries(OPTION_ROWS))('pook.get(url, { %s: bad }), pook.mock({ … }) and new Mock({ … }) register and activate nothing', (key, value) => {
    for (const active of [true, false]) {
      if (active) pook.activate();
      else pook.disable();
      const before = engineState();
      const options = { [key]: value } as MockOptions;
      if (key !== 'url') expect(() => pook.mock('http://half.test/', options)).toThrow(PookInvalidArgumentError);
      if (key !== 'url' && key !== 'method') expect(() => pook.get('http://half.test/', options)).toThrow(PookInvalidArgumentError);
      expect(() => pook.mock({ url: 'http://half.test/', ...options })).toThrow(PookInvalidArgumentError);
      expect(() => new Mock({ url: 'http://half.test/', ...options })).toThrow(PookInvalidArgumentError);
      expect(engineState()).toEqual(before);
    }
  });
});

describe('a mock that has answered a request', () => {
  /** A persisted mock that has matched once, still registered. */
  function usedMock(): Mock {
    const mock = pook.get(URL_OF_MOCK).persist().reply(201).body('kept').mock;
    expect(pook.engine().match(probe)).toBe(mock);
    return mock;
  }

  it.each(MOCK_ROWS)('mock.%s(bad): throws; the mock stays registered, unchanged', (method, args) => {
    const mock = usedMock();
    const before = engineState();
    const unchanged = mockState(mock);
    expect(() => call(mock, method, args)).toThrow(PookInvalidArgumentError);
    expect(engineState()).toEqual(before);
    expect(mockState(mock)).toEqual(unchanged);
  });

  it.each(RESPONSE_ROWS)('mock.response.%s(bad): throws; the mock stays registered, unchanged', (method, args) => {
    const mock = usedMock();
    const before = engineState();
    const unchanged = mockState(mock);
    expect(() => call(mock.response, method, args)).toThrow(PookInvalidArgumentError);
    expect(engineState()).toEqual(before);
    expect(mockState(mock)).toEqual(unchanged);
  });
});

describe('methods that read or use a mock', () => {
  it.each(MOCK_QUERY_ROWS)('mock.%s(bad): throws, withdraws nothing, changes nothing', (method, args) => {
    const mock = pook.get(URL_OF_MOCK).reply(200).mock;
    const before = engineState();
    const unchanged = mockState(mock);
    expect(() => call(mock, method, args)).toThrow(PookInvalidArgumentError);
    expect(engineState()).toEqual(before);
    expect(mockState(mock)).toEqual(unchanged);
  });

  it('chained after reply(), they throw a PookError pointing at .mock, and withdraw nothing', () => {
    const response = pook.get(URL_OF_MOCK).reply(200);
    const before = engineState();
    for (const name of MOCK_QUERY_METHODS) {
      let error: unknown;
      try {
        call(response, name, []);
      } catch (caught) {
        error = caught;
      }
      expect(error, name).toBeInstanceOf(PookError);
      expect(error, name).not.toBeInstanceOf(PookInvalidArgumentError);
      expect((error as Error).message).toContain(`.mock.${name}(…)`);
    }
    expect(engineState()).toEqual(before);
  });
});

describe('the module functions', () => {
  it('a bad URL registers nothing and makes no engine: the global engine is looked up after the mock is built', () => {
    const before = engineState();
    expect(() => pook.get('')).toThrow(PookInvalidArgumentError);
    expect(() => pook.post('http://half.test/', { times: 0 })).toThrow(PookInvalidArgumentError);
    expect(engineState()).toEqual(before);
  });

  it('configure() checks every option before it applies one', () => {
    const engine = pook.engine();
    const limit = engine.historyLimit;
    expect(() => pook.configure({ historyLimit: 5, definitionSites: 'no' as never })).toThrow(PookInvalidArgumentError);
    expect(() => pook.configure({ definitionSites: false, historyLimit: -1 })).toThrow(PookInvalidArgumentError);
    expect(engine.historyLimit).toBe(limit);
    expect(pook.get(URL_OF_MOCK).definedAt).toBeDefined(); // definitionSites still on
  });

  it('enableNetwork(), useNetworkFilter() and use() check every argument first: networking stays off, no scope opens', async () => {
    const engine = pook.engine();
    expect(() => pook.enableNetwork('ok.test', 42 as never)).toThrow(PookInvalidArgumentError);
    expect(() => pook.useNetworkFilter(() => true, 42 as never)).toThrow(PookInvalidArgumentError);
    expect(() => pook.use({ network: true, historyLimit: -1 })).toThrow(PookInvalidArgumentError);
    expect(pook.engine()).toBe(engine);
    expect(engine.networking).toBe(false);
    // Nothing was added as a filter either: networking on lets every host through.
    engine.enableNetwork();
    try {
      expect(engine.unmatchedRequests()).toEqual([]);
      const request = new PookRequest({ method: 'GET', url: 'http://other.test/' });
      expect(await engine.handle(request)).toEqual({ type: 'passthrough' });
    } finally {
      engine.disableNetwork();
    }
  });

  it('engine.addInterceptor() checks every interceptor before it adds one', () => {
    const engine = pook.engine();
    const before = engineState();
    const good = { name: 'good', activate() {}, disable() {} };
    expect(() => engine.addInterceptor(good, {} as never)).toThrow(PookInvalidArgumentError);
    expect(engineState()).toEqual(before);
  });
});
