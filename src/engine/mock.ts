import { assertFunction, assertInteger, assertNotEmpty, assertRecord, describe } from '../core/arguments.js';
import { PookInvalidArgumentError } from '../core/errors/invalid-argument-error.js';
import { PookError } from '../core/errors/pook-error.js';
import type { Matcher, MatchResult } from '../core/matcher.js';
import type { PookRequest } from '../core/pook-request.js';
import type { ResolvedResponse } from '../core/resolved-response.js';
import { BodyMatcher } from '../matchers/body.js';
import { ContentTypeMatcher } from '../matchers/content-type.js';
import { CustomMatcherAdapter, type CustomMatcherOf } from '../matchers/custom.js';
import { ExactQueryMatcher } from '../matchers/exact-query.js';
import { FormMatcher } from '../matchers/form.js';
import { HeaderMatcher } from '../matchers/header.js';
import { HeaderPresenceMatcher } from '../matchers/header-presence.js';
import { type JsonExpectation, JsonMatcher } from '../matchers/json.js';
import { JsonSchemaMatcher } from '../matchers/json-schema.js';
import { MethodMatcher } from '../matchers/method.js';
import { PathMatcher } from '../matchers/path.js';
import { ParamExistsMatcher, ParamMatcher, type ParamValue } from '../matchers/query.js';
import { UrlMatcher } from '../matchers/url.js';
import { XmlMatcher } from '../matchers/xml.js';
import { isNetworkErrorCode } from './connection-failure.js';
import { DefinitionSite, pointAtCaller, type SourceLocation } from './definition-site.js';
import { MockAnswer } from './mock-answer.js';
import { MockHistory } from './mock-history.js';
import type { MockOptionsOf } from './mock-options.js';
import { assertStatus, type BodyInit, type DynamicReply, guideMockMethods, onFailedResponseDefinition, PookResponse } from './pook-response.js';
import { applyReplyContent, type ReplyBody, type ReplyOptions, type ResponseHeaders } from './reply-content.js';
import { type Attempt, RequestRules } from './request-rules.js';

/** `fn(request, mock)`: returning false makes this mock skip the request silently. */
export type MockFilter = (request: PookRequest, mock: Mock) => boolean;
/** `fn(request, mock)`: returns the request this mock then matches (e.g. `req.with({...})`). */
export type MockMapper = (request: PookRequest, mock: Mock) => PookRequest;
/** `fn(request, mock)`: called after every successful match. */
export type MockCallback = (request: PookRequest, mock: Mock) => void;
/** A function computing the response for each matched request. */
export type ReplyFunction = (request: PookRequest, mock: Mock) => DynamicReply | Promise<DynamicReply>;
/**
 * A custom matcher: a function `(request, mock) => boolean | MatchResult`,
 * or an object with `match(request)` (its `name`, used in reports, is optional).
 */
export type CustomMatcher = CustomMatcherOf<Mock>;

/**
 * The options-object style of defining a mock: every key does what the DSL
 * method of the same name does. An unknown key is a compile error and, at
 * run time, a `PookInvalidArgumentError` naming it.
 *
 * @example
 * ```ts
 * pook.get('https://api.test/users', {
 *   headers: { Accept: 'application/json' },
 *   times: 2,
 *   reply: 200,
 *   responseJson: [{ id: 1 }],
 * });
 * ```
 */
export interface MockOptions extends MockOptionsOf<Mock> {}

/** How a mock fared against one request: used for no-match reports. */
export interface MockReport {
  /** The mock that was evaluated. */
  readonly mock: Mock;
  /** Why the mock could not answer before its matchers were even run, if so. */
  readonly state: 'evaluated' | 'expired' | 'filtered';
  /** Every evaluated expectation of the mock with its result, in definition order. */
  readonly results: readonly MatchResult[];
  /** Number of failed expectations. */
  readonly failures: number;
  /**
   * The mock's own functions that were not called for this request, so
   * have no result: `'map'`, `'filter'` and custom matcher names, in that
   * order. Reports never call your functions; they show what the match
   * attempt got from them, and list here those it did not reach (an earlier
   * expectation failed, a filter skipped the mock, or the mock was not tried:
   * another route, expired, or registered later). Empty from `explain()`,
   * which calls them all. See docs/when-nothing-matches.md.
   */
  readonly notEvaluated: readonly string[];
}

/** The attempts of one request, by mock: only mocks with functions of their own are kept. Internal. */
export type AttemptLog = Map<Mock, Attempt>;

/**
 * The engine a mock is registered in, as the mock sees it: what a `using`
 * mock needs to activate it, and to leave it at the end of the block.
 */
