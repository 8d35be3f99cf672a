// `pook serve` as a user starts it: the built CLI (dist/cli.js) in a child
// process, ready once it prints its readiness line.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const cli: string = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
export const serverFixtures: string = fileURLToPath(new URL('../fixtures/server/', import.meta.url));

// Servers a failed test did not stop are stopped when the test process exits.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A running `pook serve` child process. */
export interface ServerProcess {
  readonly child: ChildProcess;
  /** Its base URL, from the readiness line. */
  readonly url: string;
  /** Everything it printed on stdout so far. */
  stdout(): string;
  /** Everything it printed on stderr so far. */
  stderr(): string;
  /** Waits until stdout contains `text` (or fails after `ms`). */
  waitFor(text: string | RegExp, ms?: number): Promise<void>;
  /** Sends `signal` and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `node dist/cli.js serve --port 0 …args` in `cwd` and waits for
 * `pook listening on <url>`.
 */
export function startServer(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', ...args], {
    cwd: options.cwd ?? serverFixtures,
    env: { ...process.env, NODE_OPTIONS: '', NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let out = '';
  let err = '';
  const waiters: Array<() => void> = [];
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    for (const waiter of waiters.splice(0)) waiter();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitFor = (text: string | RegExp, ms = 10_000): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`pook serve did not print ${String(text)} within ${ms}ms; stdout:\n${out}\nstderr:\n${err}`)), ms);
      const check = (): void => {
        if (typeof text === 'string' ? out.includes(text) : text.test(out)) {
          clearTimeout(timer);
          resolve();
        } else waiters.push(check);
      };
      check();
      exited.then(() => {
        clearTimeout(timer);
        if (!(typeof text === 'string' ? out.includes(text) : text.test(out))) reject(new Error(`pook serve exited; stdout:\n${out}\nstderr:\n${err}`));
      });
    });
  return waitFor(/pook listening on (\S+)/).then(() => ({
    child,
    url: /pook listening on (https?:\/\/[^\s"]+)/.exec(out)![1]!,
    stdout: () => out,
    stderr: () => err,
    waitFor,
    stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  }));
}

/** Runs `node dist/cli.js …args` to the end. */
export function runCli(args: readonly string[], cwd: string = serverFixtures): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env: { ...process.env, NODE_OPTIONS: '', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
