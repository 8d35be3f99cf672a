// The `pook` program as a user runs it: the built dist/cli.js (the package's
// "bin") in a child process, its output and exit code.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { POOK_VERSION } from '../../src/core/version.js';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string; bin: Record<string, string> };

/** Runs `pook …` and returns its exit code and output, whatever the code. */
async function pook(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

describe('pook CLI', () => {
  it('is the package bin, and knows the package version', () => {
    expect(pkg.bin).toEqual({ pook: './dist/cli.js' });
    expect(POOK_VERSION).toBe(pkg.version);
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('prints its version', async () => {
    expect(await pook('--version')).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    expect((await pook('-v')).stdout).toBe(`${pkg.version}\n`);
  });

  it('prints its help on --help, exit 0', async () => {
    const result = await pook('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: pook <command> \[options\]/);
    expect(result.stdout).toContain('-v, --version');
  });

  it('exits 2 with the help on standard error for no command, an unknown command or an unknown option', async () => {
    for (const args of [[], ['frobnicate'], ['--frobnicate']]) {
      const result = await pook(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('Usage: pook <command>');
    }
    expect((await pook('frobnicate')).stderr).toContain("unknown command 'frobnicate'");
    expect((await pook('--frobnicate')).stderr).toContain("Unknown option '--frobnicate'");
  });
});
