import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFixtureOutcomes } from './expectations.js';
import { type InstalledFixture, installFixture, outcomesOfMochaJson, type RunnerResult } from './harness.js';

// test/runners/mocha/fixture (ES module specs), run by the real mocha binary
// with its own .mocharc.json: the root hook plugin `require: ['pook/mocha']`
// and --parallel, so the two spec files run at once in worker processes.
// Mocha requires the plugin as CommonJS while the specs import pook as an ES
// module: the integration must drive the specs' copy.

let fixture: InstalledFixture;
let result: RunnerResult;

beforeAll(async () => {
  // mocha resolves `--require pook/mocha` from where it is installed: a copy, next to pook.
  fixture = installFixture('mocha', ['mocha']);
  result = await fixture.run([fixture.bin('mocha'), '--reporter', 'json', '--reporter-option', 'output=results.json'], { timeout: 90_000 });
}, 120_000);
afterAll(() => fixture?.remove());

describe('pook/mocha', () => {
  it('fails the run: the exit code is the number of failed tests', () => {
    expect(result.code, result.stdout + result.stderr).toBe(2);
  });

  it('passes and fails each test as its title says, with pook reports as the messages', () => {
    const outcomes = outcomesOfMochaJson(fixture.read('results.json'));
    expectFixtureOutcomes(outcomes, { tests: 11, concurrent: 0 });
    const parallel = [...outcomes.keys()].filter((title) => /^passes: parallel test \d sees only its own mock$/.test(title));
    expect(parallel).toHaveLength(3);
  });
});
