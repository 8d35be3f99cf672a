import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFixtureOutcomes, PENDING_TITLE, UNMATCHED_TITLE } from './expectations.js';
import { type InstalledFixture, installFixture, outcomesOfNodeTestJson, type RunnerResult } from './harness.js';

// test/runners/node-test/fixture, run by `node --test --import pook/node-test`
// with the spec reporter on stdout and the fixture's JSON reporter to a file.

let fixture: InstalledFixture;
let result: RunnerResult;

beforeAll(async () => {
  fixture = installFixture('node-test');
  result = await fixture.run(
    [
      '--test',
      '--import',
      'pook/node-test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=./json-reporter.mjs',
      '--test-reporter-destination=results.json',
      'users.test.mjs',
      'concurrent.test.mjs',
    ],
    { timeout: 90_000 },
  );
}, 120_000);
afterAll(() => fixture?.remove());

describe('pook/node-test', () => {
  it('fails the run, with the two failing tests and pook reports in its output', () => {
    const output = result.stdout + result.stderr;
    expect(result.code, output).toBe(1);
    expect(output).toMatch(new RegExp(`✖ ${PENDING_TITLE} \\(.*\\)\\n\\s+Error \\[PookPendingMocksError\\]: pook: 1 mock is still pending`));
    expect(output).toMatch(new RegExp(`✖ ${UNMATCHED_TITLE} \\(.*\\)\\n\\s+Error \\[PookUnmatchedRequestsError\\]: pook: 1 request matched no mock`));
    expect(output).toMatch(/ℹ tests 12\nℹ suites 3\nℹ pass 10\nℹ fail 2\n/);
  });

  it('passes and fails each test as its title says, with pook reports as the messages; concurrent tests stay isolated', () => {
    expectFixtureOutcomes(outcomesOfNodeTestJson(fixture.read('results.json')), { tests: 12, concurrent: 5 });
  });
});