export interface MockOwner {
  /** Whether the engine is intercepting. */
  readonly active: boolean;
  /** Starts intercepting. */
  activate(): void;
  /** Stops intercepting. */
  disable(): void;
  /** Unregisters the mock. */
  removeMock(mock: Mock): boolean;
}

/** An index a mock is filed in (src/engine/mock-index.ts), told when the mock gains a mapper or may be live again. */
export interface IndexWatcher {
  demote(mock: Mock): void;
  rearm(mock: Mock): void;
}

let readRouteKey: (mock: Mock) => string | undefined;
let readAnyPath: (mock: Mock) => boolean;
let setIndexWatch: (mock: Mock, index: IndexWatcher, on: boolean) => void;
let setOwner: (mock: Mock, owner: MockOwner) => void;
let readOwnFunctions: (mock: Mock) => boolean;
let runLogged: (mock: Mock, request: PookRequest, historyLimit: number, log: AttemptLog) => boolean;
let reportLogged: (mock: Mock, request: PookRequest, attempt: Attempt | undefined) => MockReport;
let withdrawIfUnused: (mock: Mock) => void;

/** Tells `index` (or stops telling it) when the mock gains a mapper or may be live again. Internal. */
export function watchMapping(mock: Mock, index: IndexWatcher, on: boolean): void {
  setIndexWatch(mock, index, on);
}

/**
 * The route key the engine may file the mock under (src/engine/route-key.ts):
 * set when the mock has a literal method and a literal URL with a path, and
 * no mapper. Internal.
 */
export function routeKeyOf(mock: Mock): string | undefined {
  return readRouteKey(mock);
}

/**
 * Whether the mock expects a URL with a host and no path, and no path
 * otherwise: it matches every path of that host, which reports say. Internal.
 */
export function matchesAnyPath(mock: Mock): boolean {
  return readAnyPath(mock);
}

/** Records the engine a mock is registered in (called by `Engine.addMock`). Internal. */
export function adoptMock(mock: Mock, owner: MockOwner): void {
  setOwner(mock, owner);
}

/**
 * Whether the mock has functions of its own that matching calls (mappers,
 * filters, custom matchers): only such a mock's attempts are logged. Internal.
 */
export function hasOwnFunctions(mock: Mock): boolean {
  return readOwnFunctions(mock);
}

/**
 * {@link Mock.attempt}, keeping in `log` what the mock's own functions
 * returned, for the report. A mock already in the log was tried for this
 * request (registered twice): it is not tried again. Internal.
 */
export function attemptLogged(mock: Mock, request: PookRequest, historyLimit: number, log: AttemptLog): boolean {
  return runLogged(mock, request, historyLimit, log);
}

/**
 * The mock's report on a request, without calling any of its own functions:
 * built-in expectations are evaluated (on the request as the mock's mappers
 * left it, when the attempt was logged), the rest comes from the attempt;
 * what it did not reach, or everything of the user's when the mock was not
 * tried (`attempt` undefined), is listed in `notEvaluated`. Internal.
 * @param request - the request as the engine's mappers left it
 */
export function reportFromAttempt(mock: Mock, request: PookRequest, attempt: Attempt | undefined): MockReport {
  return reportLogged(mock, request, attempt);
}

/**
 * The error `mock.assertCalled()` throws. The module API installs the full
 * report of the diagnostics layer (`PookCallCountError`, src/api/wiring.ts);
 * this plain sentence stands in for a mock used without it.
 */
let callCountError = (mock: Mock, expected: number | undefined): Error =>
  new PookError(`pook: ${mock.label} was called ${mock.calls} times, expected ${expected === undefined ? 'at least once' : expected}.`, 'POOK_CALL_COUNT');

/** Sets how `mock.assertCalled()` reports a wrong number of calls. Internal. */
export function reportCallCountWith(report: (mock: Mock, expected: number | undefined) => Error): void {
  callCountError = report;
}

/**
 * A mock: expectations about an outgoing request plus the response to give.
 * Matchers are added by the chainable DSL or an options object; all must
 * hold. A mock is volatile (matches once) unless `times(n)` or `persist()`.
 * A definition method given bad input throws a `PookInvalidArgumentError`
 * and changes nothing of the mock; while the mock has answered no request it
 * also withdraws it from its engine, so no half-defined mock is left
 * (docs/mocks.md, "Bad input leaves no half-defined mock").
 *
 * @example
 * ```ts
 * const mock = pook.post('https://api.test/users')
 *   .header('Authorization', /^Bearer /)
 *   .json({ name: 'ada' })
 *   .reply(201)
 *   .json({ id: 1 })
 *   .mock;
 * ```
 */
