// The Vitest browser-mode project of docs/browsers.md
// (test/runners/vitest-browser/fixture), run as a user runs it: installed
// next to pook as npm installs it, by the real vitest binary, in headless
// Chromium driven by @vitest/browser-playwright.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InstalledFixture, installFixture, type RunnerResult } from '../runners/harness.js';
import { CHROMIUM_PATH, hasChromium, SKIP_REASON } from './chromium.js';

describe.skipIf(!hasChromium)(`Vitest browser mode with pook${hasChromium ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  let fixture: InstalledFixture;
  let result: RunnerResult;

  beforeAll(async () => {
    fixture = installFixture('vitest-browser');
    result = await fixture.run([fixture.bin('vitest'), 'run'], { timeout: 150_000, env: { CHROMIUM_PATH } });
  }, 180_000);
  afterAll(() => fixture?.remove());

  it('runs the four tests of users.test.mjs in Chromium, and they pass', () => {
    const output = result.stdout + result.stderr;
    expect(result.code, output).toBe(0);
    expect(output).toMatch(/Tests\s+4 passed \(4\)/);
    expect(output).toContain('chromium');
  });
});
