import { PookInvalidArgumentError, PookNoMatchesError } from './errors.js';
import { formatNoMatch, rankReports } from './format.js';
import type { Interceptor, InterceptorFactory, Outcome, RequestHandler } from './interceptor.js';
import type { MockReport } from './match-result.js';
import { Mock } from './mock.js';
import { NetworkPolicy, type NetworkFilter } from './network.js';
import type { PookRequest } from './request.js';
import { assertFunction, describe } from './validate.js';

/** Engine-level filter: false makes the request unmatched (never silently real). */
export type EngineFilter = (request: PookRequest, engine: Engine) => boolean;
/** Engine-level mapper: returns the request every mock then sees. */
export type EngineMapper = (request: PookRequest, engine: Engine) => PookRequest;

/** Options of a new {@link Engine}. */
export interface EngineOptions {
  /** Builds the interceptors (default: none; the module API passes fetch + http). */
  readonly interceptors?: InterceptorFactory | undefined;
  /** Start with real networking enabled. */
  readonly network?: boolean | undefined;
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
  #unmatched: PookRequest[] = [];
  #filters: EngineFilter[] = [];
  #mappers: EngineMapper[] = [];
  #interceptors: Interceptor[] = [];
  #factory: InterceptorFactory | undefined;
  #active = false;
  readonly #network = new NetworkPolicy();
  /** Detailed reports: every mock in no-match errors, and a log line per decision. */
  debug = false;

  /** @param options - interceptors and initial networking mode */
  constructor(options: EngineOptions = {}) {
    this.#factory = options.interceptors;
    if (this.#factory) this.#interceptors = [...this.#factory()];
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
    return mock;
  }

  /**
   * Unregisters a mock; returns whether it was registered.
   * @example `engine.removeMock(mock)`
   */
  removeMock(mock: Mock): boolean {
    const index = this.#mocks.indexOf(mock);
    if (index !== -1) this.#mocks.splice(index, 1);
    return index !== -1;
  }

  /** Unregisters every mock. */
  flushMocks(): void {
    this.#mocks = [];
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
    return this.#active;
  }

  /** The interceptors of this engine. */
  get interceptors(): readonly Interceptor[] {
    return this.#interceptors;
  }

  /** Starts intercepting. Idempotent. */
  activate(): void {
    if (this.#active) return;
    this.#active = true;
    for (const interceptor of this.#interceptors) interceptor.activate(this);
  }

  /** Stops intercepting and restores every patched global. Mocks are kept. Idempotent. */
  disable(): void {
    if (!this.#active) return;
    this.#active = false;
    for (const interceptor of [...this.#interceptors].reverse()) interceptor.disable();
  }

  /**
   * Adds interceptors (activated at once if the engine is active).
   * @example `engine.addInterceptor(myInterceptor)`
   */
  addInterceptor(...interceptors: Interceptor[]): void {
    for (const interceptor of interceptors) {
      if (typeof interceptor?.activate !== 'function' || typeof interceptor.disable !== 'function' || typeof interceptor.name !== 'string') {
        throw new PookInvalidArgumentError('interceptor', `expected { name, activate(engine), disable() }, got ${describe(interceptor)}`);
      }
      this.#interceptors.push(interceptor);
      if (this.#active) interceptor.activate(this);
    }
  }

  /** Disables and removes the interceptor of that name; returns whether one was removed. */
  removeInterceptor(name: string): boolean {
    const index = this.#interceptors.findIndex((interceptor) => interceptor.name === name);
    if (index === -1) return false;
    const [removed] = this.#interceptors.splice(index, 1);
    removed!.disable();
    return true;
  }

  /** Disables and removes every interceptor. */
  flushInterceptors(): void {
    for (const interceptor of this.#interceptors.splice(0).reverse()) interceptor.disable();
  }

  /**
   * Replaces the interceptors with the ones `factory` builds, now and on every
   * `reset()`. Active engines swap them without a moment unpatched.
   */
  setInterceptorFactory(factory: InterceptorFactory): void {
    assertFunction('setMockEngine', factory);
    this.#factory = factory;
    const next = [...factory()];
    const wasActive = this.#active;
    for (const interceptor of next) if (wasActive) interceptor.activate(this);
    for (const interceptor of this.#interceptors.reverse()) interceptor.disable();
    this.#interceptors = next;
  }

  /**
   * Flushes mocks, unmatched requests, engine and network filters and mappers,
   * and rebuilds the interceptors, disabling the old ones first so no patch
   * is ever left behind (fix of pook's reset). Keeps the networking flag and
   * whether the engine is active.
   */
  reset(): void {
    this.#mocks = [];
    this.#unmatched = [];
    this.#filters = [];
    this.#mappers = [];
    this.#network.flush();
    if (this.#factory) this.setInterceptorFactory(this.#factory);
  }

  // ── matching ─────────────────────────────────────────────────────────

  /**
   * FIFO match: the first registered, unexpired mock that matches wins and
   * its match is counted. Returns it, or `undefined`.
   * @param request - the request (engine mappers are not applied here)
   */
  match(request: PookRequest): Mock | undefined {
    for (const mock of this.#mocks) if (mock.attempt(request)) return mock;
    return undefined;
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
    try {
      for (const mapper of this.#mappers) mapped = mapper(mapped, this) ?? mapped;
      rejectedBy = this.#filters.some((filter) => !filter(mapped, this)) ? 'an engine filter' : undefined;
      mock = rejectedBy === undefined ? this.match(mapped) : undefined;
    } catch (error) {
      return { type: 'error', error: error as Error };
    }
    if (mock !== undefined) {
      this.#log(() => `${request.method} ${request.url.href} → ${mock.label}`);
      try {
        if (mock.delayMs > 0) await sleep(mock.delayMs, options.signal);
        return { type: 'response', response: await mock.respond(mapped) };
      } catch (error) {
        return { type: 'error', error: error instanceof Error ? error : new Error(String(error)) };
      }
    }
    this.#unmatched.push(request);
    if (this.#network.allows(request)) {
      this.#log(() => `${request.method} ${request.url.href} → real network (unmatched)`);
      return { type: 'passthrough' };
    }
    this.#log(() => `${request.method} ${request.url.href} → blocked (no mock matched)`);
    return { type: 'error', error: this.noMatchError(mapped, rejectedBy) };
  }

  /**
   * The error for a request nothing matched, with every mock's report.
   * @param request - the unmatched request
   * @param rejectedBy - set when an engine filter rejected it before matching
   */
  noMatchError(request: PookRequest, rejectedBy?: string): PookNoMatchesError {
    const reports: MockReport[] = rejectedBy === undefined ? rankReports(this.#mocks.map((mock) => mock.explain(request))) : [];
    const message = formatNoMatch(request, reports, {
      limit: this.debug ? Number.POSITIVE_INFINITY : 3,
      networking: this.#network.enabled,
      ...(rejectedBy === undefined ? {} : { rejectedBy }),
    });
    return new PookNoMatchesError(message, request, reports);
  }

  #log(line: () => string): void {
    if (this.debug) process.stderr.write(`pook: ${line()}\n`);
  }
}
