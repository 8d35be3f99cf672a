import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFixtureOutcomes, expectNetworkOutcomes, PENDING_TITLE, UNMATCHED_TITLE } from './expectations.js';
import { type InstalledFixture, installFixture, outcomesOfNodeTestJson, type RunnerResult } from './harness.js';

// test/runners/node-test/fixture, run twice as a user would: by `node --test
// --import pook/node-test` with the spec reporter on stdout and the
// fixture's JSON reporter to a file, and by `node --test --require
// pook/node-test` (the CommonJS form, which node also loads in the parent
// `node --test` process) with the junit reporter to a file.

let fixture: InstalledFixture;
let result: RunnerResult;
let required: RunnerResult;

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
      'skip.test.mjs',
      'network.test.mjs',
      'shared-scope.test.mjs',
    ],
    { timeout: 90_000 },
  );
  required = await fixture.run(
    [
      '--test',
      '--require',
      'pook/node-test',
      '--test-reporter=junit',
      '--test-reporter-destination=junit.xml',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      'commonjs.test.cjs',
      'skip.test.mjs',
    ],
    { timeout: 90_000 },
  );
}, 180_000);
afterAll(() => fixture?.remove());

const SHARED_TITLES = [1, 2].map((n) => `fails: plain concurrent test ${n} shares one scope with the other`);
const LEFT_MOCK_TITLES = [
  'fails: plain concurrent test declares a mock that lands in the scope of the other',
  'fails: plain concurrent test ends with the mock of the other in its scope',
];

describe('pook/node-test', () => {
  it('fails the run, with the failing tests and pook reports in its output', () => {
    const output = result.stdout + result.stderr;
    expect(result.code, output).toBe(1);
    expect(output).toMatch(new RegExp(`✖ ${PENDING_TITLE} \\(.*\\)\\n\\s+Error \\[PookPendingMocksError\\]: pook: 1 mock is still pending`));
    expect(output).toMatch(new RegExp(`✖ ${UNMATCHED_TITLE} \\(.*\\)\\n\\s+Error \\[PookUnmatchedRequestsError\\]: pook: 1 request matched no mock`));
    for (const title of SHARED_TITLES) {
      expect(output).toMatch(
        new RegExp(`✖ ${title} \\(.*\\)\\n\\s+Error \\[PookSharedScopeError\\]: pook: tests that ran at the same time shared one pook scope`),
      );
    }
    expect(output).toMatch(/ℹ tests 25\nℹ suites 8\nℹ pass 15\nℹ fail 7\nℹ cancelled 0\nℹ skipped 2\nℹ todo 1\n/);
  });

  it('passes and fails each test as its title says, with pook reports as the messages; concurrent tests stay isolated', () => {
    expectFixtureOutcomes(outcomesOfNodeTestJson(fixture.read('results.json')), { tests: 25, concurrent: 5 });
  });

  it('gives a test that calls t.skip() or t.todo() after declaring mocks no report: skipped, not failed', () => {
    const outcomes = outcomesOfNodeTestJson(fixture.read('results.json'));
    const skipped = [...outcomes].filter(([title]) => title.startsWith('skipped:'));
    expect(skipped).toHaveLength(3);
    for (const [title, outcome] of skipped) expect(outcome, title).toEqual({ status: 'skipped', message: '' });
    // The --require run has only skipped tests and one failure of its own.
    expect(required.stdout).toMatch(/ℹ fail 1\nℹ cancelled 0\nℹ skipped 2\nℹ todo 1\n/);
  });

  it('with network on, passes a test whose request went to its loopback server, and fails one whose request was blocked', () => {
    expectNetworkOutcomes(outcomesOfNodeTestJson(fixture.read('results.json')));
  });

  it("fails concurrent tests declared with node:test's own it that share a scope, telling them to use pook/node-test's", () => {
    const outcomes = outcomesOfNodeTestJson(fixture.read('results.json'));
    for (const title of SHARED_TITLES) {
      const message = outcomes.get(title)?.message ?? '';
      expect(message, title).toContain("pook: tests that ran at the same time shared one pook scope, so each could see and use the others' mocks:");
      expect(message, title).toContain('GET http://api.test/users/me reached the scope of');
      expect(message, title).toContain("Import `it`, `test`, `beforeEach` and `afterEach` from\n'pook/node-test' instead of 'node:test'");
    }
    for (const title of LEFT_MOCK_TITLES) {
      const message = outcomes.get(title)?.message ?? '';
      expect(message, title).toContain("pook: tests that ran at the same time shared one pook scope, so each could see and use the others' mocks:");
      expect(message, title).toContain('holds mocks (GET http://api.test/users/9) declared while the others ran');
    }
    expect(outcomes.get('passes: plain concurrent test 1 without mocks')?.status).toBe('passed');
    expect(outcomes.get('passes: subtest with a mock of its own')?.status).toBe('passed');
  });

  it('with --require, leaves the parent node --test process alone: one report on stdout, and a valid junit file with the real results', () => {
    const output = required.stdout + required.stderr;
    expect(required.code, output).toBe(1);
    expect(output.match(/ℹ tests \d+/g)).toEqual(['ℹ tests 5']);
    const xml = fixture.read('junit.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.match(/<\?xml /g)).toHaveLength(1);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml) as { testsuites: { testsuite: Array<Record<string, unknown>> } };
    const suites = [parsed.testsuites.testsuite].flat();
    expect(suites.map((suite) => [suite['@_name'], suite['@_tests'], suite['@_failures'], suite['@_skipped']])).toEqual([
      ['users (CommonJS)', '2', '1', '0'],
      ['skipped tests', '3', '0', '3'],
    ]);
    expect(xml).toContain('pook: 1 mock is still pending');
  });
});
