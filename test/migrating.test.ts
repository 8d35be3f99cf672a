import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The migration guides (docs/migrating/*.md) are run, as examples/ are
// (test/examples.test.ts): every ```js block of a guide is a program that
// imports pook and asserts what the page claims. Each runs in a project of its
// own, where `pook` is this package's build (`npm test` builds it first) and
// the libraries a guide compares pook with (msw, fetch-mock, undici) resolve.

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const guides = join(root, 'docs', 'migrating');
const LINKED = ['msw', 'fetch-mock', 'undici', 'nock'];

/** Each guide with its number of runnable blocks, so a block cannot silently stop being run. */
const GUIDES: Readonly<Record<string, number>> = { 'nock.md': 4, 'msw.md': 3, 'fetch-mock.md': 2, 'mockagent.md': 2 };

function blocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);
}

let work: string;

beforeAll(() => {
  expect(existsSync(join(root, 'dist', 'index.js')), 'dist/index.js is missing: npm test builds it first').toBe(true);
  work = mkdtempSync(join(tmpdir(), 'pook-guides-'));
  mkdirSync(join(work, 'node_modules'));
  symlinkSync(root, join(work, 'node_modules', 'pook'), 'dir');
  for (const name of LINKED) symlinkSync(join(root, 'node_modules', name), join(work, 'node_modules', name), 'dir');
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'guide-examples', private: true, type: 'module' }));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [file], { cwd: work, timeout: 30_000, env: { ...process.env, NODE_OPTIONS: '' } }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
  });
}

// Every guide runs its examples one after the other, a process each.
describe('migration guides', { timeout: 120_000 }, () => {
  it('lists every guide', () => {
    expect(readdirSync(guides).sort()).toEqual(Object.keys(GUIDES).sort());
  });

  for (const [guide, count] of Object.entries(GUIDES)) {
    it(`docs/migrating/${guide}: every example runs to the end`, async () => {
      const examples = blocks(readFileSync(join(guides, guide), 'utf8'));
      expect(examples).toHaveLength(count);
      for (const [i, code] of examples.entries()) {
        expect(code, `${guide} example ${i + 1} imports pook`).toMatch(/from 'pook'/);
        const file = join(work, `${guide.replace('.md', '')}-${i + 1}.mjs`);
        writeFileSync(file, code);
        const result = await run(file);
        expect({ example: i + 1, code: result.code, stderr: result.stderr }).toEqual({ example: i + 1, code: 0, stderr: '' });
      }
    });
  }
});
