// `pook migrate nock` as a user runs it: nock-style test suites (mocha, ES
// module and CommonJS; node:test in TypeScript) against app code and a
// loopback server pass with nock; the built CLI rewrites them in place; the
// output is exactly the golden files, compiles with tsc, and the rewritten
// suites pass against pook. Runs the built package (`npm test` builds it).
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = join(root, 'test', 'migrate', 'fixtures');
const golden = join(root, 'test', 'migrate', 'golden');
const SUITES = { mocha: ['repos.spec.mjs', 'token.spec.cjs'], nodeTest: ['health.test.mts'] } as const;
const REWRITTEN = [...SUITES.mocha, ...SUITES.nodeTest, 'idioms.mjs'];

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, timeout: 60_000, env: { ...process.env, NODE_OPTIONS: '' } }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
  });
}

const mocha = join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const cli = join(root, 'dist', 'cli.js');

let work: string;

/** A project of its own: the fixtures, and node_modules linking pook (this package), nock, mocha and @types/node. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pook-migrate-'));
  for (const file of readdirSync(fixtures)) copyFileSync(join(fixtures, file), join(dir, file));
  mkdirSync(join(dir, 'node_modules', '@types'), { recursive: true });
  symlinkSync(root, join(dir, 'node_modules', 'pook'), 'dir');
  for (const name of ['nock', 'mocha', '@types/node']) symlinkSync(join(root, 'node_modules', name), join(dir, 'node_modules', name), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'migrated-app', private: true, type: 'module' }));
  return dir;
}

beforeAll(() => {
  expect(existsSync(cli), 'dist/cli.js is missing: npm test builds it first').toBe(true);
  work = project();
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Each test spawns mocha, node --test or tsc: minutes on a busy machine, not the suite's 20 s.
describe('pook migrate nock', { timeout: 120_000 }, () => {
  it('the nock suites pass with nock, as written', async () => {
    const before = await run([mocha, ...SUITES.mocha], work);
    expect(before.stdout, before.stderr).toContain('8 passing');
    expect(before.code).toBe(0);
    const nodeTest = await run(['--test', '--test-reporter=tap', ...SUITES.nodeTest], work);
    expect(nodeTest.stdout, nodeTest.stderr).toMatch(/# pass 2\n# fail 0/);
  });

  it('rewrites the files in place and reports each file with its TODOs', async () => {
    const { code, stdout, stderr } = await run([cli, 'migrate', 'nock', ...REWRITTEN], work);
    expect({ code, stdout }).toEqual({ code: 0, stdout: '' });
    expect(stderr).toContain('repos.spec.mjs: rewrote, 11 nock expressions, 0 TODO(pook)');
    expect(stderr).toContain('token.spec.cjs: rewrote, 7 nock expressions, 0 TODO(pook)');
    expect(stderr).toContain('health.test.mts: rewrote, 8 nock expressions, 0 TODO(pook)');
    expect(stderr).toContain('idioms.mjs: rewrote, 18 nock expressions, 9 TODO(pook)');
    expect(stderr).toContain('  TODO(pook): nock.back: pook has no recorder');
  });

  it('writes exactly the golden files', () => {
    for (const file of REWRITTEN) {
      const output = readFileSync(join(work, file), 'utf8');
      if (process.env.POOK_UPDATE_GOLDEN === '1') writeFileSync(join(golden, file), output);
      expect(output, file).toBe(readFileSync(join(golden, file), 'utf8'));
    }
  });

  it('its output compiles: the TypeScript suite type-checks against pook, the JavaScript parses', async () => {
    writeFileSync(
      join(work, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2023', 'DOM'],
          types: ['node'],
          strict: true,
          allowJs: true,
          noEmit: true,
          skipLibCheck: true,
          allowImportingTsExtensions: true,
        },
        files: REWRITTEN,
      }),
    );
    const result = await run([tsc, '-p', 'tsconfig.json'], work);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('the rewritten suites pass against pook', async () => {
    const after = await run([mocha, ...SUITES.mocha], work);
    expect(after.stdout, after.stderr).toContain('8 passing');
    expect(after.code).toBe(0);
    const nodeTest = await run(['--test', '--test-reporter=tap', ...SUITES.nodeTest], work);
    expect(nodeTest.stdout, nodeTest.stderr).toMatch(/# pass 2\n# fail 0/);
    // nock is gone from them.
    for (const file of [...SUITES.mocha, ...SUITES.nodeTest])
      expect(readFileSync(join(work, file), 'utf8')).not.toMatch(/\bnock\(|require\('nock'\)|from 'nock'/);
  });

  it('--check writes nothing and fails when a file would change; --stdout prints', async () => {
    const fresh = project();
    try {
      const check = await run([cli, 'migrate', 'nock', '--check', 'repos.spec.mjs'], fresh);
      expect(check.code).toBe(1);
      expect(check.stderr).toContain('repos.spec.mjs: would rewrite');
      expect(readFileSync(join(fresh, 'repos.spec.mjs'), 'utf8')).toBe(readFileSync(join(fixtures, 'repos.spec.mjs'), 'utf8'));
      const printed = await run([cli, 'migrate', 'nock', '--stdout', 'repos.spec.mjs'], fresh);
      expect(printed.code).toBe(0);
      expect(printed.stdout).toBe(readFileSync(join(golden, 'repos.spec.mjs'), 'utf8'));
      const unchanged = await run([cli, 'migrate', 'nock', '--check', 'client.mjs'], fresh);
      expect(unchanged).toMatchObject({ code: 0, stderr: 'client.mjs: unchanged, 0 nock expressions, 0 TODO(pook)\n' });
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('usage errors exit 2; --help prints the usage', async () => {
    expect((await run([cli, 'migrate', '--help'], work)).stdout).toMatch(/^Usage: pook migrate nock <files…> \[options\]/);
    expect(await run([cli, 'migrate', 'msw', 'a.js'], work)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("cannot migrate from 'msw' (known: nock)"),
    });
    expect(await run([cli, 'migrate', 'nock'], work)).toMatchObject({ code: 2, stderr: expect.stringContaining('name the files to rewrite') });
    expect(await run([cli, 'migrate', 'nock', '--frob', 'a.js'], work)).toMatchObject({ code: 2 });
    expect((await run([cli, '--help'], work)).stdout).toContain('migrate  rewrite nock test files to pook');
  });

  it('without the typescript package, says how to install it and exits 1', async () => {
    // The built program alone, where no typescript can be resolved.
    const bare = mkdtempSync(join(tmpdir(), 'pook-migrate-bare-'));
    try {
      copyFileSync(cli, join(bare, 'cli.mjs'));
      writeFileSync(join(bare, 'a.mjs'), "import nock from 'nock';\n");
      const result = await run([join(bare, 'cli.mjs'), 'migrate', 'nock', 'a.mjs'], bare);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('the typescript package is needed to read your files, and is not installed');
      expect(result.stderr).toContain('npm install --save-dev typescript');
      expect(readFileSync(join(bare, 'a.mjs'), 'utf8')).toBe("import nock from 'nock';\n");
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
