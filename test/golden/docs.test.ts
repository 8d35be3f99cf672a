import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// docs/when-nothing-matches.md quotes real output only: every block marked
// `<!-- output: <section> -->` must be exactly what
// examples/when-nothing-matches.mjs prints under `===== <section>` (its
// `  ok  …` check lines left out). Like test/examples.test.ts, this runs the
// built package (`npm test` builds it first).

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The script's output, by section. */
function sections(stdout: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const part of stdout.split(/^===== /m).slice(1)) {
    const [title = '', ...lines] = part.split('\n');
    const body = lines.filter((line) => !line.startsWith('  ok  ') && !line.startsWith('when-nothing-matches: all examples passed'));
    result.set(title, body.join('\n').trim());
  }
  return result;
}

/** The quoted blocks of the page, by section. */
function quoted(markdown: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const match of markdown.matchAll(/<!-- output: (.+?) -->\n```text\n([\s\S]*?)```/g)) result.set(match[1]!, match[2]!.trim());
  return result;
}

describe('docs/when-nothing-matches.md', () => {
  it('quotes exactly what examples/when-nothing-matches.mjs prints', async () => {
    expect(existsSync(join(root, 'dist', 'index.js')), 'dist/index.js is missing: npm test builds it first').toBe(true);
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, [join(root, 'examples', 'when-nothing-matches.mjs')], { cwd: root, timeout: 30_000, env: { ...process.env, NODE_OPTIONS: '' } }, (error, out) =>
        error === null ? resolve(out) : reject(error),
      );
    });
    const printed = sections(stdout);
    const page = quoted(readFileSync(join(root, 'docs', 'when-nothing-matches.md'), 'utf8'));
    expect(page.size).toBeGreaterThanOrEqual(12);
    for (const [title, block] of page) {
      expect(printed.has(title), `the script prints a "${title}" section`).toBe(true);
      expect(block, title).toBe(printed.get(title));
    }
  });
});
