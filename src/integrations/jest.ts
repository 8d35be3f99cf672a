import { type TestIdentity, TestRun } from './test-run.js';

// `setupFilesAfterEnv: ['pook/jest']`. Jest runs a test's hooks and its body
// in async contexts of their own, so a scope entered in beforeEach does not
// reach the test: each test's scope is global (code in no other scope uses
// it), which is right because Jest runs the tests of a file one at a time.
// test.concurrent bodies all start together, so each runs in an
// async-context scope of its own instead (docs/runners/jest.md).

type Hook = (fn: () => unknown) => void;
type TestFn = (...args: never[]) => unknown;
type Register = (name: string, fn: TestFn, timeout?: number) => unknown;
interface Concurrent extends Register {
  only?: Register;
  each?: (...table: unknown[]) => Register;
}
interface JestGlobals {
  expect?: { getState?: () => { testPath?: string; currentTestName?: string } };
  beforeEach: Hook;
  afterEach: Hook;
  afterAll: Hook;
  test?: { concurrent?: Concurrent };
  it?: { concurrent?: Concurrent };
}

const jest = globalThis as unknown as JestGlobals;
if (typeof jest.beforeEach !== 'function' || typeof jest.afterEach !== 'function') {
  throw new Error("pook/jest: Jest's globals are missing; load it with setupFilesAfterEnv: ['pook/jest'] (not setupFiles).");
}

let current: TestRun | undefined;

/** The running test, as Jest's expect state names it (its suites' titles and its own, joined with spaces). */
function identity(): TestIdentity {
  const state = jest.expect?.getState?.();
  return { file: state?.testPath, name: state?.currentTestName };
}

// The scope stays open until the next test starts (or the file ends), so
// that root-level afterEach hooks declared after this one, which Jest runs
// after it, still see the test's mocks.
jest.beforeEach(() => {
  current?.dispose();
  current = TestRun.open({ global: true, identity });
});

jest.afterEach(async () => {
  const error = await current?.close(true);
  if (error !== undefined) throw error;
});

jest.afterAll(() => {
  current?.dispose();
  current = undefined;
});

function scoped(fn: TestFn): TestFn {
  // Jest's expect state does not follow concurrent tests: their cassettes need a name of their own.
  return (...args: never[]) =>
    TestRun.around(() => fn(...args), { global: false, identity: () => ({ file: jest.expect?.getState?.().testPath, name: undefined }) });
}

function wrap(register: Register): Register {
  return (name, fn, timeout) => register(name, typeof fn === 'function' ? scoped(fn) : fn, timeout);
}

for (const holder of [jest.test, jest.it]) {
  const concurrent = holder?.concurrent;
  if (typeof concurrent !== 'function') continue;
  const replacement: Concurrent = Object.assign(wrap(concurrent.bind(holder)), concurrent);
  if (typeof concurrent.only === 'function') replacement.only = wrap(concurrent.only.bind(concurrent));
  const each = concurrent.each;
  if (typeof each === 'function') replacement.each = (...table) => wrap(each.apply(concurrent, table));
  holder!.concurrent = replacement;
}

export type { TestCassetteOptions } from './test-cassette.js';
export { cassette } from './test-cassette.js';
export type { PookTestOptions } from './test-run.js';
export { configure } from './test-run.js';
