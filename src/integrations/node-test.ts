import { AsyncLocalStorage } from 'node:async_hooks';
import type { TestContext } from 'node:test';
import * as nodeTest from 'node:test';
import type { PookRequest } from '../index.js';
import { PookSharedScopeError } from './shared-scope-error.js';
import { TestRun } from './test-run.js';

// `node --test --import pook/node-test` (or `--require`, or `import
// 'pook/node-test'` first in a test file). node:test runs each hook and test
// body in the async context where it was declared, so a scope entered in
// beforeEach does not reach the test: each test's scope is global (code in no
// other scope uses it), which is right while tests run one at a time. For
// concurrent tests, declare them with this module's `test`/`it` (and hooks),
// which run each body in its own test's scope; a request that reaches a test's
// scope from no test's own scope while unrelated tests run at once fails them
// with a PookSharedScopeError (docs/runners/node-test.md).

/** What this module knows of one running test. */
interface RunningTest {
  readonly run: TestRun;
  /** node:test's full name ("suite > test"), to tell a subtest from a concurrent test. */
  readonly fullName: string | undefined;
  readonly name: string;
  /** Its body runs through this module's `test`/`it`, in its own scope. */
  ownScope: boolean;
  /** It called `t.skip()` or `t.todo()`: no checks, no report. */
  skipped: boolean;
  /** Tests (not its subtests or parents) ran while it did: their names. */
  readonly overlapped: Set<RunningTest>;
  /** Set when it ran at once with other tests and shared their scope. */
  shared: PookSharedScopeError | undefined;
}

const tests = new WeakMap<TestContext, RunningTest>();
/** The tests of this process between their beforeEach and their end. */
const running = new Set<RunningTest>();
/** Set while a body or hook runs through this module's wrappers: the test it runs for. */
const inOwnScope = new AsyncLocalStorage<RunningTest>();

/**
 * Whether this process is the parent `node --test` process, which only runs
 * test files in child processes: `--require` (and NODE_OPTIONS) also load
 * this module there, and a hook registered there would make node:test print
 * a second, empty report (and write it over a reporter's destination file).
 * The child processes have NODE_TEST_CONTEXT set; with `--test-isolation=none`
 * the tests run in the parent itself.
 */
function isTestRunnerParent(): boolean {
  if (process.env.NODE_TEST_CONTEXT !== undefined) return false;
  const args = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  if (!args.includes('--test')) return false;
  return !args.some(
    (arg, i) =>
      arg === '--test-isolation=none' ||
      arg === '--experimental-test-isolation=none' ||
      (/^--(experimental-)?test-isolation$/.test(arg) && args[i + 1] === 'none'),
  );
}

/** Whether `a` is `b` or one of its subtests or parents (by node:test's full names). */
function related(a: RunningTest, b: RunningTest): boolean {
  if (a === b) return true;
  if (a.fullName === undefined || b.fullName === undefined) return false;
  return a.fullName.startsWith(`${b.fullName} > `) || b.fullName.startsWith(`${a.fullName} > `);
}

/** The explanation a test that shared its scope fails with. */
function sharedScopeError(test: RunningTest, others: readonly RunningTest[], what: string): PookSharedScopeError {
  const names = [test, ...others.filter((other) => other !== test)].map((each) => each.fullName ?? each.name);
  const message = [
    "pook: tests that ran at the same time shared one pook scope, so each could see and use the others' mocks:",
    ...names.map((name) => `  - ${name}`),
    '',
    what,
    "node:test runs a test's body in the async context where it was declared, so concurrent tests declared with node:test's own",
    '`it`/`test` (and hooks) cannot each get a scope of their own. Import `it`, `test`, `beforeEach` and `afterEach` from',
    "'pook/node-test' instead of 'node:test': they run each body in its own test's scope (docs/runners/node-test.md#concurrent-tests).",
  ].join('\n');
  return new PookSharedScopeError(message, names);
}

/** The running tests that are not `test`, its subtests or its parents. */
function unrelatedTo(test: RunningTest): RunningTest[] {
  return [...running].filter((other) => !related(other, test));
}

/**
 * Called for every request that reaches a test's scope: one from code in no
 * test's own scope, while tests that are not each other's subtests run,
 * may have been meant for any of them.
 */
function checkShared(target: RunningTest, request: PookRequest): void {
  if (running.size < 2 || inOwnScope.getStore() !== undefined) return;
  const others = unrelatedTo(target);
  if (others.length === 0) return;
  const what = `${request.method} ${request.url.href} reached the scope of "${target.fullName ?? target.name}" from code that runs in no test's own scope.`;
  // The scope it reached, and every test whose own code runs in no scope of its own (not counting parents of running subtests).
  const plain = others.filter((test) => !test.ownScope && ![...running].some((other) => other !== test && related(other, test)));
  for (const test of [target, ...plain]) test.shared ??= sharedScopeError(test, [target, ...others], what);
}

/** Makes `t.skip()` and `t.todo()` mark the test, which then gets no checks. */
function watchSkip(t: TestContext, test: RunningTest): void {
  for (const name of ['skip', 'todo'] as const) {
    const original = t[name] as unknown;
    if (typeof original !== 'function') continue;
    Object.defineProperty(t, name, {
      configurable: true,
      writable: true,
      value(...args: unknown[]): unknown {
        test.skipped = true;
        return (original as (...a: unknown[]) => unknown).apply(t, args);
      },
    });
  }
}

