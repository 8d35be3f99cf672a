import { Cassette, type CassetteOptions, cassettePath } from '../har/index.js';
import { PookInvalidArgumentError } from '../index.js';
import { TestRun } from './test-run.js';

// cassette() of pook/vitest, pook/jest, pook/node-test and pook/mocha: a
// cassette (pook/har) for the running test, in a file named after it
// (docs/record-and-replay.md, "Cassettes named after the test"), checked
// and ejected with the test. In the build, '../har/index.js' is the package
// 'pook/har' itself (tsup.config.ts), like '../index.js' is 'pook'.

/** Options of the runner integrations' `cassette()`: those of pook/har's `cassette()`, and `allowUnused`. */
export interface TestCassetteOptions extends CassetteOptions {
  /**
   * In `replay` mode, do not fail the test when entries of the file were not
   * used. Default `false`: unused entries fail it like pending mocks.
   */
  readonly allowUnused?: boolean | undefined;
}

/** Each cassette file opened in this process, by the name it was made of: two names must not make one file. */
const claimed = new Map<string, string>();

function claim(path: string, name: string): void {
  const owner = claimed.get(path);
  if (owner !== undefined && owner !== name) {
    throw new PookInvalidArgumentError(
      'cassette',
      `"${name}" and "${owner}" make the same cassette file ${path}: rename one test, or give the cassette a name of its own (cassette('name'))`,
    );
  }
  claimed.set(path, name);
}

/**
 * Opens a cassette (see pook/har's `cassette()`) for the running test, in
 * the file named after it, `__cassettes__/[test file name]/[test name].har`
 * next to the test file, where the test name is its full name made
 * file-safe (see pook/har's `cassetteName()` and `cassettePath()`); with a
 * `name`, that name replaces the test's. The cassette's scope is entered
 * where it is called (the test's body or a `beforeEach` hook) and is global
 * when the test's scope is. When the test ends, the cassette is checked
 * with the test (in `replay` mode, entries no request used fail it like
 * pending mocks, unless `allowUnused`; a request the file does not hold
 * fails it like an unmatched one) and ejected (in `record` and `update`
 * modes, the file is written). The mode is `replay` unless `options.mode`
 * or the environment variable `POOK_RECORD` (`record`, `missing`,
 * `replay`, `passthrough`) says otherwise.
 *
 * @param name - a name of its own for the cassette's file, instead of the test's full name (made file-safe the same way)
 * @param options - pook/har's cassette options, and `allowUnused`
 * @returns the cassette, already open
 * @throws PookInvalidArgumentError when no test is running here, or the runner does not tell the test's file or name
 * @example
 * ```ts
 * import { cassette } from 'pook/vitest';
 * it('loads user 1', async () => {
 *   cassette(); // test/__cassettes__/users.test.ts/users-loads-user-1.har
 *   expect(await getUser(1)).toEqual({ id: 1, name: 'Ada' });
 * });
 * ```
 */
export function cassette(name?: string | TestCassetteOptions, options: TestCassetteOptions = {}): Cassette {
  if (typeof name === 'object' && name !== null) return cassette(undefined, name);
  if (name !== undefined && (typeof name !== 'string' || name === '')) throw new PookInvalidArgumentError('name', 'expected the name of the cassette');
  const run = TestRun.current();
  if (run === undefined) {
    throw new PookInvalidArgumentError('cassette', 'cassette() opens the cassette of the running test: call it in a test or in its beforeEach hook');
  }
  const identity = run.identity();
  if (identity.file === undefined)
    throw new PookInvalidArgumentError('cassette', 'this runner did not tell the test file: use the cassette() of pook/har with a path');
  const testName = name ?? identity.name;
  if (testName === undefined) {
    throw new PookInvalidArgumentError(
      'cassette',
      "the runner does not tell the running test's full name here (Jest's test.concurrent; node:test before Node.js 22.3): give the cassette a name, cassette('name')",
    );
  }
  const { allowUnused, ...rest } = options;
  const path = cassettePath(identity.file, testName);
  claim(path, testName);
  const tape = new Cassette(path, { ...rest, global: rest.global ?? run.global });
  run.adopt(tape, allowUnused === true);
  return tape;
}
