import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const hooks = fileURLToPath(new URL('./ts-hooks.mjs', import.meta.url));

/** What a child process printed. */
export interface ChildRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a TypeScript script (importing pook's source) in a fresh Node process,
 * from the repository root, with extra environment variables.
 */
export function runTs(script: string, env: Readonly<Record<string, string | undefined>> = {}): Promise<ChildRun> {
  const file = fileURLToPath(new URL(`../fixtures/child/${script}`, import.meta.url));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--no-warnings', '--import', hooks, file],
      { cwd: fileURLToPath(new URL('../..', import.meta.url)), timeout: 30_000, env: { ...process.env, NODE_OPTIONS: '', NODE_DEBUG: '', ...env } },
      (error, stdout, stderr) => resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr }),
    );
  });
}
