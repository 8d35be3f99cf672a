import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// Keeps `npm run bench` from rotting: a quick run of a few scenarios with
// pook, one peer and the floor, each in its own child process as in the
// real run. It checks the harness (children, medians, ratios, n/a rows,
// the report), never a timing: the machine may be busy.

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(join(tmpdir(), 'pook-bench-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

interface Stats {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
}
interface Cell {
  readonly na?: string;
  readonly errors: readonly string[];
  readonly us?: Stats;
  readonly bytes?: Stats;
}
interface Report {
  readonly meta: { readonly node: string; readonly libraries: Record<string, { readonly version: string }> };
  readonly scenarios: Record<string, { readonly libs: Record<string, Cell> }>;
}

const run = new Promise<{ code: number | null; stderr: string }>((resolve) => {
  const argv = ['bench/run.mjs', '--quick', '--only=fetch,http-get,history', '--libs=pook,mockagent,floor', `--out=${out}`, '--no-docs'];
  execFile(process.execPath, argv, { cwd: root, timeout: 90_000, env: { ...process.env, NODE_OPTIONS: '' } }, (error, _stdout, stderr) => {
    resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stderr });
  });
});

describe('npm run bench (quick smoke run)', () => {
  it('runs to the end and writes the report', { timeout: 120_000 }, async () => {
    const { code, stderr } = await run;
    expect(code, stderr).toBe(0);
    expect(readFileSync(join(out, 'quick.md'), 'utf8')).toContain('### Targets (issues 6 and 13), from this run');
  });

  it('measures every library in every round and reports medians with min–max', async () => {
    await run;
    const report = JSON.parse(readFileSync(join(out, 'quick.json'), 'utf8')) as Report;
    expect(report.meta.node).toBe(process.version);
    expect(Object.keys(report.meta.libraries).sort()).toEqual(['mockagent', 'pook']);
    for (const lib of ['pook', 'mockagent', 'floor']) {
      const cell = report.scenarios.fetch!.libs[lib]!;
      expect(cell.errors).toEqual([]);
      expect(cell.us!.n).toBe(2);
      expect(cell.us!.min).toBeLessThanOrEqual(cell.us!.median);
      expect(cell.us!.median).toBeLessThanOrEqual(cell.us!.max);
    }
  });

  it('reports n/a with the reason where a library cannot run a scenario', async () => {
    await run;
    const report = JSON.parse(readFileSync(join(out, 'quick.json'), 'utf8')) as Report;
    expect(report.scenarios['http-get']!.libs.mockagent!.na).toMatch(/node:http/);
    expect(report.scenarios['http-get']!.libs.pook!.us!.n).toBe(2);
    expect(readFileSync(join(out, 'quick.md'), 'utf8')).toMatch(/\| MockAgent \| n\/a: MockAgent replaces undici's dispatcher/);
  });

  it("measures the heap that pook's request history retains", async () => {
    await run;
    const report = JSON.parse(readFileSync(join(out, 'quick.json'), 'utf8')) as Report;
    // The child fails unless the history grew by exactly the number of requests.
    expect(report.scenarios.history!.libs.pook!.errors).toEqual([]);
    expect(Number.isFinite(report.scenarios.history!.libs.pook!.bytes!.median)).toBe(true);
    expect(report.scenarios.history!.libs.floor).toBeUndefined();
  });
});
