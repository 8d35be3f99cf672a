import type { Matcher, MatchResult } from '../core/matcher.js';
import type { PookRequest } from '../core/pook-request.js';
import { Expectations, type SeenResults } from './expectations.js';

/**
 * What one mock's own functions gave for one request during its match
 * attempt, for the report to reuse (docs/when-nothing-matches.md). Internal.
 */
export interface Attempt {
  /** The request after the mock's mappers. */
  readonly mapped: PookRequest;
  /** Whether a filter returned false. */
  filtered: boolean;
  /** What the custom matchers reached returned. */
  readonly seen: SeenResults;
}

/** A mock's verdict on a request, short of the mock itself and whether it expired. */
export interface RulesVerdict {
  /** Whether a filter made the mock skip the request. */
  readonly state: 'evaluated' | 'filtered';
  /** Every evaluated expectation with its result, in definition order. */
  readonly results: readonly MatchResult[];
  /** Number of failed expectations. */
  readonly failures: number;
  /** The user's functions that were not called for this request (`'map'`, `'filter'`, custom matcher names). */
  readonly notEvaluated: readonly string[];
}

const NONE: readonly string[] = Object.freeze([]);

/**
 * What a request must satisfy for one mock (its expectations and filters),
 * how the mock sees the request first (its mappers), and who is told after
 * a match (its callbacks). `M` is the mock, which the user's functions
 * receive.
 *
 * @example
 * ```ts
 * const rules = new RequestRules<Mock>();
 * rules.expect(new MethodMatcher('GET'));
 * rules.match(request, mock); // the request as the mock saw it, or undefined
 * ```
 */
export class RequestRules<M> {
  /** The expectations, in definition order. */
  readonly expectations: Expectations = new Expectations();
  readonly #filters: Array<(request: PookRequest, mock: M) => boolean> = [];
  readonly #mappers: Array<(request: PookRequest, mock: M) => PookRequest> = [];
  readonly #callbacks: Array<(request: PookRequest, mock: M) => void> = [];
  /** The user has functions here that matching calls (mappers, filters, custom matchers). */
  #own = false;

  /** Whether a mapper may change the request (the mock can then not be looked up by route). */
  get mapping(): boolean {
    return this.#mappers.length > 0;
  }

  /** Whether matching calls functions of the user's (mappers, filters, custom matchers). */
  get own(): boolean {
    return this.#own;
  }

  /** Adds an expectation; `own` when it calls a function of the user's. */
  expect(matcher: Matcher, own = false): void {
    this.expectations.add(matcher);
    if (own) this.#own = true;
  }

  /** Adds filters (validated by the caller). */
  addFilters(filters: ReadonlyArray<(request: PookRequest, mock: M) => boolean>): void {
    this.#filters.push(...filters);
    this.#own ||= filters.length > 0;
  }

  /** Adds mappers (validated by the caller). */
  addMappers(mappers: ReadonlyArray<(request: PookRequest, mock: M) => PookRequest>): void {
    this.#mappers.push(...mappers);
    this.#own ||= mappers.length > 0;
  }

  /** Adds callbacks (validated by the caller). */
  addCallbacks(callbacks: ReadonlyArray<(request: PookRequest, mock: M) => void>): void {
    this.#callbacks.push(...callbacks);
  }

  /**
   * Matches a request: the request as the mock saw it (after its mappers)
   * when every filter and expectation holds, else `undefined`. Given
   * `record`, hands it what the user's functions return as they run, for
   * the report; matching stops at the first filter or expectation that
   * fails, so what follows is not evaluated.
   */
  match(request: PookRequest, mock: M, record?: (attempt: Attempt) => void): PookRequest | undefined {
    const mapped = this.#map(request, mock);
    let attempt: Attempt | undefined;
    if (record !== undefined) {
      attempt = { mapped, filtered: false, seen: [] };
      record(attempt);
    }
    for (const filter of this.#filters) {
      if (filter(mapped, mock)) continue;
      if (attempt !== undefined) attempt.filtered = true;
      return undefined;
    }
    const holds = attempt === undefined ? this.expectations.test(mapped, mock) : this.expectations.testSeen(mapped, mock, attempt.seen);
    return holds ? mapped : undefined;
  }

  /** Tells the callbacks about a match. */
  notify(mapped: PookRequest, mock: M): void {
    for (const callback of this.#callbacks) callback(mapped, mock);
  }

  /**
   * Every expectation's result for a request, calling the user's functions
   * (once each): a mapper or filter that throws counts as a failure.
   */
  explain(request: PookRequest, mock: M): RulesVerdict {
    let mapped: PookRequest;
    try {
      mapped = this.#map(request, mock);
    } catch (error) {
      const result: MatchResult = { pass: false, expectation: 'map', reason: `threw ${(error as Error).message}` };
      return { state: 'evaluated', results: [result], failures: 1, notEvaluated: NONE };
    }
    const filtered = this.#filters.some((filter) => {
      try {
        return !filter(mapped, mock);
      } catch {
        return true;
      }
    });
    const results = this.expectations.results(mapped, mock);
    return { state: filtered ? 'filtered' : 'evaluated', results, failures: countFailures(results), notEvaluated: NONE };
  }

  /**
   * The verdict from a match attempt, calling none of the user's functions:
   * built-in expectations are evaluated (on the request as the mock's
   * mappers left it, when there was an attempt), the user's come from the
   * attempt, and what it did not reach is listed in `notEvaluated` —
   * everything of the user's when the mock was not tried (`attempt`
   * undefined).
   */
  report(request: PookRequest, attempt: Attempt | undefined): RulesVerdict {
    const notEvaluated: string[] = [];
    if (attempt === undefined) {
      if (this.#mappers.length > 0) notEvaluated.push('map');
      if (this.#filters.length > 0) notEvaluated.push('filter');
    }
    const results = this.expectations.resultsSeen(attempt?.mapped ?? request, attempt?.seen, notEvaluated);
    return { state: attempt?.filtered ? 'filtered' : 'evaluated', results, failures: countFailures(results), notEvaluated };
  }

  #map(request: PookRequest, mock: M): PookRequest {
    let current = request;
    for (const mapper of this.#mappers) current = mapper(current, mock) ?? current;
    return current;
  }
}

const countFailures = (results: readonly MatchResult[]): number => results.filter((result) => !result.pass).length;
