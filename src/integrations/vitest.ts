import { aroundEach } from 'vitest';
import { TestRun } from './test-run.js';

// `setupFiles: ['pook/vitest']`. aroundEach wraps beforeEach, the test,
// afterEach and onTestFinished, so they all run in the test's own scope (its
// async context); a test that runs alone is given a global scope as well,
// for code whose context began outside it (a server started in beforeAll).
// Concurrent tests get async-context scopes only (docs/runners/vitest.md).

aroundEach(async (runTest, context) => {
  await TestRun.around(runTest, {
    global: context.task.concurrent !== true,
    failed: () => context.task.result?.state === 'fail',
  });
});

export type { PookTestOptions } from './test-run.js';
export { configure } from './test-run.js';
