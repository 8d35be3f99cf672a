import { assertFunction, assertInteger, assertRecord, describe } from '../core/arguments.js';
import { PookInvalidArgumentError } from '../core/errors/invalid-argument-error.js';
import type { Interceptor, InterceptorFactory, Outcome, RequestHandler } from '../core/interceptor.js';
import type { ObservedExchange } from '../core/observed-exchange.js';
import type { PookRequest } from '../core/pook-request.js';
import { type EngineEventName, EngineEvents, type EngineListener } from './engine-events.js';
import type { PookNoMatchesError } from './errors/no-matches-error.js';
import { type InterceptorHost, InterceptorSet } from './interceptor-set.js';
import { type AttemptLog, adoptMock, attemptLogged, hasOwnFunctions, Mock, type MockReport, reportFromAttempt, routeKeyOf } from './mock.js';
import { MockIndex } from './mock-index.js';
import { type NetworkFilter, NetworkPolicy } from './network-policy.js';
import { reporter } from './reporter.js';

/** Engine-level filter: false makes the request unmatched (never silently real). */
export type EngineFilter = (request: PookRequest, engine: Engine) => boolean;
/** Engine-level mapper: returns the request every mock then sees. */
export type EngineMapper = (request: PookRequest, engine: Engine) => PookRequest;

const PASSTHROUGH: Outcome = Object.freeze({ type: 'passthrough' });

let setHost: (engine: Engine, host: InterceptorHost) => void;
let setReusable: (engine: Engine, reusable: () => boolean) => void;
let readSettings: (engine: Engine) => EngineSettings;

/** What an engine's summary shows besides its public getters: its filters, in words and numbers. */
export interface EngineSettings {
  /** The network filters in words (`"localhost"`, `/\.test$/`, `isLocal()`), in order. */
  readonly networkFilters: readonly string[];
  /** How many engine filters (`engine.filter()`) and mappers (`engine.map()`) it has. */
  readonly filters: number;
  readonly mappers: number;
}

/** An engine's filters, for its `util.inspect` summary. Internal: the diagnostics layer reads it. */
export function engineSettings(engine: Engine): EngineSettings {
  return readSettings(engine);
}

/**
 * Makes `host` install the engine's interceptors from now on. Internal: the
 * module API hosts its engines on the request router before activating them.
 */
export function hostEngine(engine: Engine, host: InterceptorHost): void {
  setHost(engine, host);
}

/**
 * Lets `reset()` keep the engine's interceptors (and their patches) while
 * `reusable()` says the factory still builds the same defaults and nobody
 * added, removed or replaced an interceptor since it built them. Internal:
 * the module API's default interceptors are stateless between requests, so
 * unpatching and repatching them on every reset only cost time.
 */
export function reuseInterceptorsOnReset(engine: Engine, reusable: () => boolean): void {
  setReusable(engine, reusable);
}

/**
 * What the engine keeps of an unmatched request for the assertion reports:
 * the request its mocks saw (after the engine mappers) and what the own
 * functions of the mocks it tried returned, so that no report calls them.
 */
interface UnmatchedAttempt {
  readonly seen: PookRequest;
  readonly log: AttemptLog | undefined;
}

/** Options of {@link Engine.assertNoUnmatched}. */
export interface AssertNoUnmatchedOptions {
  /**
   * Whether requests that networking let through to the real network count
   * as unmatched. Default `true`; `false` checks only the blocked requests.
   */
  readonly passedThrough?: boolean;
}

/** Options of a new {@link Engine}. */
export interface EngineOptions {
  /** Builds the interceptors (default: none; the module API passes fetch + http). */
  readonly interceptors?: InterceptorFactory | undefined;
  /** Start with real networking enabled. */
  readonly network?: boolean | undefined;
  /**
   * How many requests each mock's `matches` and the engine's unmatched list
   * keep (the most recent); `0` keeps none. Default: all of them, unlimited.
   * See {@link Engine.historyLimit}.
   */
  readonly historyLimit?: number | undefined;
}

