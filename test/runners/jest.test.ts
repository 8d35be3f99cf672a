import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFixtureOutcomes, expectNetworkOutcomes, expectPookFramesExist, PENDING_TITLE, UNMATCHED_TITLE } from './expectations.js';
import { type InstalledFixture, installFixture, outcomesOfJsonReport, type RunnerResult } from './harness.js';

// test/runners/jest/fixture (CommonJS), run by the real jest binary with its
// own config (setupFilesAfterEnv: ['pook/jest']).

let fixture: InstalledFixture;
let result: RunnerResult;

beforeAll(async () => {
  fixture = installFixture('jest');
  result = await fixture.run([fixture.bin('jest'), '--ci', '--json', '--outputFile=results.json'], { timeout: 90_000 });
}, 120_000);
afterAll(() => fixture?.remove());

describe('pook/jest', () => {
  it('fails the run, with the two failing tests named in its output', () => {
    const output = result.stdout + result.stderr;
    expect(result.code, output).toBe(1);
    expect(output).toMatch(new RegExp(`● users › ${PENDING_TITLE}\\s+PookPendingMocksError: pook: 1 mock is still pending`));
    expect(output).toMatch(new RegExp(`● users › ${UNMATCHED_TITLE}\\s+PookUnmatchedRequestsError: pook: 1 request matched no mock`));
    expect(output).toMatch(/Tests:\s+3 failed, 11 passed, 14 total/);
  });

  it('passes and fails each test as its title says, with pook reports as the messages; concurrent tests stay isolated', () => {
    expectFixtureOutcomes(outcomesOfJsonReport(fixture.read('results.json')), { tests: 14, concurrent: 5 });
  });

  it('with network on, passes a test whose request went to its loopback server, and fails one whose request was blocked', () => {
    expectNetworkOutcomes(outcomesOfJsonReport(fixture.read('results.json')));
  });

  it("shows pook's stack frames in files the installed package has (its source maps name the shipped src/)", () => {
    const message = outcomesOfJsonReport(fixture.read('results.json')).get(PENDING_TITLE)?.message ?? '';
    expect(expectPookFramesExist(message, fixture.dir)).toContainEqual(expect.stringMatching(/node_modules\/pook\/src\/integrations\/test-run\.ts$/));
  });
});
