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

// The mock servers' scenarios (bench/server.mjs, run by bench/run.mjs): a
// quick run with pook and mockttp (Node only: no JVM to start), and the
// memory scenario with its plain node:http control.
interface ServerReport {
  readonly results: {
    readonly 'server-one': Record<string, { readonly rps?: Stats; readonly p99?: Stats; readonly errors: number; readonly failures: readonly string[] }>;
    readonly 'server-memory': Record<
      'pook' | 'node',
      {
        readonly requests: number;
        readonly errors: number;
        readonly samples: ReadonlyArray<{ requests: number; heapUsed: number; calls: number; history: number }>;
      }
    >;
  };
}

const serverRun = new Promise<{ code: number | null; stderr: string }>((resolve) => {
  const argv = ['bench/run.mjs', '--quick', '--only=server-one,server-memory', '--servers=pook,mockttp', `--out=${out}`];
  execFile(process.execPath, argv, { cwd: root, timeout: 150_000, env: { ...process.env, NODE_OPTIONS: '' } }, (error, _stdout, stderr) => {
    resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stderr });
  });
});

describe('npm run bench -- --only=server-one,server-memory (quick smoke run)', () => {
  it('measures each server under autocannon and writes its own report', { timeout: 180_000 }, async () => {
    const { code, stderr } = await serverRun;
    expect(code, stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'server-quick.json'), 'utf8')) as ServerReport;
    for (const name of ['pook', 'mockttp']) {
      const cell = report.results['server-one'][name]!;
      expect(cell.failures).toEqual([]);
      expect(cell.errors).toBe(0);
      expect(cell.rps!.median).toBeGreaterThan(0);
      expect(cell.p99!.n).toBe(1);
    }
    expect(readFileSync(join(out, 'server-quick.md'), 'utf8')).toMatch(/\| one mock \| requests\/s \| [\d,]+ /);
  });

  it('samples the memory of a pook server with a history limit, and of plain node:http, at every tenth of the run', { timeout: 180_000 }, async () => {
    await serverRun;
    const memory = JSON.parse(readFileSync(join(out, 'server-quick.json'), 'utf8')).results['server-memory'] as ServerReport['results']['server-memory'];
    for (const kind of ['pook', 'node'] as const) {
      expect(memory[kind].errors).toBe(0);
      expect(memory[kind].samples.map((s) => s.requests)).toEqual(Array.from({ length: 11 }, (_, i) => i * 2_000));
    }
    // Every request reached the mock, whose history keeps the last 100 only.
    const last = memory.pook.samples.at(-1)!;
    expect(last.calls).toBe(20_000);
    expect(last.history).toBe(100);
  });
});
