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
