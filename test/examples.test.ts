import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every script under examples/ is documentation (README and docs/ quote
// them): run each one as a user would, with the Node running this suite, so
// the docs cannot rot. Each script asserts its own claims and ends with a
// known line.

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const examples = join(root, 'examples');

/** The line each example must print (proof it ran to the end). */
const KEY_LINES: Readonly<Record<string, string>> = {
  'demo.mjs': 'demo finished: fetch and node:http are restored.',
  'usage.mjs': 'usage: all examples passed',
  'mocks.mjs': 'mocks: all examples passed',
  'responses.mjs': 'responses: all examples passed',
  'networking.mjs': 'networking: all examples passed',
  'errors.mjs': 'errors: all examples passed',
  'engines.mjs': 'engines: all examples passed',
  'when-nothing-matches.mjs': 'when-nothing-matches: all examples passed',
  'record-and-replay.mjs': 'record-and-replay: all examples passed',
  'commonjs.cjs': 'commonjs: require("pook") works',
  'server.mjs': 'server: all examples passed',
};

const scripts = readdirSync(examples)
  .filter((name) => /\.(mjs|cjs)$/.test(name))
  .sort();

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(script: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(examples, script)], { cwd: root, timeout: 30_000, env: { ...process.env, NODE_OPTIONS: '' } }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('examples', () => {
  it('imports pook from the build (run `npm run build` first)', () => {
    expect(existsSync(join(root, 'dist', 'index.js')), 'dist/index.js is missing: npm test builds it first').toBe(true);
  });

  it('has a key line for every example script', () => {
    expect(scripts).toEqual(Object.keys(KEY_LINES).sort());
  });

  it('shows the demo that the README quick start runs', () => {
    expect(scripts).toContain('demo.mjs');
  });

  it.concurrent.each(scripts)('%s runs to the end', async (script) => {
    const { code, stdout, stderr } = await run(script);
    expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.split('\n')).toContain(KEY_LINES[script]);
  });

  it('the demo prints the pook error of the unmocked call', async () => {
    const { code, stdout } = await run('demo.mjs');
    expect(code).toBe(0);
    expect(stdout).toContain(`pook demo on Node ${process.version}:`); // the Node under test, also in the matrix
    expect(stdout).toContain('fetch rejected with TypeError: fetch failed');
    expect(stdout).toContain('error.cause is PookNoMatchesError (code POOK_NO_MATCH)');
    expect(stdout).toContain('pook: no mock matches POST https://api.pook.test/users');
    expect(stdout).toContain('✗ json: $.name: expected "linus", got "guido"');
  });
});
