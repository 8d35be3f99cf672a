import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Each runner page (docs/runners/*.md) shows its complete example as the
// fixture files the suite runs: a block introduced by "`file`:" must be that
// file of test/runners/<runner>/fixture, byte for byte.

const RUNNERS: Readonly<Record<string, readonly string[]>> = {
  vitest: ['vitest.config.mjs', 'app.mjs', 'users.test.mjs'],
  jest: ['jest.config.js', 'app.js', 'users.test.js'],
  'node-test': ['app.mjs', 'users.test.mjs', 'concurrent.test.mjs'],
  mocha: ['.mocharc.json', 'app.mjs', 'users.spec.mjs', 'parallel.spec.mjs'],
};

function blocks(markdown: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of markdown.matchAll(/^`([^`\n]+)`:\n\n```\w*\n([\s\S]*?)^```$/gm)) found.set(match[1]!, match[2]!);
  return found;
}

describe('runner docs', () => {
  for (const [runner, files] of Object.entries(RUNNERS)) {
    it(`docs/runners/${runner}.md shows the fixture the suite runs`, () => {
      const shown = blocks(readFileSync(new URL(`../../docs/runners/${runner}.md`, import.meta.url), 'utf8'));
      expect([...shown.keys()]).toEqual(files);
      for (const file of files) {
        expect(shown.get(file), file).toBe(readFileSync(new URL(`./${runner}/fixture/${file}`, import.meta.url), 'utf8'));
      }
    });
  }
});
