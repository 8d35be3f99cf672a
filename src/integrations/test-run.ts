import type { Cassette } from '../har/index.js';
import type { Engine, PookScope } from '../index.js';
import * as pook from '../index.js';

// What every runner integration does around one test: open a `use()` scope
// for it (so concurrent tests never see each other's mocks), run the test's
// hooks and body in it, then check the scope's engine and fail the test with
// pook's report. Each runner file only adapts this to its own hooks.
// Integrations use pook's public surface only: '../index.js' becomes 'pook'
// in the build (tsup.config.ts), so they drive the one pook of the process,
// whichever module system loaded it.

/** Options of the runner integrations: `configure()` of `pook/vitest`, `pook/jest`, `pook/node-test` and `pook/mocha`. */
export interface PookTestOptions {
  /**
   * Fail a test that leaves mocks pending (not called as often as they
   * expect), with pook's pending-mocks report. Default `true`.
   */
  readonly failOnPending?: boolean;
  /**
   * Fail a test in which a request matched no mock and was blocked, even when
   * the code under test caught the error, with pook's unmatched-requests
   * report. Requests that networking let through to the real network (see
   * `network`) do not fail the test. Default `true`.
   */
  readonly failOnUnmatched?: boolean;
  /**
   * Real networking for the test: its unmatched requests go to the network
   * (as `pook.use({ network: true })`) instead of failing. Given to
   * `configure()` inside a test, it turns networking on or off for that test
   * at once. Default `false`.
   */
  readonly network?: boolean;
}

type Settings = { -readonly [K in keyof PookTestOptions]-?: boolean };

const KEYS: ReadonlyArray<keyof PookTestOptions> = ['failOnPending', 'failOnUnmatched', 'network'];

/** The defaults, and each running test's settings by its engine (how `configure()` inside a test finds them). */
const shared: { defaults: Settings; readonly running: WeakMap<object, TestRun> } = {
  defaults: { failOnPending: true, failOnUnmatched: true, network: false },
  running: new WeakMap(),
};

function merge(base: Settings, options: PookTestOptions): Settings {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new TypeError('pook: configure() expects an options object.');
  const next = { ...base };
  for (const [key, value] of Object.entries(options)) {
    if (!(KEYS as readonly string[]).includes(key)) throw new TypeError(`pook: configure() got the unknown option "${key}" (known: ${KEYS.join(', ')}).`);
    if (value === undefined) continue;
    if (typeof value !== 'boolean') throw new TypeError(`pook: configure() option "${key}" must be a boolean.`);
    next[key as keyof Settings] = value;
  }
  return next;
}

/**
 * Changes the options of the runner integration. Called inside a test (or
 * one of its `beforeEach`/`afterEach` hooks), it changes that test only;
 * anywhere else (a setup file, the top of a test file, a `before`/`beforeAll`
 * hook), it changes the defaults of every test that starts afterwards.
 *
 * @example
 * ```ts
 * import { configure } from 'pook/vitest';
 * configure({ failOnPending: false }); // the tests that start from now on
 * it('polls until ready', () => {
 *   configure({ failOnUnmatched: false }); // this test only
 * });
 * ```
 */
export function configure(options: PookTestOptions): void {
  const test = shared.running.get(pook.engine());
  if (test === undefined) {
    shared.defaults = merge(shared.defaults, options);
    return;
  }
  const before = test.settings.network;
  test.settings = merge(test.settings, options);
  if (test.settings.network === before) return;
  if (test.settings.network) test.engine.enableNetwork();
  else test.engine.disableNetwork();
}

/** Who a test is, as its runner names it: where `cassette()` finds the file named after it. */
export interface TestIdentity {
  /** The test file's path, when the runner tells it. */
  readonly file: string | undefined;
  /** The test's full name (its suites' titles and its own, joined as the runner joins them), when known. */
  readonly name: string | undefined;
}

/** How a runner opens the scope of one test. */
export interface TestRunOptions {
  /**
   * Make the scope global as well (`use({ global: true })`): code in no scope
   * uses it. For a test that runs alone, in a runner that loses the async
   * context between its hooks and its body.
   */
  readonly global: boolean;
  /** Who the test is (asked when a cassette is opened without a name). */
  readonly identity?: (() => TestIdentity) | undefined;
}

