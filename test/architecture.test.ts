import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The layer rules of .dependency-cruiser.cjs (docs/architecture.md) run on
// the real tree, and on copies of it with one forbidden import added, to
// show that each kind of violation is caught.

const root = fileURLToPath(new URL('../', import.meta.url));
const depcruise = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface Cruise {
  readonly modules: ReadonlyArray<{
    readonly source: string;
    readonly dependencies: ReadonlyArray<{ readonly resolved: string; readonly dependencyTypes: readonly string[] }>;
  }>;
  readonly summary: { readonly violations: ReadonlyArray<{ readonly from: string; readonly to: string; readonly rule: { readonly name: string } }> };
}

function cruise(cwd: string): Cruise {
  const out = execFileSync(process.execPath, [depcruise, 'src', '--config', join(root, '.dependency-cruiser.cjs'), '--output-type', 'json', '--no-progress'], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  return JSON.parse(out) as Cruise;
}

const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** A copy of src/ (and tsconfig.json) with `line` added at the top of `file`. */
function withImport(file: string, line: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pook-layers-'));
  copies.push(dir);
  cpSync(join(root, 'src'), join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' }, include: ['src'] }));
  const path = join(dir, file);
  writeFileSync(path, `${line}\n${readFileSync(path, 'utf8')}`);
  return dir;
}

const violations = (cruised: Cruise): string[] => cruised.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);

describe('the layers of src/', () => {
  it('hold for the real tree: no violation, no cycle, type-only imports seen', () => {
    const cruised = cruise(root);
    expect(violations(cruised)).toEqual([]);
    const sources = cruised.modules.map((m) => m.source).filter((s) => s.startsWith('src/'));
    expect(sources.length).toBeGreaterThan(90);
    for (const layer of ['core', 'matchers', 'engine', 'diagnostics', 'interceptors', 'api', 'integrations']) {
      expect(sources.some((s) => s.startsWith(`src/${layer}/`))).toBe(true);
    }
    const noMatches = cruised.modules.find((m) => m.source === 'src/engine/errors/no-matches-error.ts');
    expect(noMatches?.dependencies.find((d) => d.resolved === 'src/engine/mock.ts')?.dependencyTypes).toContain('type-only');
  });

  it.each([
    ['core importing the engine', 'src/core/bytes.ts', "import type { Engine } from '../engine/engine.js';", 'core-is-the-bottom'],
    ['a matcher importing a report', 'src/matchers/path.ts', "import { formatRequest } from '../diagnostics/request-block.js';", 'matchers-see-core'],
    [
      'the engine importing the diagnostics',
      'src/engine/engine.ts',
      "import { rankCandidates } from '../diagnostics/ranking.js';",
      'engine-sees-matchers-and-core',
    ],
    [
      'an interceptor importing the engine',
      'src/interceptors/fetch/fetched-response.ts',
      "import type { Mock } from '../../engine/mock.js';",
      'an-interceptor-sees-core-and-shared',
    ],
    [
      'one interceptor importing another family',
      'src/interceptors/xhr/xhr-body.ts',
      "import { MockSocket } from '../http/mock-socket.js';",
      'an-interceptor-sees-core-and-shared',
    ],
    ['the API importing the public surface', 'src/api/regex.ts', "import type { Mock } from '../index.js';", 'api-is-below-the-surface'],
    [
      'an integration reaching past the public surface',
      'src/integrations/jest.ts',
      "import { Engine } from '../engine/engine.js';",
      'integrations-use-the-public-surface',
    ],
    ['a type-only cycle inside a layer', 'src/engine/mock-history.ts', "import type { Mock } from './mock.js';", 'no-circular'],
  ])('reject %s', (_label, file, line, rule) => {
    const found = violations(cruise(withImport(file, line)));
    expect(found.some((v) => v.startsWith(`${rule}: ${file}`))).toBe(true);
  });
});
