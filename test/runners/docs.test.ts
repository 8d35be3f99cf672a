import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Each runner page (docs/runners/*.md) shows its complete example as the
// fixture files the suite runs: a block introduced by "`file`:" must be that
// file of test/runners/<runner>/fixture, byte for byte.

const RUNNERS: Readonly<Record<string, readonly string[]>> = {
  vitest: ['network.test.mjs', 'vitest.config.mjs', 'app.mjs', 'users.test.mjs'],
  jest: ['network.test.js', 'jest-esm/package.json', 'jest-esm/jest.config.js', 'jest.config.js', 'app.js', 'users.test.js'],
  'node-test': ['network.test.mjs', 'app.mjs', 'users.test.mjs', 'concurrent.test.mjs'],
  mocha: ['network.spec.mjs', '.mocharc.json', 'app.mjs', 'users.spec.mjs', 'parallel.spec.mjs', 'commonjs.spec.cjs'],
};

// A block of another fixture of the same runner says so after its name:
// "`package.json` (ES module project):" is test/runners/jest-esm/fixture/package.json.
const OTHER_FIXTURES: Readonly<Record<string, string>> = { 'ES module project': 'jest-esm' };

function blocks(markdown: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of markdown.matchAll(/^`([^`\n]+)`(?: \(([^)\n]+)\))?:\n\n```\w*\n([\s\S]*?)^```$/gm)) {
    const other = match[2] === undefined ? undefined : OTHER_FIXTURES[match[2]];
    if (match[2] !== undefined && other === undefined) throw new Error(`unknown fixture "${match[2]}" for ${match[1]}`);
    found.set(other === undefined ? match[1]! : `${other}/${match[1]}`, match[3]!);
  }
  return found;
}

describe('runner docs', () => {
  for (const [runner, files] of Object.entries(RUNNERS)) {
    it(`docs/runners/${runner}.md shows the fixture the suite runs`, () => {
      const shown = blocks(readFileSync(new URL(`../../docs/runners/${runner}.md`, import.meta.url), 'utf8'));
      expect([...shown.keys()]).toEqual(files);
      for (const file of files) {
        const [fixture, name] = file.includes('/') ? file.split('/') : [runner, file];
        expect(shown.get(file), file).toBe(readFileSync(new URL(`./${fixture}/fixture/${name}`, import.meta.url), 'utf8'));
      }
    });
  }
});