/** A cassette a test opened with `cassette()`, checked and ejected when the test ends. */
interface TestCassette {
  readonly tape: Cassette;
  readonly allowUnused: boolean;
}

/** The scope of one running test, and the checks that end it. */
export class TestRun {
  /** The engine of the test's scope. */
  readonly engine: Engine;
  /** The options in force for this test: the defaults when it started, then its own `configure()` calls. */
  settings: Settings;
  /** Whether the test's scope is global as well (its cassettes are, by default). */
  readonly global: boolean;
  readonly #scope: PookScope | undefined;
  readonly #identity: (() => TestIdentity) | undefined;
  /** The cassettes the test opened and that are not ejected yet, in order. */
  readonly #cassettes: TestCassette[] = [];

  private constructor(scoped: Engine, settings: Settings, scope: PookScope | undefined, options: TestRunOptions) {
    this.engine = scoped;
    this.settings = settings;
    this.#scope = scope;
    this.global = options.global;
    this.#identity = options.identity;
    shared.running.set(scoped, this);
  }

  /** The test whose scope (or one of whose cassettes) is current here, if any. */
  static current(): TestRun | undefined {
    return shared.running.get(pook.engine());
  }

  /** Who the test is, as its runner names it. */
  identity(): TestIdentity {
    return this.#identity?.() ?? { file: undefined, name: undefined };
  }

  /**
   * Takes a cassette opened for this test: checked with the test (entries no
   * request used fail it like pending mocks, unless `allowUnused`) and
   * ejected when it ends (see {@link TestRun.close}).
   */
  adopt(tape: Cassette, allowUnused: boolean): void {
    this.#cassettes.push({ tape, allowUnused });
    shared.running.set(tape.engine, this);
  }

  /**
   * Opens the scope of a test whose hooks and body the runner runs apart:
   * `use()` makes it current for the calling hook (which some runners carry
   * on to the test) and, with `global`, for code in no scope.
   */
  static open(options: TestRunOptions): TestRun {
    const settings = shared.defaults;
    const scope = pook.use({ network: settings.network, global: options.global });
    return new TestRun(scope.engine, settings, scope, options);
  }

  /**
   * Runs `test` in a new test scope (`use(fn)`, closed when it settles) and
   * checks the scope afterwards. Rejects with the test's own error when it
   * throws (no checks then: an early failure leaves mocks pending, and the
   * test's own error is the one to read), else with pook's report when a
   * check fails.
   * @param test - runs the test (and whatever hooks the runner runs with it)
   * @param options - whether the scope is global too, and how to tell that the test already failed
   */
  static async around(test: () => unknown, options: TestRunOptions & { readonly failed?: () => boolean }): Promise<void> {
    const settings = shared.defaults;
    await pook.use(
      async (scoped) => {
        const own = new TestRun(scoped, settings, undefined, options);
        try {
          await test();
        } catch (error) {
          await own.close(false);
          throw error;
        }
        const error = await own.close(options.failed?.() !== true);
        if (error !== undefined) throw error;
      },
      { network: settings.network, global: options.global },
    );
  }

  /** Runs `fn` inside the test's scope (only needed where the runner loses the async context). */
  run<R>(fn: () => R): R {
    return this.#scope === undefined ? fn() : this.#scope.run(fn);
  }