if (!isTestRunnerParent()) {
  nodeTest.beforeEach((context) => {
    if (!('after' in context)) return; // a suite, not a test
    const t = context;
    const fullName = (t as { fullName?: unknown }).fullName;
    const filePath = (t as { filePath?: unknown }).filePath;
    const run = TestRun.open({
      global: true,
      identity: () => ({ file: typeof filePath === 'string' ? filePath : undefined, name: typeof fullName === 'string' ? fullName : undefined }),
    });
    const test: RunningTest = {
      run,
      fullName: typeof fullName === 'string' ? fullName : undefined,
      name: t.name,
      ownScope: false,
      skipped: false,
      overlapped: new Set(),
      shared: undefined,
    };
    tests.set(t, test);
    for (const other of unrelatedTo(test)) {
      other.overlapped.add(test);
      test.overlapped.add(other);
    }
    running.add(test);
    watchSkip(t, test);
    const onRequest = ({ request }: { readonly request: PookRequest }): void => checkShared(test, request);
    run.engine.on('match', onRequest).on('unmatched', onRequest);
    // `t.after` hooks run last, after every afterEach hook: they still see the mocks.
    t.after(async () => {
      try {
        if (test.skipped) return; // a skipped or todo test gets no report, as in the other runners
        if ((t as { passed?: boolean }).passed === false) return; // its own failure comes first
        if (test.shared === undefined && !test.ownScope && test.overlapped.size > 0 && run.engine.mocks.length > 0) {
          // Mocks were declared from code in no test's own scope while other tests ran: whose they are is unknown.
          const labels = run.engine.mocks.map((mock) => mock.label).join(', ');
          const what = `The scope of "${test.fullName ?? test.name}" holds mocks (${labels}) declared while the others ran, from code that runs in no test's own scope.`;
          for (const each of [test, ...test.overlapped]) {
            if (each === test || (running.has(each) && !each.ownScope)) each.shared ??= sharedScopeError(each, [test, ...test.overlapped], what);
          }
        }
        if (test.shared !== undefined) throw test.shared;
        const error = await run.close(true);
        if (error !== undefined) throw error;
      } finally {
        running.delete(test);
        // The cassettes of a test that failed or was skipped: ejected without checks.
        await run.close(false);
        run.dispose();
      }
    });
  });
}

type Fn = (this: unknown, t: TestContext, ...rest: never[]) => unknown;

/**
 * Runs `fn` inside the scope of the test `t` belongs to, keeping `this` and
 * the arity node:test reads. `body`: the test's own function, which marks the
 * test as running in its own scope.
 */
function inTestScope<F extends Fn>(fn: F, body: boolean): F {
  const wrapped = function (this: unknown, t: TestContext, ...rest: never[]): unknown {
    const test = tests.get(t);
    if (test === undefined) return fn.call(this, t, ...rest);
    if (body) test.ownScope = true;
    return inOwnScope.run(test, () => test.run.run(() => fn.call(this, t, ...rest)));
  };
  Object.defineProperty(wrapped, 'length', { value: fn.length });
  Object.defineProperty(wrapped, 'name', { value: fn.name });
  return wrapped as F;
}

function scopedArgs(args: unknown[]): unknown[] {
  const index = args.findIndex((arg) => typeof arg === 'function');
  if (index === -1) return args;
  const copy = [...args];
  copy[index] = inTestScope(args[index] as Fn, true);
  return copy;
}

/**
 * node:test's `test()`, with the body run in the test's own pook scope
 * (needed for tests that run concurrently).
 * @example `test('loads users', { concurrency: true }, async () => { pook.get(url).reply(200) })`
 */
export const test: typeof nodeTest.test = ((...args: unknown[]) =>
  (nodeTest.test as (...a: unknown[]) => unknown)(...scopedArgs(args))) as typeof nodeTest.test;

/**
 * node:test's `it()`, with the body run in the test's own pook scope.
 * @example `it('loads users', async () => { pook.get(url).reply(200) })`
 */
export const it: typeof nodeTest.it = ((...args: unknown[]) => (nodeTest.it as (...a: unknown[]) => unknown)(...scopedArgs(args))) as typeof nodeTest.it;

/**
 * node:test's `beforeEach()`, run in the scope of the test it runs for.
 * @example `beforeEach(() => { pook.get(url).reply(200) })`
 */
export const beforeEach: typeof nodeTest.beforeEach = ((fn: Fn, options?: unknown) =>
  (nodeTest.beforeEach as (...a: unknown[]) => unknown)(inTestScope(fn, false), options)) as typeof nodeTest.beforeEach;

/**
 * node:test's `afterEach()`, run in the scope of the test it runs for.
 * @example `afterEach(() => { assert.equal(pook.pending(), 0) })`
 */
export const afterEach: typeof nodeTest.afterEach = ((fn: Fn, options?: unknown) =>
  (nodeTest.afterEach as (...a: unknown[]) => unknown)(inTestScope(fn, false), options)) as typeof nodeTest.afterEach;

export { after, before, describe, suite } from 'node:test';
export { PookSharedScopeError } from './shared-scope-error.js';
export type { TestCassetteOptions } from './test-cassette.js';
export { cassette } from './test-cassette.js';
export type { PookTestOptions } from './test-run.js';
export { configure } from './test-run.js';
