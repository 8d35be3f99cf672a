import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFixtureOutcomes, expectNetworkOutcomes } from './expectations.js';
import { type InstalledFixture, installFixture, outcomesOfMochaJson, type RunnerResult } from './harness.js';

// test/runners/mocha/fixture (ES module specs and a CommonJS one), run by the real mocha binary
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
    expect(result.code, result.stdout + result.stderr).toBe(4);
  });

  it('passes and fails each test as its title says, with pook reports as the messages', () => {
    const outcomes = outcomesOfMochaJson(fixture.read('results.json'));
    expectFixtureOutcomes(outcomes, { tests: 15, concurrent: 0 });
    const parallel = [...outcomes.keys()].filter((title) => /^passes: parallel test \d sees only its own mock$/.test(title));
    expect(parallel).toHaveLength(3);
  });

  it('runs CommonJS specs with the ES module ones on one pook: their mocks answer, and their pending mocks fail', () => {
    const outcomes = outcomesOfMochaJson(fixture.read('results.json'));
    expect(outcomes.get('passes: a mock declared in a CommonJS spec serves the request')?.status).toBe('passed');
    const pending = outcomes.get('fails: a mock declared in a CommonJS spec stays pending');
    expect(pending?.status).toBe('failed');
    expect(pending?.message).toContain('pook: 1 mock is still pending');
    expect(pending?.message).toContain('GET     http://api.test/users/6');
  });

  it('with network on, passes a test whose request went to its loopback server, and fails one whose request was blocked', () => {
    expectNetworkOutcomes(outcomesOfMochaJson(fixture.read('results.json')));
  });
});