  /**
   * The error that fails the test, or undefined: the unmatched-requests
   * report first (the likely cause), then the pending-mocks report, each as
   * its option allows. Unmatched means blocked: a request networking let
   * through is in the test's history (and the debug log), not a failure.
   */
  verify(): Error | undefined {
    return combined(this.#failures());
  }

  /** Whether the test opened cassettes that are not ejected yet. */
  get hasCassettes(): boolean {
    return this.#cassettes.length > 0;
  }

  /**
   * Ends the test's cassettes: with `check`, first the checks of
   * {@link TestRun.verify} (the cassettes' unmatched requests and unused
   * entries included); then each cassette is ejected (in `record` and
   * `update` modes, its file is written). Resolves to the error that fails
   * the test, or undefined. Idempotent for the cassettes.
   */
  async close(check: boolean): Promise<Error | undefined> {
    const errors = check ? this.#failures() : [];
    for (const { tape } of this.#cassettes.splice(0)) {
      try {
        await tape.eject();
      } catch (error) {
        errors.push(error as Error);
      }
    }
    return combined(errors);
  }

  #failures(): Error[] {
    const errors: Error[] = [];
    const { failOnPending, failOnUnmatched } = this.settings;
    if (failOnUnmatched) collect(errors, () => this.engine.assertNoUnmatched({ passedThrough: false }));
    for (const { tape } of this.#cassettes) if (failOnUnmatched) collect(errors, () => tape.engine.assertNoUnmatched({ passedThrough: false }));
    if (failOnPending) collect(errors, () => this.engine.assertDone());
    for (const { tape, allowUnused } of this.#cassettes) if (failOnPending && !allowUnused && tape.mode === 'replay') collect(errors, () => tape.assertDone());
    return errors;
  }

  /** Ends the scope: its engine is disabled and its mocks go with it. Idempotent. */
  dispose(): void {
    // Cassettes close() did not eject (it always runs first in the runners): closed without writing waits.
    for (const { tape } of this.#cassettes.splice(0)) void tape.eject().catch(() => undefined);
    this.#scope?.dispose();
  }
}

function combined(errors: readonly Error[]): Error | undefined {
  if (errors.length <= 1) return errors[0];
  return new AggregateError(errors, errors.map((error) => error.message).join('\n\n'));
}

function collect(errors: Error[], assertion: () => void): void {
  try {
    assertion();
  } catch (error) {
    errors.push(error as Error);
  }
}

/**
 * Wraps a test function so that, once it succeeded, the checks of the
 * test scope `scopeOf()` names run and fail it. Works for sync, async and
 * callback (`done`) tests, keeps `this` and the function's arity (runners
 * read `fn.length` to spot callback tests).
 */
export function checkedTest<F extends (...args: never[]) => unknown>(fn: F, scopeOf: () => TestRun | undefined): F {
  // The checks: at once, unless the test opened cassettes, which are ejected (and written) first.
  const finish = (): Error | undefined | Promise<Error | undefined> => {
    const run = scopeOf();
    if (run === undefined) return undefined;
    return run.hasCassettes ? run.close(true) : run.verify();
  };
  // A test that failed: its own error is the one to read; its cassettes are ejected all the same.
  const failed = (error: unknown): unknown => {
    const run = scopeOf();
    if (run?.hasCassettes !== true) throw error;
    return run.close(false).then(() => {
      throw error;
    });
  };
  const call = fn as unknown as (this: unknown, ...args: unknown[]) => unknown;
  const wrapped = function (this: unknown, ...args: unknown[]): unknown {
    const run = (): unknown => {
      const done = args[fn.length - 1];
      if (fn.length > 0 && args.length >= fn.length && typeof done === 'function') {
        // A callback test: check when it calls back without an error.
        const callback = (error?: unknown): unknown => {
          const report = (found: Error | undefined): unknown => (done as (error?: unknown) => unknown)(error ?? found);
          if (error !== undefined && error !== null) {
            const run = scopeOf();
            if (run?.hasCassettes === true) return void run.close(false).then(() => report(undefined));
            return report(undefined);
          }
          const found = finish();
          if (isThenable(found)) return void Promise.resolve(found).then(report, report);
          return report(found);
        };
        const own = [...args];
        own[fn.length - 1] = callback;
        return call.apply(this, own);
      }
      let result: unknown;
      try {
        result = call.apply(this, args);
      } catch (error) {
        return failed(error);
      }
      if (isThenable(result)) {
        return Promise.resolve(result).then(async (value) => {
          const error = await finish();
          if (error !== undefined) throw error;
          return value;
        }, failed);
      }
      const error = finish();
      if (isThenable(error)) {
        return Promise.resolve(error).then((found) => {
          if (found !== undefined) throw found;
          return result;
        });
      }
      if (error !== undefined) throw error;
      return result;
    };
    const scoped = scopeOf();
    return scoped === undefined ? run() : scoped.run(run);
  };
  Object.defineProperty(wrapped, 'length', { value: fn.length });
  Object.defineProperty(wrapped, 'name', { value: fn.name });
  return wrapped as unknown as F;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