/** Throws unless `limit` is an integer ≥ 0 or `Infinity`. */
export function assertHistoryLimit(limit: unknown): asserts limit is number {
  if (limit !== Number.POSITIVE_INFINITY) assertInteger('historyLimit', limit, 0);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The mock registry and decision maker: keeps mocks in registration order,
 * matches FIFO, records unmatched requests, applies the networking policy,
 * and owns the interceptors that feed it.
 *
 * @example
 * ```ts
 * const engine = new Engine();
 * engine.addMock(new Mock({ url: 'api.test/users', method: 'GET' }));
 * engine.match(request); // the matching Mock, or undefined
 * ```
 */
export class Engine implements RequestHandler {
  #mocks: Mock[] = [];
  readonly #index = new MockIndex();
  #unmatched: PookRequest[] = [];
  /** For each request of `#unmatched`, what its match attempt saw. */
  readonly #attempts = new WeakMap<PookRequest, UnmatchedAttempt>();
  #historyLimit = Number.POSITIVE_INFINITY;
  // Unmatched requests that went to the real network (for assertNoUnmatched).
  readonly #passedThrough = new WeakSet<PookRequest>();
  #filters: EngineFilter[] = [];
  #mappers: EngineMapper[] = [];
  readonly #interceptors: InterceptorSet;
  readonly #network = new NetworkPolicy();
  readonly #events = new EngineEvents();
  #candidateLimit = 3;
  /**
   * Detailed reports: every mock in no-match errors (not just the closest
   * {@link Engine.candidateLimit}), and a log line per decision on stderr.
   */
  debug = false;

  static {
    setHost = (engine, host) => engine.#interceptors.useHost(host);
    setReusable = (engine, reusable) => engine.#interceptors.reuseWhile(reusable);
    readSettings = (engine) => ({ networkFilters: engine.#network.labels, filters: engine.#filters.length, mappers: engine.#mappers.length });
  }

  /** @param options - interceptors, initial networking mode and history limit */
  constructor(options: EngineOptions = {}) {
    if (options.historyLimit !== undefined) this.historyLimit = options.historyLimit;
    this.#interceptors = new InterceptorSet(this, options.interceptors);
    if (options.network) this.#network.enable();
  }

  // ── mocks ────────────────────────────────────────────────────────────

  /** Registered mocks, in registration (matching) order. */
  get mocks(): readonly Mock[] {
    return this.#mocks;
  }

  /**
   * Registers a mock at the end of the FIFO queue.
   * @example `engine.addMock(new Mock({ url: 'api.test', reply: 204 }))`
   */
  addMock(mock: Mock): Mock {
    if (!(mock instanceof Mock)) throw new PookInvalidArgumentError('mock', `expected a Mock, got ${describe(mock)}`);
    this.#mocks.push(mock);
    this.#index.add(mock, routeKeyOf(mock));
    adoptMock(mock, this);
    return mock;
  }

  /**
   * Unregisters a mock; returns whether it was registered.
   * @example `engine.removeMock(mock)`
   */
  removeMock(mock: Mock): boolean {
    const index = this.#mocks.indexOf(mock);
    if (index !== -1) {
      this.#mocks.splice(index, 1);
      this.#index.remove(mock);
    }
    return index !== -1;
  }

  /** Unregisters every mock. */
  flushMocks(): void {
    this.#mocks = [];
    this.#index.clear();
  }

  /** Mocks not done yet. */
  pendingMocks(): Mock[] {
    return this.#mocks.filter((mock) => !mock.isDone());
  }

  /** Every registered mock is done. */
  isDone(): boolean {
    return this.#mocks.every((mock) => mock.isDone());
  }

  /** Requests no mock matched (blocked or passed to the network), in order. */
  unmatchedRequests(): PookRequest[] {
    return [...this.#unmatched];
  }

  /**
   * Throws a `PookPendingMocksError` listing every mock not done yet, with
   * the unmatched request that came closest to each.
   * @example `afterEach(() => pook.engine().assertDone())`
   */
  assertDone(): void {
    const pending = this.pendingMocks();
    if (pending.length > 0) throw reporter().pendingMocks(pending, this.#unmatched, this.#explainUnmatched);
  }

  /**
   * Throws a `PookUnmatchedRequestsError` listing every request no mock
   * matched (blocked or passed to the network). With `{ passedThrough: false }`,
   * only the requests that were blocked count: those networking let through
   * are left out (what the runner integrations check, docs/networking.md).
   * @param options - `passedThrough`: whether requests sent to the real network count (default `true`)
   * @example `afterEach(() => pook.engine().assertNoUnmatched({ passedThrough: false }))`
   */
  assertNoUnmatched(options: AssertNoUnmatchedOptions = {}): void {
    assertRecord('assertNoUnmatched', options);
    if (options.passedThrough !== undefined && typeof options.passedThrough !== 'boolean')
      throw new PookInvalidArgumentError('assertNoUnmatched', `passedThrough must be a boolean, got ${describe(options.passedThrough)}`);
    if (this.#unmatched.length === 0) return;
    const passedThrough = (request: PookRequest): boolean => this.#passedThrough.has(request);
    const counted = options.passedThrough === false ? this.#unmatched.filter((request) => !passedThrough(request)) : this.#unmatched;
    if (counted.length > 0) throw reporter().unmatchedRequests(counted, this.#mocks, passedThrough, this.#explainUnmatched);
  }

  /**
   * A mock's report on a past unmatched request, from what its match attempt
   * saw: the assertion reports call no mapper, filter or custom matcher.
   */
  readonly #explainUnmatched = (mock: Mock, request: PookRequest): MockReport => {
    const attempt = this.#attempts.get(request);
    return reportFromAttempt(mock, attempt?.seen ?? request, attempt?.log?.get(mock));
  };

  // ── diagnostics: report size and events ──────────────────────────────

  /**
   * How many of the closest mocks a no-match message shows (default 3; the
   * error's `candidates` always has them all, and `debug` shows them all).
   * @example `pook.engine().candidateLimit = 5`
   */
  get candidateLimit(): number {
    return this.#candidateLimit;
  }

  set candidateLimit(limit: number) {
    if (limit !== Number.POSITIVE_INFINITY) assertInteger('candidateLimit', limit, 0);
    this.#candidateLimit = limit;
  }

  /**
   * Listens to the engine's decisions, for tooling: `match`, `unmatched`,
   * `passthrough`, `error`, and the real `exchange` of a request let
   * through (see `EngineEventMap`). Emitting costs
   * nothing measurable while nobody listens.
   * @example `engine.on('unmatched', ({ request }) => console.log('unmatched', request.url.href))`
   */
  on<K extends EngineEventName>(event: K, listener: EngineListener<K>): this {
    if (!['match', 'unmatched', 'passthrough', 'error', 'exchange'].includes(event))
      throw new PookInvalidArgumentError('event', `unknown engine event ${describe(event)} (known: match, unmatched, passthrough, error, exchange)`);
    assertFunction('listener', listener);
    this.#events.on(event, listener);
    return this;
  }

  /**
   * Removes a listener added with {@link Engine.on}.
   * @example `engine.off('match', listener)`
   */
  off<K extends EngineEventName>(event: K, listener: EngineListener<K>): this {
    this.#events.off(event, listener);
    return this;
  }

  /**
   * How many requests are kept in each mock's `matches` and in the unmatched
   * list: the most recent ones. Default `Infinity`: the history is complete
   * unless you ask otherwise. `0` records none. A mock's `calls` counts every
   * match either way, and `times()` keeps working. Cap it for long-running
   * processes with persistent mocks, so memory stays flat. Lowering it trims
   * the unmatched list at once, and each mock's history on its next match.
   * @example `new Engine({ historyLimit: 100 })` or `pook.engine().historyLimit = 0`
   */
  get historyLimit(): number {
    return this.#historyLimit;
  }

  set historyLimit(limit: number) {
    assertHistoryLimit(limit);
    this.#historyLimit = limit;
    if (this.#unmatched.length > limit) this.#unmatched.splice(0, this.#unmatched.length - limit);
  }

  // ── engine-level filter and map ──────────────────────────────────────

  /**
   * Adds engine filters: a request any filter rejects is unmatched.
   * @example `engine.filter((req) => req.url.hostname !== 'telemetry.test')`
   */
  filter(...filters: EngineFilter[]): void {
    for (const fn of filters) assertFunction('filter', fn);
    this.#filters.push(...filters);
  }

  /**
   * Adds engine mappers: each returns the request the mocks then see.
   * @example `engine.map((req) => req.with({ headers: { ...Object.fromEntries(req.headers), 'x-env': 'test' } }))`
   */
  map(...mappers: EngineMapper[]): void {
    for (const fn of mappers) assertFunction('map', fn);
    this.#mappers.push(...mappers);
  }

  // ── networking ───────────────────────────────────────────────────────

  /** Whether real networking is on. */
  get networking(): boolean {
    return this.#network.enabled;
  }

  /** Turns real networking on; hosts (string or RegExp on the hostname) accumulate as filters. */
  enableNetwork(...hosts: Array<string | RegExp>): void {
    this.#network.enable(...hosts);
  }

  /** Turns real networking off; filters are kept. */
  disableNetwork(): void {
    this.#network.disable();
  }

  /** Adds network filters: a request may pass when any returns true. */
  useNetworkFilter(...filters: NetworkFilter[]): void {
    this.#network.use(...filters);
  }

  /** Removes every network filter. */
  flushNetworkFilters(): void {
    this.#network.flush();
  }

  // ── interceptors and activation ──────────────────────────────────────

  /** Whether the engine is intercepting. */
  get active(): boolean {
    return this.#interceptors.active;
  }

  /** The interceptors of this engine. */
  get interceptors(): readonly Interceptor[] {
    return this.#interceptors.list;
  }

  /** Starts intercepting. Idempotent. */
  activate(): void {
    this.#interceptors.activate();
  }

  /** Stops intercepting and restores every patched global. Mocks are kept. Idempotent. */
  disable(): void {
    this.#interceptors.disable();
  }

  /**
   * Adds interceptors (activated at once if the engine is active).
   * @example `engine.addInterceptor(myInterceptor)`
   */
  addInterceptor(...interceptors: Interceptor[]): void {
    // All checked before the first is added: bad input changes nothing.
    for (const interceptor of interceptors) {
      if (typeof interceptor?.activate !== 'function' || typeof interceptor.disable !== 'function' || typeof interceptor.name !== 'string') {
        throw new PookInvalidArgumentError('interceptor', `expected { name, activate(engine), disable() }, got ${describe(interceptor)}`);
      }
    }
    for (const interceptor of interceptors) this.#interceptors.add(interceptor);
  }

  /** Disables and removes the interceptor of that name; returns whether one was removed. */
  removeInterceptor(name: string): boolean {
    return this.#interceptors.remove(name);
  }

  /** Disables and removes every interceptor. */
  flushInterceptors(): void {
    this.#interceptors.flush();
  }

  /**
   * Replaces the interceptors with the ones `factory` builds, now and on every
   * `reset()`. Active engines swap them without a moment unpatched.
   */
  setInterceptorFactory(factory: InterceptorFactory): void {
    assertFunction('setMockEngine', factory);
    this.#interceptors.useFactory(factory);
  }

  /**
   * Flushes mocks, unmatched requests, engine and network filters and mappers,
   * and rebuilds the interceptors, disabling the old ones first so no patch
   * is ever left behind (fix of pook's reset). Keeps the networking flag and
   * whether the engine is active. The module API's default interceptors,
   * when nobody changed them, are kept as they are (they are what a rebuild
   * would give), which spares unpatching and repatching every global.
   */
  reset(): void {
    this.#mocks = [];
    this.#index.clear();
    this.#unmatched = [];
    this.#filters = [];
    this.#mappers = [];
    this.#network.flush();
    this.#interceptors.rebuild();
  }

  // ── matching ─────────────────────────────────────────────────────────

  /**
   * FIFO match: the first registered, unexpired mock that matches wins and
   * its match is counted. Returns it, or `undefined`.
   * @param request - the request (engine mappers are not applied here)
   */
  match(request: PookRequest): Mock | undefined {
    // Only the mocks filed under the request's method, host and path (or
    // method and path), plus those that cannot be filed, merged in
    // registration order (src/engine/mock-index.ts).
    const limit = this.#historyLimit;
    return this.#index.find(request, (mock) => mock.attempt(request, limit));
  }

  /**
   * Decides what happens to an intercepted request (interceptors call this):
   * the matched mock's response or error (after its delay), the real network
   * when allowed, or a {@link PookNoMatchesError}.
   */
  async handle(request: PookRequest, options: { readonly signal?: AbortSignal | undefined } = {}): Promise<Outcome> {
    let mapped = request;
    let mock: Mock | undefined;
    let rejectedBy: string | undefined;
    // What the own functions of the mocks tried return, kept for the report
    // so that it never calls them again; made only when such a mock is tried.
    let log = undefined as AttemptLog | undefined;
    try {
      for (const mapper of this.#mappers) mapped = mapper(mapped, this) ?? mapped;
      rejectedBy = this.#filters.some((filter) => !filter(mapped, this)) ? 'an engine filter' : undefined;
      if (rejectedBy === undefined) {
        // match(), through the route index (src/engine/mock-index.ts).
        const seen = mapped;
        const limit = this.#historyLimit;
        mock = this.#index.find(seen, (candidate) => {
          if (!hasOwnFunctions(candidate)) return candidate.attempt(seen, limit);
          log ??= new Map();
          return attemptLogged(candidate, seen, limit, log);
        });
      }
    } catch (error) {
      return this.#fail(request, error as Error, undefined);
    }
    if (mock !== undefined) {
      if (this.#events.has('match')) this.#events.emit('match', { request, mock });
      if (reporter().logs(this.debug)) reporter().log(this.debug, { type: 'match', request, mock });
      try {
        if (mock.delayMs > 0) await sleep(mock.delayMs, options.signal);
        return { type: 'response', response: mock.respondNow() ?? (await mock.respond(mapped)) };
      } catch (error) {
        return this.#fail(request, error instanceof Error ? error : new Error(String(error)), mock);
      }
    }
    if (this.#historyLimit > 0) {
      this.#unmatched.push(request);
      this.#attempts.set(request, { seen: mapped, log });
      if (this.#unmatched.length > this.#historyLimit) this.#unmatched.shift();
    }
    const passthrough = this.#network.allows(request);
    if (this.#events.has('unmatched')) this.#events.emit('unmatched', { request, passthrough });
    if (passthrough) {
      this.#passedThrough.add(request);
      if (this.#events.has('passthrough')) this.#events.emit('passthrough', { request });
      if (reporter().logs(this.debug)) reporter().log(this.debug, { type: 'passthrough', request });
      // Someone records: the interceptor reports the real exchange back.
      return this.#events.has('exchange') ? { type: 'passthrough', observe: this.#observeExchange } : PASSTHROUGH;
    }
    const error = this.#noMatch(mapped, rejectedBy, rejectedBy === undefined ? this.#mocks.map((each) => reportFromAttempt(each, mapped, log?.get(each))) : []);
    if (reporter().logs(this.debug)) reporter().log(this.debug, { type: 'blocked', request, error });
    return this.#fail(request, error, undefined, false);
  }

  readonly #observeExchange = (exchange: ObservedExchange): void => this.#events.emit('exchange', exchange);

  /** Reports a failed request (event and log line) and returns its outcome. */
  #fail(request: PookRequest, error: Error, mock: Mock | undefined, log = true): Outcome {
    if (this.#events.has('error')) this.#events.emit('error', { request, error, mock });
    if (log && reporter().logs(this.debug)) reporter().log(this.debug, { type: 'failed', request, error, mock });
    return { type: 'error', error };
  }

  /**
   * The error for a request nothing matched, with every mock's report, as
   * `handle()` builds it, but for a request that was not matched: no mock
   * was tried, so no mapper, filter or custom matcher is called (reports
   * never call your functions); their parts are listed as not evaluated,
   * and built-in expectations are checked against the request as given.
   * @param request - the unmatched request
   * @param rejectedBy - set when an engine filter rejected it before matching
   */
  noMatchError(request: PookRequest, rejectedBy?: string): PookNoMatchesError {
    return this.#noMatch(request, rejectedBy, rejectedBy === undefined ? this.#mocks.map((mock) => reportFromAttempt(mock, request, undefined)) : []);
  }

  #noMatch(request: PookRequest, rejectedBy: string | undefined, reports: readonly MockReport[]): PookNoMatchesError {
    const limit = this.debug ? Number.POSITIVE_INFINITY : this.#candidateLimit;
    return reporter().noMatch(request, reports, { limit, networking: this.#network.enabled, rejectedBy });
  }
}
