// Keeps the browser benchmark (bench/browser.mjs) from rotting: one tiny
// round, checking that each library's page set up its mock and answered
// (no timing is checked: the machine may be busy).

import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, hasChromium, SKIP_REASON } from './chromium.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

describe.skipIf(!hasChromium)(`bench/browser.mjs${hasChromium ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  it('measures pook, msw (Service Worker) and fetch-mock in one Chromium', async () => {
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        ['bench/browser.mjs', '--rounds=1', '--requests=20', '--warmup=5', '--json'],
        { cwd: root, timeout: 120_000, env: { ...process.env, POOK_CHROMIUM: CHROMIUM_PATH } },
        (error, out, err) => (error === null ? resolve(out) : reject(new Error(`${error.message}\n${err}`))),
      ),
    );
    const { rows } = JSON.parse(stdout.trim().split('\n').at(-1)!) as { rows: Array<{ lib: string; error?: string; median?: number }> };
    expect(rows.map((row) => [row.lib, row.error])).toEqual([
      ['pook', undefined],
      ['msw', undefined],
      ['fetch-mock', undefined],
    ]);
    for (const row of rows) expect(row.median).toBeGreaterThan(0);
  }, 150_000);
});
