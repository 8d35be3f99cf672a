import { aroundEach } from 'vitest';
import { TestRun } from './test-run.js';

// `setupFiles: ['pook/vitest']`. aroundEach wraps beforeEach, the test,
// afterEach and onTestFinished, so they all run in the test's own scope (its
// async context); a test that runs alone is given a global scope as well,
// for code whose context began outside it (a server started in beforeAll).
// Concurrent tests get async-context scopes only (docs/runners/vitest.md).

/** The part of a Vitest task that names a test: its own name, its suites', its file's path. */
interface NamedTask {
  readonly name: string;
  readonly fullTestName?: string;
  readonly suite?: NamedTask | undefined;
  readonly file?: { readonly filepath?: string };
}

/** The test's full name: Vitest's own (its suites' names and its own), or made of them on older versions. */
function fullName(task: NamedTask): string {
  if (typeof task.fullTestName === 'string') return task.fullTestName;
  const names: string[] = [];
  for (let each: NamedTask | undefined = task; each !== undefined && each !== task.file; each = each.suite) if (each.name !== '') names.unshift(each.name);
  return names.join(' > ');
}

aroundEach(async (runTest, context) => {
  const task = context.task as unknown as NamedTask;
  await TestRun.around(runTest, {
    global: context.task.concurrent !== true,
    failed: () => context.task.result?.state === 'fail',
    identity: () => ({ file: task.file?.filepath, name: fullName(task) }),
  });
});

export type { TestCassetteOptions } from './test-cassette.js';
export { cassette } from './test-cassette.js';
export type { PookTestOptions } from './test-run.js';
export { configure } from './test-run.js';
