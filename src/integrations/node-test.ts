import type { TestContext } from 'node:test';
import * as nodeTest from 'node:test';
import { TestRun } from './test-run.js';

// `node --test --import pook/node-test` (or `import 'pook/node-test'` first
// in a test file). node:test runs each hook and test body in the async
// context where it was declared, so a scope entered in beforeEach does not
// reach the test: each test's scope is global (code in no other scope uses
// it), which is right while tests run one at a time. For concurrent tests,
// declare them with this module's `test`/`it` (and hooks), which run each
// body in its own test's scope (docs/runners/node-test.md).

const scopes = new WeakMap<TestContext, TestRun>();

nodeTest.beforeEach((context) => {
  if (!('after' in context)) return; // a suite, not a test
  const t = context;
  const scoped = TestRun.open({ global: true });
  scopes.set(t, scoped);
  // `t.after` hooks run last, after every afterEach hook: they still see the mocks.
  t.after(() => {
    try {
      if ((t as { passed?: boolean }).passed === false) return; // its own failure comes first
      const error = scoped.verify();
      if (error !== undefined) throw error;
    } finally {
      scoped.dispose();
    }
  });
});

type Fn = (this: unknown, t: TestContext, ...rest: never[]) => unknown;

/** Runs `fn` inside the scope of the test `t` belongs to, keeping `this` and the arity node:test reads. */
function inTestScope<F extends Fn>(fn: F): F {
  const wrapped = function (this: unknown, t: TestContext, ...rest: never[]): unknown {
    const scoped = scopes.get(t);
    return scoped === undefined ? fn.call(this, t, ...rest) : scoped.run(() => fn.call(this, t, ...rest));
  };
  Object.defineProperty(wrapped, 'length', { value: fn.length });
  Object.defineProperty(wrapped, 'name', { value: fn.name });
  return wrapped as F;
}

function scopedArgs(args: unknown[]): unknown[] {
  const index = args.findIndex((arg) => typeof arg === 'function');
  if (index === -1) return args;
  const copy = [...args];
  copy[index] = inTestScope(args[index] as Fn);
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
  (nodeTest.beforeEach as (...a: unknown[]) => unknown)(inTestScope(fn), options)) as typeof nodeTest.beforeEach;

/**
 * node:test's `afterEach()`, run in the scope of the test it runs for.
 * @example `afterEach(() => { assert.equal(pook.pending(), 0) })`
 */
export const afterEach: typeof nodeTest.afterEach = ((fn: Fn, options?: unknown) =>
  (nodeTest.afterEach as (...a: unknown[]) => unknown)(inTestScope(fn), options)) as typeof nodeTest.afterEach;

export { after, before, describe, suite } from 'node:test';
export type { PookTestOptions } from './test-run.js';
export { configure } from './test-run.js';
