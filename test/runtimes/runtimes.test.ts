// The contract cases that apply to any server-side runtime (cases.mjs), run
// on the built package by Bun and Deno, both pinned devDependencies whose
// npm packages ship the binaries (docs/runtimes.md). Node runs the whole
// suite already; here each runtime runs the same script, and each of its
// cases is one test below. A known gap of a runtime is a skipped test that
// says why; cases.mjs lists them and docs/runtimes.md explains them.

import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

interface CaseResult {
  readonly case: string;
  readonly ok?: boolean;
  readonly error?: string;
  readonly skipped?: string;
}

interface Run {
  readonly results: CaseResult[];
  readonly summary: string | undefined;
  readonly failure: string | undefined;
}

const RUNTIMES: Readonly<Record<string, readonly string[]>> = {
  bun: [join(root, 'node_modules/.bin/bun'), 'test/runtimes/cases.mjs'],
  deno: [join(root, 'node_modules/.bin/deno'), 'run', '--allow-all', 'test/runtimes/cases.mjs'],
};

function run([command, ...args]: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    // No update checks or telemetry: the runtimes must not reach the network.
    const env = { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1', DO_NOT_TRACK: '1', BUN_DISABLE_TELEMETRY: '1' };
    execFile(command!, args, { cwd: root, env, timeout: 120_000 }, (error, stdout, stderr) => {
      const lines = stdout.split('\n').filter((line) => line.trim() !== '');
      const results = lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as CaseResult);
      const summary = lines.find((line) => /^\w+: \d+ passed, \d+ failed, \d+ skipped$/.test(line));
      resolve({ results, summary, failure: error === null ? undefined : `${error.message}\n${stderr}` });
    });
  });
}

// Both runtimes run at once while the tests are collected, so each case can be a test of its own.
const runs = Object.fromEntries(await Promise.all(Object.entries(RUNTIMES).map(async ([name, command]) => [name, await run(command)] as const))) as Record<
  string,
  Run
>;

for (const [name, { results, summary, failure }] of Object.entries(runs)) {
  describe(`${name}: the runtime contract cases (test/runtimes/cases.mjs)`, () => {
    it('ran to the end', () => {
      expect(summary, failure).toMatch(new RegExp(`^${name}: \\d+ passed, 0 failed, \\d+ skipped$`));
      expect(results.length).toBeGreaterThanOrEqual(20);
    });
    for (const result of results) {
      if (result.skipped !== undefined) it.skip(`${result.case} (known gap: ${result.skipped})`, () => {});
      else it(result.case, () => expect(result.error ?? 'passed').toBe('passed'));
    }
  });
}