export class Mock {
  readonly #rules = new RequestRules<Mock>();
  readonly #history = new MockHistory();
  readonly #answer: MockAnswer<this> = new MockAnswer(this);
  #times = 1;
  #persist = false;
  /** Set when the `using` block that held the mock ended (see `[Symbol.dispose]`). */
  #disposed = false;
  #method = '*';
  #url = '*';
  readonly #site: DefinitionSite;
  /** The engine the mock was last registered in. */
  #owner: MockOwner | undefined;
  /** The indexes the mock is filed in (usually none or one). */
  #indexes: IndexWatcher[] | undefined;

  static {
    readRouteKey = (mock) => (mock.#rules.mapping ? undefined : mock.#rules.expectations.routeKey());
    readAnyPath = (mock) => mock.#rules.expectations.anyPath();
    readOwnFunctions = (mock) => mock.#rules.own;
    runLogged = (mock, request, historyLimit, log) => mock.#attempt(request, historyLimit, log);
    reportLogged = (mock, request, attempt) => mock.#report(request, attempt);
    setIndexWatch = (mock, index, on) => {
      if (on) {
        mock.#indexes ??= [];
        mock.#indexes.push(index);
      } else if (mock.#indexes !== undefined) {
        const at = mock.#indexes.indexOf(index);
        if (at !== -1) mock.#indexes.splice(at, 1);
      }
    };
    setOwner = (mock, owner) => {
      mock.#owner = owner;
    };
    withdrawIfUnused = (mock) => {
      if (mock.#owner !== undefined && mock.calls === 0) mock.#owner.removeMock(mock);
    };
  }

  /**
   * @param options - request expectations, behaviour and response (see {@link MockOptions})
   * @throws PookInvalidArgumentError on an unknown key or a bad value, naming it
   */
  constructor(options: MockOptions = {}) {
    this.#site = DefinitionSite.forMock(new.target);
    assertRecord('options', options);
    try {
      applyOptions(this, options);
    } catch (error) {
      pointAtCaller(error, new.target);
      throw error;
    }
  }

  /** A short label: method and URL, e.g. `GET api.test/users`. */
  get label(): string {
    return `${this.#method === '*' ? 'ANY' : this.#method} ${this.#url}`;
  }

  // ── request expectations ─────────────────────────────────────────────

  /**
   * Expects the URL. Without scheme: http and https; without port: any port;
   * without path: any path. A query in the URL is matched like `params`. A
   * RegExp is tested against the full URL.
   * @example `mock.url('https://api.test:8443/v1/users?active=1')`
   */
  url(url: string | RegExp): this {
    try {
      const matcher = new UrlMatcher(url);
      // Every matcher is built (and checked) before the mock changes.
      const params: ParamMatcher[] = [];
      if (!(matcher.expected instanceof RegExp) && matcher.expected.search !== '') {
        // No prototype: `?constructor=1` or `?__proto__=1` is a key like any other.
        const query: Record<string, string[]> = Object.create(null);
        for (const [key, value] of new URLSearchParams(matcher.expected.search)) {
          const values = query[key];
          if (values === undefined) query[key] = [value];
          else values.push(value);
        }
        for (const [key, values] of Object.entries(query)) params.push(new ParamMatcher(key, values.length === 1 ? values[0]! : values));
      }
      this.#url = url instanceof RegExp ? String(url) : url;
      this.#expectAll(matcher, ...params);
      return this;
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Expects the method, case-insensitively; `'*'` matches any.
   * @example `mock.method('PATCH')`
   */
  method(method: string): this {
    try {
      const matcher = new MethodMatcher(method);
      this.#method = matcher.method;
      this.#rules.expect(matcher);
      return this;
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Expects the path exactly, or matching a RegExp.
   * @example `mock.path(/^\/users\/\d+$/)`
   */
  path(path: string | RegExp): this {
    try {
      this.#rules.expect(new PathMatcher(path));
      return this;
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Expects a header: name case-insensitive, value exact or RegExp.
   * @example `mock.header('Accept', 'application/json')`
   */
  header(name: string, value: string | RegExp): this {
    try {
      this.#rules.expect(new HeaderMatcher(name, value));
      return this;
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Expects several headers.
   * @example `mock.headers({ 'X-Api-Key': 'k', Accept: /json/ })`
   */
  headers(headers: Record<string, string | RegExp>): this {
    try {
      assertRecord('headers', headers);
      assertNotEmpty('headers', Object.keys(headers), 'header');
      this.#expectAll(...Object.entries(headers).map(([name, value]) => new HeaderMatcher(name, value)));
      return this;
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Expects headers to be present, whatever their value (at least one name).
   * @example `mock.headerPresent('Authorization', 'X-Trace-Id')`
   */
  headerPresent(...names: string[]): this {
    try {
      assertNotEmpty('headerPresent', names, 'header name');
      this.#expectAll(...names.map((name) => new HeaderPresenceMatcher(name, true)));
      return this;
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Expects headers to be present (array form of {@link Mock.headerPresent}).
   * @example `mock.headersPresent(['Authorization'])`
   */
  headersPresent(names: readonly string[]): this {
    try {
      if (!Array.isArray(names)) throw new PookInvalidArgumentError('headersPresent', `expected an array of header names, got ${describe(names)}`);
      assertNotEmpty('headersPresent', names, 'header name');
      return this.headerPresent(...names);
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Expects headers to be absent (at least one name).
   * @example `mock.headerAbsent('Cookie')`
   */
  headerAbsent(...names: string[]): this {
    try {
      assertNotEmpty('headerAbsent', names, 'header name');
      this.#expectAll(...names.map((name) => new HeaderPresenceMatcher(name, false)));
      return this;
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Expects the Content-Type: a media type (`type/subtype`, parameters
   * optional) or an alias (`json`, `xml`, `html`, `text`, `form`,
   * `form-data`, `urlencoded`); anything else throws.
   * @example `mock.type('json')`
   */
  type(type: string): this {
    try {
      this.#rules.expect(new ContentTypeMatcher(type));
      return this;
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Expects a query parameter value.
   * @example `mock.param('page', '2')`
   */
  param(name: string, value: ParamValue): this {
    try {
      this.#rules.expect(new ParamMatcher(name, value));
      return this;
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Expects several query parameters (extra request params are ignored).
   * @example `mock.params({ page: '2', tag: ['a', 'b'] })`
   */
  params(params: Record<string, ParamValue>): this {
    try {
      assertRecord('params', params);
      assertNotEmpty('params', Object.keys(params), 'parameter');
      this.#expectAll(...Object.entries(params).map(([name, value]) => new ParamMatcher(name, value)));
      return this;
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Expects the whole query: exactly these parameters, no other (each value
   * read as by {@link Mock.param}); `{}` expects no query at all. Unlike
   * {@link Mock.params}, an extra request parameter fails.
   * @example `mock.query({ page: '2', tag: ['a', 'b'] })`
   */
  query(query: Record<string, ParamValue>): this {
    try {
      this.#rules.expect(new ExactQueryMatcher(query));
      return this;
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Expects a query key to be present (and non-empty unless `allowEmpty`).
   * @example `mock.paramExists('token')`
   */
  paramExists(name: string, allowEmpty = false): this {
    try {
      this.#rules.expect(new ParamExistsMatcher(name, allowEmpty));
      return this;
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Expects the body: exact text or bytes, or a RegExp searched in the text.
   * @example `mock.body('a=1&b=2')`
   */
  body(body: string | Uint8Array | RegExp): this {
    try {
      this.#rules.expect(new BodyMatcher(body));
      return this;
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Expects an `application/x-www-form-urlencoded` body with exactly these
   * fields, no other (each value read as by {@link Mock.param}: a string
   * is exactly one value, a string[] every value in order, a RegExp matches
   * every value). Field order does not count.
   * @example `mock.form({ grant_type: 'client_credentials', scope: ['read', 'write'] })`
   */
  form(form: Record<string, ParamValue>): this {
    try {
      this.#rules.expect(new FormMatcher(form));
      return this;
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Expects a JSON body, deep-equal (key order ignored, array order counts).
   * @example `mock.json({ name: 'ada', tags: ['x'] })`
   */
  json(value: JsonExpectation): this {
    try {
      this.#rules.expect(new JsonMatcher(value));
      return this;
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Expects a JSON body valid against a JSON Schema (2020-12 or draft-07).
   * @example `mock.jsonSchema({ type: 'object', required: ['id'] })`
   */
  jsonSchema(schema: object | string): this {
    try {
      this.#rules.expect(new JsonSchemaMatcher(schema));
      return this;
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Expects an XML body, structurally equal (or matching a RegExp).
   * @example `mock.xml('<user><name>ada</name></user>')`
   */
  xml(xml: string | RegExp): this {
    try {
      this.#rules.expect(new XmlMatcher(xml));
      return this;
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Expects the body to equal a file's bytes (read now).
   * @example `mock.file('./fixtures/upload.bin')`
   */
  file(path: string): this {
    try {
      this.#rules.expect(BodyMatcher.fromFile(path));
      return this;
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Adds a custom matcher: a function `(req, mock) => boolean | MatchResult`
   * or an object with `match(req)`.
   * @example `mock.addMatcher((req) => req.headers.get('x-n') === '1')`
   */
  addMatcher(matcher: CustomMatcher): this {
    try {
      this.#rules.expect(new CustomMatcherAdapter(matcher), true);
      return this;
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Adds custom matchers (see {@link Mock.addMatcher}).
   * @example `mock.use(isAdmin, hasTrace)`
   */
  use(...matchers: CustomMatcher[]): this {
    try {
      assertNotEmpty('use', matchers, 'matcher');
      const adapters = matchers.map((matcher) => new CustomMatcherAdapter(matcher));
      for (const adapter of adapters) this.#rules.expect(adapter, true);
      return this;
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Adds filters: a filter returning false makes this mock skip the request.
   * @example `mock.filter((req) => req.client === 'fetch')`
   */
  filter(...filters: MockFilter[]): this {
    try {
      for (const fn of filters) assertFunction('filter', fn);
      this.#rules.addFilters(filters);
      return this;
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Adds mappers: each returns the request this mock then matches.
   * @example `mock.map((req) => req.with({ url: req.url.href.toLowerCase() }))`
   */
  map(...mappers: MockMapper[]): this {
    try {
      for (const fn of mappers) assertFunction('map', fn);
      this.#rules.addMappers(mappers);
      // A mapper may change the method or URL: the mock can no longer be looked up by them.
      if (this.#indexes !== undefined) for (const index of [...this.#indexes]) index.demote(this);
      return this;
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Adds callbacks run after every successful match.
   * @example `mock.callback((req) => seen.push(req.url.href))`
   */
  callback(...callbacks: MockCallback[]): this {
    try {
      for (const fn of callbacks) assertFunction('callback', fn);
      this.#rules.addCallbacks(callbacks);
      return this;
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  // ── behaviour ────────────────────────────────────────────────────────

  /**
   * The mock may match `n` times, then it expires (default 1).
   * @example `pook.get(url).times(5)`
   */
  times(n = 1): this {
    try {
      assertInteger('times', n, 1);
      this.#times = n;
      this.#disposed = false;
      this.#rearm();
      return this;
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * The mock never expires (or, with `false`, is volatile again).
   * @example `pook.get(url).persist()`
   */
  persist(on = true): this {
    try {
      if (typeof on !== 'boolean') throw new PookInvalidArgumentError('persist', `expected a boolean, got ${describe(on)}`);
      this.#persist = on;
      this.#disposed = false;
      this.#rearm();
      return this;
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Delays the response by `ms` milliseconds (uses the global `setTimeout`, so fake timers control it).
   * @example `pook.get(url).delay(200)`
   */
  delay(ms: number): this {
    try {
      assertInteger('delay', ms, 0);
      this.#answer.delay = ms;
      return this;
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Makes the request fail with this error (after the match is counted). A
   * Node network error code (`'ECONNREFUSED'`, `'ECONNRESET'`, `'ETIMEDOUT'`,
   * `'ENOTFOUND'`, `'EPIPE'`…) fails it as Node fails a real connection.
   * @example `pook.get(url).error('ECONNREFUSED')`, `pook.get(url).error('connection reset')`
   */
  error(error: Error | string): this {
    try {
      if (isNetworkErrorCode(error)) this.#answer.failWith(error);
      else if (typeof error === 'string') this.#answer.failWith(new Error(error));
      else if (error instanceof Error) this.#answer.failWith(error);
      else throw new PookInvalidArgumentError('error', `expected an Error or a string, got ${describe(error)}`);
      return this;
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /**
   * Sets the status and returns the response definition; or, given a
   * function, computes the response for each request. With a second
   * argument, the whole response in one call: response options
   * `{ json, body, xml, file, headers, type }` (Python pook's
   * `reply(status, **options)`), or a value whose kind picks the body (a
   * string is text, bytes are bytes, an array, number, boolean or `null`
   * is JSON; an object is options, so an object meant as JSON is written
   * `{ json: object }`), then optional headers (docs/responses.md#one-call-replies).
   * @throws PookInvalidArgumentError on a bad status, an unknown option key, or two bodies
   * @example `pook.get(url).reply(404)`, `pook.get(url).reply(200, { json: [{ id: 1 }] })`, `pook.get(url).reply(200, 'ok', { 'Content-Type': 'text/plain' })`, `pook.get(url).reply((req) => ({ json: { echo: req.text } }))`
   */
  reply(status?: number): PookResponse<this>;
  /**
   * The whole response in one call: `content` is response options
   * (`{ json, body, xml, file, headers, type }`) or a body whose kind picks
   * how it is sent (a string is text, bytes are bytes, an array, number,
   * boolean or `null` is JSON); `headers` are added to the response
   * (docs/responses.md#one-call-replies).
   * @throws PookInvalidArgumentError on a bad status, an unknown option key, a plain object as a body, or two bodies
   * @example `pook.get(url).reply(200, { json: [{ id: 1 }] })`, `pook.get(url).reply(200, 'ok', { 'Content-Type': 'text/plain' })`
   */
  reply(status: number, content: ReplyOptions | ReplyBody, headers?: ResponseHeaders): PookResponse<this>;
  /**
   * Computes the response for each request from the request: `fn` returns
   * response options (or a promise of them); the mock is returned, as there
   * is no static response to chain on.
   * @example `pook.get(url).reply((req) => ({ json: { echo: req.text } }))`
   */
  reply(fn: ReplyFunction): this;
  reply(arg: number | ReplyFunction = 200, content?: ReplyOptions | ReplyBody, headers?: ResponseHeaders): PookResponse<this> | this {
    try {
      if (typeof arg === 'function') {
        if (content !== undefined || headers !== undefined)
          throw new PookInvalidArgumentError('reply', 'a reply function computes the whole response: give it alone');
        this.#answer.replyWith(arg);
        return this;
      }
      assertStatus('reply', arg);
      const oneCall = content !== undefined || headers !== undefined;
      // Tried on a scratch response first: bad content changes nothing of this mock's.
      if (oneCall) applyReplyContent(new PookResponse(), content, headers);
      this.#answer.replyWith(undefined); // the last reply() wins, as with every other setter
      const response = this.#answer.response.status(arg);
      if (oneCall) applyReplyContent(response, content, headers);
      return response;
    } catch (error) {
      throw this.#invalid(error);
    }
  }

  /** The response definition (same object as `reply()` returns). */
  get response(): PookResponse<this> {
    return this.#answer.response;
  }

  // ── state ────────────────────────────────────────────────────────────

  /** Number of requests this mock has matched (all of them, whatever the history limit). */
  get calls(): number {
    return this.#history.calls;
  }

  /**
   * The requests this mock matched, in order: all of them by default, the
   * most recent `historyLimit` when its engine caps the history (none with
   * `historyLimit: 0`). {@link Mock.calls} always counts every match.
   */
  get matches(): readonly PookRequest[] {
    return this.#history.matches;
  }

  /** The configured delay in ms. */
  get delayMs(): number {
    return this.#answer.delay;
  }

  /** Whether the mock is persistent. */
  get persisted(): boolean {
    return this.#persist;
  }

  /**
   * Whether the `using` block that held the mock has ended: the mock then
   * left its engine, is expired and done (see `[Symbol.dispose]`).
   * @example `expect(mock.disposed).toBe(true)` after the block
   */
  get disposed(): boolean {
    return this.#disposed;
  }

  /** How many times the mock may match (ignored when persisted). */
  get timesLimit(): number {
    return this.#times;
  }

  /**
   * Done: `times` used up, or persisted and matched at least once, or
   * disposed (its `using` block ended: nothing more is expected of it).
   * @example `expect(mock.isDone()).toBe(true)`
   */
  isDone(): boolean {
    return this.#disposed || (this.#persist ? this.calls > 0 : this.calls >= this.#times);
  }

  /**
   * Matched at least once.
   * @example `expect(mock.isMatched()).toBe(true)`
   */
  isMatched(): boolean {
    return this.calls > 0;
  }

  /** Expired: may not match any more (volatile and `times` used up, or disposed). */
  isExpired(): boolean {
    return this.#disposed || (!this.#persist && this.calls >= this.#times);
  }

  // ── diagnostics ──────────────────────────────────────────────────────

  /**
   * Where the mock was defined: the first call outside pook in the stack when
   * it was created (e.g. the `pook.get(...)` line of a test), or `undefined`
   * when the stack does not show one. Reports print it relative to the
   * working directory.
   * @example `mock.definedAt?.line`
   */
  get definedAt(): SourceLocation | undefined {
    return this.#site.location;
  }

  /**
   * What the mock expects, one line per expectation, in definition order
   * (e.g. `['method GET', 'url api.test/users', 'header "accept": "application/json"']`).
   * @example `console.log(mock.expectations.join('\n'))`
   */
  get expectations(): readonly string[] {
    return this.#rules.expectations.summaries;
  }

  /**
   * Asserts the number of calls: exactly `times`, or at least one when
   * omitted. Returns the mock for chaining.
   * @throws PookCallCountError naming the mock, where it was defined and its calls
   * @example `pook.get(url).reply(200).mock.assertCalled()` after the code under test ran
   */
  assertCalled(times?: number): this {
    if (times !== undefined) assertInteger('assertCalled', times, 0);
    if (times === undefined ? this.calls > 0 : this.calls === times) return this;
    throw callCountError(this, times);
  }

  // ── scoped resource ──────────────────────────────────────────────────

  /**
   * A mock is a scoped resource, as pook's mock context manager: with
   * `using`, a mock with the default `times(1)` persists until the block
   * ends, then expires (it leaves its engine); entering activates its engine
   * if it was not active, and leaving disables it again. Reading this
   * property is what enters the scope (`using` reads it at the declaration).
   * After the block the mock says so: {@link Mock.disposed} and
   * `isExpired()` and `isDone()` are true, `persisted` is false again if
   * entering made it persistent, and `calls` and `matches` are kept.
   * @example
   * ```ts
   * {
   *   using mock = pook.get('api.test/users');
   *   mock.reply(200).json([]);
   *   await fetch('http://api.test/users');
   *   await fetch('http://api.test/users'); // persists while in scope
   * } // expired; pook disabled again if the block activated it
   * ```
   */
  get [Symbol.dispose](): () => void {
    const madePersistent = this.#times === 1 && !this.#persist;
    if (madePersistent) this.persist();
    else this.#disposed = false;
    const owner = this.#owner;
    const activated = owner !== undefined && !owner.active;
    if (activated) owner.activate();
    let left = false;
    return () => {
      if (left) return;
      left = true;
      // As Python pook's __exit__ sets times to 0: the mock's use is over, so
      // it is expired and done, not pending (docs/scopes.md).
      if (madePersistent) this.#persist = false;
      this.#disposed = true;
      owner?.removeMock(this);
      if (activated) owner.disable();
    };
  }

  // ── matching (used by the engine) ────────────────────────────────────

  /**
   * Tries the request: when it matches, the match is counted, recorded and
   * callbacks run, and true is returned. Expired mocks never match.
   * @param request - the request as the engine sees it
   * @param historyLimit - how many matched requests to keep in {@link Mock.matches} (the most recent; default all)
   */
  attempt(request: PookRequest, historyLimit: number = Number.POSITIVE_INFINITY): boolean {
    return this.#attempt(request, historyLimit, undefined);
  }

  /**
   * Evaluates every expectation against the request, now, without counting
   * it, recording it or running callbacks. Your mappers, filters and custom
   * matchers are called (once each): asking a mock to explain a request is
   * asking it to evaluate them. The engine's own reports never call your
   * functions; they reuse what matching got from them
   * (docs/when-nothing-matches.md#your-functions-in-a-report).
   * @param request - the request as the engine sees it
   */
  explain(request: PookRequest): MockReport {
    const expired = this.isExpired();
    const verdict = this.#rules.explain(request, this);
    return { mock: this, ...verdict, state: expired ? 'expired' : verdict.state };
  }

  /**
   * The response for a matched request: the dynamic reply if any, else the
   * defined response; the configured error instead when one is set.
   * @param request - the matched request
   */
  async respond(request: PookRequest): Promise<ResolvedResponse> {
    return this.#answer.now() ?? this.#answer.later(request, this);
  }

  /**
   * The defined response, at once, when answering needs nothing
   * asynchronous (no dynamic reply, no configured error); else `undefined`
   * and {@link Mock.respond} does the rest. Spares the engine a promise per
   * request.
   */
  respondNow(): ResolvedResponse | undefined {
    return this.#answer.now();
  }

  /**
   * The match attempt; with a `log`, what the mock's own functions return
   * is kept there for the report (the engine passes one only for a mock
   * that has such functions, so plain mocks allocate nothing).
   */
  #attempt(request: PookRequest, historyLimit: number, log: AttemptLog | undefined): boolean {
    if (this.isExpired() || log?.has(this)) return false;
    const mapped = this.#rules.match(request, this, log === undefined ? undefined : (attempt) => log.set(this, attempt));
    if (mapped === undefined) return false;
    this.#history.record(mapped, historyLimit);
    this.#rules.notify(mapped, this);
    return true;
  }

  /** See {@link reportFromAttempt}. */
  #report(request: PookRequest, attempt: Attempt | undefined): MockReport {
    // Nothing of the user's to call: evaluating everything again is pure.
    if (!this.#rules.own) return this.explain(request);
    const verdict = this.#rules.report(request, attempt);
    return { mock: this, ...verdict, state: this.isExpired() ? 'expired' : verdict.state };
  }

  /** Adds matchers built (so checked) beforehand: a bad one among them has thrown before any is added. */
  #expectAll(...matchers: Matcher[]): void {
    for (const matcher of matchers) this.#rules.expect(matcher);
  }

  /**
   * What a definition call that failed does before it rethrows `error`:
   * every such call checks its input before it changes anything, so the
   * mock is as it was; and a mock still being defined (registered, but it
   * has answered no request yet) is withdrawn from its engine, so that no
   * half-defined mock (`pook.get(url).reply(99)`: a default 200) is left to
   * answer (docs/mocks.md, "Bad input leaves no half-defined mock").
   */
  #invalid(error: unknown): unknown {
    if (error instanceof PookInvalidArgumentError) withdrawIfUnused(this);
    return error;
  }

  /** An expired mock may be live again: its indexes put it back in its place. */
  #rearm(): void {
    if (this.#indexes !== undefined) for (const index of [...this.#indexes]) index.rearm(this);
  }
}

// A bad call on a mock's response withdraws the mock as a bad call on the mock does.
onFailedResponseDefinition((owner) => {
  if (owner instanceof Mock) withdrawIfUnused(owner);
});

/**
 * The methods of a mock that read or use it rather than define it: a bad
 * argument to one of them (`assertCalled(-1)`) withdraws nothing. Every
 * other method defines the mock. Internal.
 */
export const MOCK_QUERY_METHODS: ReadonlySet<string> = new Set([
  'assertCalled',
  'isDone',
  'isMatched',
  'isExpired',
  'attempt',
  'explain',
  'respond',
  'respondNow',
]);

const mockMethods = Object.getOwnPropertyNames(Mock.prototype).filter(
  (name) => name !== 'constructor' && typeof Object.getOwnPropertyDescriptor(Mock.prototype, name)?.value === 'function',
);
guideMockMethods(mockMethods, new Set(mockMethods.filter((name) => !MOCK_QUERY_METHODS.has(name))));

type Applier = (mock: Mock, value: never) => void;
const list = <T>(value: T | readonly T[]): readonly T[] => (Array.isArray(value) ? value : [value as T]);

// One entry per options key: the same validation as the DSL method, and an
// unknown key is an error naming it (docs/mocks.md).
const APPLIERS: Readonly<Record<keyof MockOptions, Applier>> = {
  url: (m, v: string | RegExp) => m.url(v),
  method: (m, v: string) => m.method(v),
  path: (m, v: string | RegExp) => m.path(v),
  headers: (m, v: Record<string, string | RegExp>) => m.headers(v),
  headerPresent: (m, v: string | readonly string[]) => m.headerPresent(...list(v)),
  headerAbsent: (m, v: string | readonly string[]) => m.headerAbsent(...list(v)),
  type: (m, v: string) => m.type(v),
  params: (m, v: Record<string, ParamValue>) => m.params(v),
  query: (m, v: Record<string, ParamValue>) => m.query(v),
  paramExists: (m, v: string | readonly string[]) => {
    const names = list(v);
    assertNotEmpty('paramExists', names, 'query key');
    for (const name of names) m.paramExists(name);
  },
  body: (m, v: string | Uint8Array | RegExp) => m.body(v),
  form: (m, v: Record<string, ParamValue>) => m.form(v),
  json: (m, v: JsonExpectation) => m.json(v),
  jsonSchema: (m, v: object | string) => m.jsonSchema(v),
  xml: (m, v: string | RegExp) => m.xml(v),
  file: (m, v: string) => m.file(v),
  use: (m, v: CustomMatcher | readonly CustomMatcher[]) => m.use(...list(v)),
  filter: (m, v: MockFilter | readonly MockFilter[]) => m.filter(...list(v)),
  map: (m, v: MockMapper | readonly MockMapper[]) => m.map(...list(v)),
  callback: (m, v: MockCallback | readonly MockCallback[]) => m.callback(...list(v)),
  times: (m, v: number) => m.times(v),
  persist: (m, v: boolean) => m.persist(v),
  delay: (m, v: number) => m.delay(v),
  error: (m, v: Error | string) => m.error(v),
  reply: (m, v: number | ReplyFunction) => (typeof v === 'function' ? m.reply(v) : m.reply(v)),
  responseHeaders: (m, v: Record<string, string | readonly string[]>) => m.response.headers(v),
  responseType: (m, v: string) => m.response.type(v),
  responseBody: (m, v: BodyInit) => m.response.body(v),
  responseJson: (m, v: unknown) => m.response.json(v),
  responseXml: (m, v: string) => m.response.xml(v),
  responseFile: (m, v: string) => m.response.file(v),
};

/** Every key of {@link MockOptions}, in the order of their appliers. Internal (the tests enumerate them). */
export const MOCK_OPTION_KEYS: readonly (keyof MockOptions)[] = Object.keys(APPLIERS) as Array<keyof MockOptions>;

function applyOptions(mock: Mock, options: MockOptions): void {
  for (const key of Object.keys(options)) {
    if (!Object.hasOwn(APPLIERS, key)) {
      throw new PookInvalidArgumentError(key, `unknown mock option (known: ${Object.keys(APPLIERS).join(', ')})`);
    }
  }
  // url and method first so labels and errors read naturally; the rest in the given order.
  const ordered = Object.keys(options).sort((a, b) => rank(a) - rank(b)) as Array<keyof MockOptions>;
  for (const key of ordered) {
    const value = options[key];
    if (value === undefined) continue;
    (APPLIERS[key] as (mock: Mock, value: unknown) => void)(mock, value);
  }
}

const rank = (key: string): number => (key === 'method' ? 0 : key === 'url' ? 1 : 2);
