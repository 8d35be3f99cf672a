import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every public member has TSDoc: API Extractor marks a member without it
// `(undocumented)` in the reports under api/ (`npm run check:api` keeps them
// equal to the code), so a report with that mark names what to document.

const apiDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'api');
const reports = readdirSync(apiDir).filter((name) => name.endsWith('.api.md'));

describe('API reports', () => {
  it('exist for every entry point', () => {
    expect(reports.length).toBeGreaterThanOrEqual(9);
  });

  it.each(reports)('%s has no undocumented member', (name) => {
    const lines = readFileSync(join(apiDir, name), 'utf8').split('\n');
    const undocumented = lines.flatMap((line, index) => (line.includes('(undocumented)') ? [lines[index + 1]?.trim()] : []));
    expect(undocumented).toEqual([]);
  });
});
