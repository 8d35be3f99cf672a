import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFixtureOutcomes, expectPookFramesExist, PENDING_TITLE, UNMATCHED_TITLE } from './expectations.js';
import { type InstalledFixture, installFixture, outcomesOfJsonReport, type RunnerResult } from './harness.js';

// test/runners/jest-esm/fixture: a `"type": "module"` project with ES module
// test files, run as its package.json says (`node --experimental-vm-modules`
// and the real jest binary) with the same setup (setupFilesAfterEnv:
// ['pook/jest']) as the CommonJS fixture.

let fixture: InstalledFixture;
let result: RunnerResult;

beforeAll(async () => {
  fixture = installFixture('jest-esm');
  result = await fixture.run(['--experimental-vm-modules', fixture.bin('jest'), '--ci', '--json', '--outputFile=results.json'], { timeout: 90_000 });
}, 120_000);
afterAll(() => fixture?.remove());

describe('pook/jest in an ES module project', () => {
  it('fails the run, with the two failing tests named in its output', () => {
    const output = result.stdout + result.stderr;
    expect(result.code, output).toBe(1);
    expect(output).toMatch(new RegExp(`● users › ${PENDING_TITLE}\\s+PookPendingMocksError: pook: 1 mock is still pending`));
    expect(output).toMatch(new RegExp(`● users › ${UNMATCHED_TITLE}\\s+PookUnmatchedRequestsError: pook: 1 request matched no mock`));
    expect(output).toMatch(/Tests:\s+2 failed, 10 passed, 12 total/);
  });

  it('passes and fails each test as its title says, with pook reports as the messages; concurrent tests stay isolated', () => {
    expectFixtureOutcomes(outcomesOfJsonReport(fixture.read('results.json')), { tests: 12, concurrent: 5 });
  });

  it("shows pook's stack frames in files the installed package has", () => {
    const message = outcomesOfJsonReport(fixture.read('results.json')).get(PENDING_TITLE)?.message ?? '';
    expect(expectPookFramesExist(message, fixture.dir)).toContainEqual(expect.stringMatching(/node_modules\/pook\/src\/integrations\/test-run\.ts$/));
  });
});
