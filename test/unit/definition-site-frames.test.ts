import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import vm from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { formatLocation } from '../../src/diagnostics/location.js';
import { parseDefinitionSite } from '../../src/engine/definition-site.js';
import pook, { type Mock } from '../../src/index.js';

// Definition sites beyond plain files (docs/mocks.md, "Definition sites"):
// pook's own frames are skipped however a stack names them (source-mapped
// into src/ as Jest and --enable-source-maps print them, dist/, an installed
// node_modules/pook), and code without a file (node -e, vm, eval) gets the
// name V8 gives it instead of no site. test/runners/jest.test.ts proves the
// first under Jest itself.

afterEach(() => pook.off());

const THIS_FILE = 'test/unit/definition-site-frames.test.ts';
const SOURCE = readFileSync(THIS_FILE, 'utf8').split('\n');
/** The 1-based line of this file that holds `text`. */
const lineOf = (text: string): number => SOURCE.findIndex((line) => line.includes(text)) + 1;
const site = (mock: Mock): string | undefined => formatLocation(mock.definedAt);

describe('the frames a site skips: pook, however the stack names it', () => {
  const root = process.cwd();
  const stack = (...frames: string[]): string => ['Error', ...frames.map((frame) => `    at ${frame}`)].join('\n');

  it('source-mapped frames of an installed pook (as Jest prints them: node_modules/pook/src/…), and its dist/ files', () => {
    const site = parseDefinitionSite(
      stack(
        'Object.get (/tmp/app/node_modules/pook/src/api/define.ts:51:10)',
        'Mock.url (/tmp/app/node_modules/pook/src/engine/mock.ts:236:7)',
        'define (/tmp/app/node_modules/pook/dist/index.cjs:4100:12)',
        'new Promise (<anonymous>)',
        'Object.<anonymous> (/tmp/app/users.test.js:16:10)',
      ),
    );
    expect(site).toEqual({ file: '/tmp/app/users.test.js', line: 16, column: 10 });
  });

  it("this package's own src/ and dist/, as paths and as file URLs; its tests are the user's", () => {
    const site = parseDefinitionSite(
      stack(
        `get (${join(root, 'src', 'api', 'define.ts')}:51:10)`,
        `file://${join(root, 'src', 'engine', 'mock.ts')}:236:7`,
        `${join(root, 'dist', 'index.js')}:1:1`,
        `Object.<anonymous> (${join(root, 'test', 'unit', 'users.test.ts')}:7:3)`,
      ),
    );
    expect(site).toEqual({ file: join(root, 'test', 'unit', 'users.test.ts'), line: 7, column: 3 });
  });

  it("Node's own frames and native ones", () => {
    const site = parseDefinitionSite(
      stack(
        'runScriptInThisContext (node:internal/vm:219:10)',
        '[eval]-wrapper:6:24',
        'async Promise.all (index 0)',
        'Array.map (<anonymous>)',
        '/srv/app.js:2:1',
      ),
    );
    expect(site).toEqual({ file: '/srv/app.js', line: 2, column: 1 });
  });

  it('code without a file keeps the name V8 gives it: node -e, stdin, vm', () => {
    expect(parseDefinitionSite(stack('[eval]:1:57'))).toEqual({ file: '[eval]', line: 1, column: 57 });
    expect(parseDefinitionSite(stack('f ([eval]:1:22)'))).toEqual({ file: '[eval]', line: 1, column: 22 });
    expect(parseDefinitionSite(stack('[stdin]:3:13'))).toEqual({ file: '[stdin]', line: 3, column: 13 });
    expect(parseDefinitionSite(stack('evalmachine.<anonymous>:2:1'))).toEqual({ file: 'evalmachine.<anonymous>', line: 2, column: 1 });
    expect(parseDefinitionSite(stack('my-script.js:4:9'))).toEqual({ file: 'my-script.js', line: 4, column: 9 });
  });

  it('code run by eval() or new Function() is reported at the place of that call, however deeply nested', () => {
    expect(parseDefinitionSite(stack('eval (eval at <anonymous> (/app/setup.js:3:5), <anonymous>:1:1)'))).toEqual({
      file: '/app/setup.js',
      line: 3,
      column: 5,
    });
    expect(parseDefinitionSite(stack('eval (eval at f (eval at g (/app/deep.js:9:2), <anonymous>:1:1), <anonymous>:2:2)'))).toEqual({
      file: '/app/deep.js',
      line: 9,
      column: 2,
    });
    expect(parseDefinitionSite(stack('eval (eval at <anonymous> ([eval]:1:239), <anonymous>:1:1)'))).toEqual({ file: '[eval]', line: 1, column: 239 });
  });
});

