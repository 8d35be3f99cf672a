// Headless Chromium for the browser tests: Debian's `chromium` (the lead's
// /usr/bin/chromium; CI installs it, .ci/run) driven by playwright-core,
// which never downloads a browser of its own. A fresh profile per launch.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Where Chromium is expected (override with POOK_CHROMIUM). */
export const CHROMIUM_PATH: string = process.env.POOK_CHROMIUM ?? '/usr/bin/chromium';

/** Whether the browser tests can run here; in CI they must (a missing Chromium fails there). */
export const hasChromium: boolean = existsSync(CHROMIUM_PATH) || process.env.CI !== undefined;

/** Why the browser tests were skipped, for the test names. */
export const SKIP_REASON: string = `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set POOK_CHROMIUM; CI installs it)`;

/** The flags every launch passes: headless, and none of Chromium's own network traffic (this machine has no internet). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launches headless Chromium with a fresh profile; `close()` ends it and removes the profile. */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'pook-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS], timeout: 60_000 });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
