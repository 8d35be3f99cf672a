import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Runs a runner's fixture project as a user would: the fixture is copied to
// a fresh directory where pook is installed (package.json and its "files",
// as npm installs it) next to links to the runner and pook's dependencies, and the
// real runner runs there in a subprocess, on the Node.js that runs this
// suite. `npm test` builds dist/ first; run `npx tsup` before running a
// runner test alone.

const root = fileURLToPath(new URL('../../', import.meta.url));

/** How a runner's process ended. */
export interface RunnerResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A fixture project installed in a temporary directory. */
export interface InstalledFixture {
  readonly dir: string;
  /** The script of an installed package's command (its package.json "bin"). */
  bin(name: string, command?: string): string;
  /** Runs `args` with this Node.js binary in the fixture's directory; kills it after `timeout` ms. */
  run(args: readonly string[], options?: { readonly timeout?: number; readonly env?: Record<string, string> }): Promise<RunnerResult>;
  /** Reads a file the run wrote, relative to the fixture's directory. */
  read(path: string): string;
  remove(): void;
}

/** The script of a package's command (its package.json "bin"), in the node_modules folder `modules`. */
function binIn(modules: string, name: string, command: string): string {
  const dir = join(modules, name);
  const { bin } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { bin?: string | Record<string, string> };
  const file = typeof bin === 'string' ? bin : bin?.[command];
  if (file === undefined) throw new Error(`${name} has no "${command}" command`);
  return join(dir, file);
}

/** The entries of pook's package.json "files": what npm puts in the package besides package.json. */
export function packageFiles(): string[] {
  const { files } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { files: string[] };
  return files;
}

/**
 * Installs `test/runners/<runner>/fixture` in a temporary directory: pook as
 * npm installs it (package.json and its "files" copied to node_modules/pook), and
 * every other package of this repository's node_modules linked next to it.
 * @param runner - the fixture's folder name
 * @param copies - packages to copy rather than link, for runners that resolve
 *   plugins from their own location (mocha loads `--require pook/mocha` from
 *   where it is installed, which must be next to pook as in a real install)
 */
export function installFixture(runner: string, copies: readonly string[] = []): InstalledFixture {
  if (!existsSync(join(root, 'dist/index.js'))) {
    throw new Error('dist/ is missing: build the package first (npx tsup, or npm test which builds before testing).');
  }
  const dir = mkdtempSync(join(tmpdir(), `pook-${runner}-`));
  cpSync(join(root, 'test/runners', runner, 'fixture'), dir, { recursive: true });
  const modules = join(dir, 'node_modules');
  mkdirSync(join(modules, 'pook'), { recursive: true });
  // What npm packs: package.json and the entries of its "files" (dist, and
  // the sources its source maps name).
  cpSync(join(root, 'package.json'), join(modules, 'pook/package.json'));
  for (const entry of packageFiles()) cpSync(join(root, entry), join(modules, 'pook', entry), { recursive: true });
  for (const name of copies) cpSync(join(root, 'node_modules', name), join(modules, name), { recursive: true });
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry.startsWith('.') || entry === 'pook' || copies.includes(entry)) continue;
    symlinkSync(join(root, 'node_modules', entry), join(modules, entry), 'dir');
  }
  return {
    dir,
    bin(name, command = name) {
      return binIn(modules, name, command);
    },
    run(args, options = {}) {
      return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [...args], {
          cwd: dir,
          env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', CI: 'true', ...options.env },
          stdio: ['ignore', 'pipe', 'pipe'],
          // Its own process group, so a timeout ends the runner's workers too.
          detached: true,
        });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            child.kill('SIGKILL');
          }
        }, options.timeout ?? 60_000);
        child.on('error', reject);
        child.on('close', (code, signal) => {
          clearTimeout(timer);
          resolve({ code, signal, stdout, stderr });
        });
      });
    },
    read(path) {
      return readFileSync(join(dir, path), 'utf8');
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A test's outcome as the runner reported it. */
export interface TestOutcome {
  readonly status: 'passed' | 'failed' | 'skipped';
  /** The failure message(s) the runner reported, joined. */
  readonly message: string;
}

/** Outcomes from a Jest-style JSON report (Jest's --json, Vitest's json reporter): by test title. */
export function outcomesOfJsonReport(json: string): Map<string, TestOutcome> {
  const report = JSON.parse(json) as {
    testResults: Array<{ assertionResults: Array<{ title: string; status: string; failureMessages?: string[] | null }> }>;
  };
  const outcomes = new Map<string, TestOutcome>();
  for (const file of report.testResults) {
    for (const test of file.assertionResults) {
      const status = test.status === 'passed' ? 'passed' : test.status === 'failed' ? 'failed' : 'skipped';
      outcomes.set(test.title, { status, message: (test.failureMessages ?? []).join('\n') });
    }
  }
  return outcomes;
}

/** Outcomes from Mocha's json reporter: by test title. */
export function outcomesOfMochaJson(json: string): Map<string, TestOutcome> {
  const report = JSON.parse(json) as { tests: Array<{ title: string; err: { message?: string } }>; pending: Array<{ title: string }> };
  const outcomes = new Map<string, TestOutcome>();
  for (const test of report.tests) {
    const message = test.err.message ?? '';
    outcomes.set(test.title, { status: message === '' && !('stack' in test.err) ? 'passed' : 'failed', message });
  }
  for (const test of report.pending) outcomes.set(test.title, { status: 'skipped', message: '' });
  return outcomes;
}

/** Outcomes from the fixture's own node:test JSON reporter (test/runners/node-test/fixture/json-reporter.mjs). */
export function outcomesOfNodeTestJson(json: string): Map<string, TestOutcome> {
  return new Map(Object.entries(JSON.parse(json) as Record<string, TestOutcome>));
}
