import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { expect } from 'vitest';
import type { TestOutcome } from './harness.js';

// What every runner's fixture must show (issue 5): a passing test, a test
// failing because a mock stayed pending, one failing because a request went
// unmatched although the application swallowed the error, fake timers, and
// concurrent tests that stay isolated (where the runner has them). Titles
// say what must happen: "passes: …", "fails: …" or "skipped: …".

export const PENDING_TITLE = 'fails: a mock stays pending';
export const UNMATCHED_TITLE = 'fails: a request went unmatched, although the application swallowed the error';

/** Asserts each test passed or failed as its title says, with pook's reports as the failure messages. */
export function expectFixtureOutcomes(outcomes: ReadonlyMap<string, TestOutcome>, expected: { readonly tests: number; readonly concurrent: number }): void {
  expect([...outcomes.keys()]).toHaveLength(expected.tests);
  for (const [title, outcome] of outcomes) {
    const wanted = title.startsWith('fails:') ? 'failed' : title.startsWith('skipped:') ? 'skipped' : 'passed';
    expect(outcome.status, `${title}\n${outcome.message}`).toBe(wanted);
    if (wanted === 'skipped') expect(outcome.message, title).not.toContain('pook:');
  }
  const pending = outcomes.get(PENDING_TITLE);
  expect(pending?.message).toContain('pook: 1 mock is still pending');
  expect(pending?.message).toContain('GET     http://api.test/users/2');
  expect(pending?.message).not.toContain('matched no mock');

  const unmatched = outcomes.get(UNMATCHED_TITLE);
  expect(unmatched?.message).toContain('pook: 1 request matched no mock');
  expect(unmatched?.message).toContain('GET http://api.test/users/7');
  expect(unmatched?.message).not.toContain('still pending');

  const concurrent = [...outcomes.keys()].filter((title) => /^passes: concurrent test \d+ sees only its own mock$/.test(title));
  expect(concurrent).toHaveLength(expected.concurrent);
}

export const NETWORK_PASSES_TITLE = "passes: with network on, a request to the app's own loopback server goes through";
export const NETWORK_FAILS_TITLE = 'fails: with network on, a blocked request still fails the test';

/**
 * Asserts the networking tests' outcomes: with `configure({ network: true })`,
 * a request let through to the loopback server does not fail its test, and a
 * blocked one does, with a report that lists only the blocked request.
 */
export function expectNetworkOutcomes(outcomes: ReadonlyMap<string, TestOutcome>): void {
  expect(outcomes.get(NETWORK_PASSES_TITLE)?.status, outcomes.get(NETWORK_PASSES_TITLE)?.message).toBe('passed');
  const blocked = outcomes.get(NETWORK_FAILS_TITLE);
  expect(blocked?.status).toBe('failed');
  expect(blocked?.message).toContain('pook: 1 request matched no mock:');
  expect(blocked?.message).toContain('GET http://api.test/users/7 (blocked)');
  expect(blocked?.message).not.toContain('/health');
}

/**
 * Asserts that the stack frames a runner printed for a pook error that name
 * pook's files (through its source maps: `node_modules/pook/src/…`) name
 * files that the installed package has, and returns them.
 * @param message - the failure message, with its stack
 * @param dir - the fixture's directory, where relative frame paths start
 */
export function expectPookFramesExist(message: string, dir: string): string[] {
  const files = [...message.matchAll(/(?:file:\/\/)?([^\s():]*node_modules\/pook\/[^\s():]+)/g)].map((match) => match[1]!);
  expect(files, message).not.toHaveLength(0);
  for (const file of files) expect(existsSync(isAbsolute(file) ? file : join(dir, file)), `${file}\n${message}`).toBe(true);
  return files;
}
