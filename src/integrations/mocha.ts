import { checkedTest, TestRun } from './test-run.js';

// A root hook plugin: `mocha --require pook/mocha` (or `require:` in
// .mocharc). Mocha runs the tests of a process one at a time, so each test's
// scope is global (code in no other scope uses it) and is also entered in
// the first beforeEach, which Mocha's callbacks carry on to the test. The
// checks run when the test body has passed and fail the test itself: a
// failing afterEach hook would make Mocha skip the rest of the suite
// (docs/runners/mocha.md).

type TestFn = (...args: never[]) => unknown;
/** The part of a Mocha test that pook reads: its function. */
export interface MochaTest {
  /** The test's function, which pook wraps to check the test's scope when it passes. */
  fn?: (...args: never[]) => unknown;
  /** The test file's path (names the test's cassette). */
  file?: string;
  /** The titles of the test's suites and its own (name the test's cassette). */
  titlePath?: () => string[];
}
/** The part of a Mocha hook's `this` that pook reads: the test about to run. */
export interface HookContext {
  /** The test the hook runs for. */
  currentTest?: MochaTest;
}

let current: TestRun | undefined;
/** Each wrapped test function's original, so a retried (cloned) test is not wrapped twice. */
const originals = new WeakMap<TestFn, TestFn>();

/**
 * The root hooks Mocha loads from `--require pook/mocha`.
 * @example `mocha --require pook/mocha`
 */
export const mochaHooks: {
  beforeEach(this: HookContext): void;
  afterEach(this: HookContext): Promise<void>;
  afterAll(): void;
} = {
  beforeEach(this: HookContext): void {
    current?.dispose();
    const test = this.currentTest;
    const scoped = TestRun.open({
      global: true,
      identity: () => ({ file: test?.file, name: test?.titlePath?.().join(' > ') }),
    });
    current = scoped;
    if (test?.fn === undefined) return;
    const original = originals.get(test.fn) ?? test.fn;
    const wrapped = checkedTest(original, () => scoped);
    originals.set(wrapped, original);
    test.fn = wrapped;
  },
  // The scope stays open until the next test starts, so that afterEach hooks
  // that run after this one still see the test's mocks.
  afterEach(this: HookContext): Promise<void> {
    const test = this.currentTest;
    if (test?.fn !== undefined) test.fn = originals.get(test.fn) ?? test.fn;
    // Cassettes of a test that failed before its checks ran: ejected here (the checks ejected the others).
    return current?.hasCassettes === true ? current.close(false).then(() => undefined) : Promise.resolve();
  },
  afterAll(): void {
    current?.dispose();
    current = undefined;
  },
};

export type { TestCassetteOptions } from './test-cassette.js';
export { cassette } from './test-cassette.js';
export type { PookTestOptions } from './test-run.js';
export { configure } from './test-run.js';