describe('definition sites of evaluated code', () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).__pookSite;
  });

  it('vm: the script name (evalmachine.<anonymous>, or the filename given), and its line', () => {
    (globalThis as Record<string, unknown>).__pookSite = pook;
    const plain = vm.runInThisContext("\n__pookSite.get('api.test/vm')") as Mock;
    const named = vm.runInThisContext("__pookSite.get('api.test/vm')", { filename: 'fixtures/setup.vm.js' }) as Mock;
    expect(plain.definedAt).toMatchObject({ file: 'evalmachine.<anonymous>', line: 2 });
    expect(site(plain)).toBe('evalmachine.<anonymous>:2');
    expect(site(named)).toBe('fixtures/setup.vm.js:1');
  });

  it('eval() and new Function(): the line of that call in this file', () => {
    const p = pook;
    // biome-ignore lint/security/noGlobalEval: evaluated code is what is under test
    const evaluated = eval("p.get('api.test/eval')") as Mock;
    const made = new Function('pook', "return pook.get('api.test/function')")(p) as Mock;
    expect(p).toBe(pook);
    expect(site(evaluated)).toBe(`${THIS_FILE}:${lineOf('eval("p.get(\'api.test/eval\')")')}`);
    expect(site(made)).toBe(`${THIS_FILE}:${lineOf("new Function('pook', \"return pook.get('api.test/function')\")")}`);
  });

  it('node -e (CommonJS and ES module): [eval] and its line, in the no-match report too', async () => {
    const run = (args: readonly string[]): Promise<string> =>
      new Promise((resolveRun, reject) => {
        execFile(
          process.execPath,
          ['--no-warnings', '--import', resolve('test/helpers/ts-hooks.mjs'), ...args],
          { cwd: process.cwd(), timeout: 30_000, env: { ...process.env, NODE_OPTIONS: '' } },
          (error, stdout, stderr) => (error === null ? resolveRun(stdout) : reject(new Error(`${error.message}\n${stderr}`))),
        );
      });
    const script = [
      "const mock = pook.get('api.test/users');",
      "const error = pook.engine().noMatchError(new pook.PookRequest({ method: 'GET', url: 'http://api.test/other' }));",
      'console.log(JSON.stringify({ at: mock.definedAt, report: /defined at (\\S+)/.exec(error.message)?.[1] }));',
    ];
    const cjs = JSON.parse(await run(['-e', ["const pook = require('./src/index.ts').default;", ...script].join('\n')])) as { at: unknown; report: string };
    expect(cjs).toEqual({ at: { file: '[eval]', line: 2, column: expect.any(Number) }, report: '[eval]:2' });
    const esm = JSON.parse(await run(['--input-type=module', '-e', ["import pook from './src/index.ts';", ...script].join('\n')])) as {
      at: { file: string; line: number };
      report: string;
    };
    // An ES module evaluated from the command line is named after the working directory: file:///…/[eval1].
    expect(esm.at).toMatchObject({ file: resolve('[eval1]'), line: 2 });
    expect(esm.report).toBe('[eval1]:2');
  });
});
