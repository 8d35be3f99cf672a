import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Type-checks two files of a throwaway consumer project — `esm.mts` and
 * `cjs.cts` — against the *built* package, installed as a symlink in its
 * node_modules, with strict settings and library checks on. Returns tsc's
 * output: `''` when everything type-checks.
 */
export function typecheckConsumer(files: { readonly esm: string; readonly cjs: string }, compilerOptions: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'pook-consumer-'));
  try {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(root, join(dir, 'node_modules', 'pook'), 'dir');
    writeFileSync(join(dir, 'esm.mts'), files.esm);
    writeFileSync(join(dir, 'cjs.cts'), files.cjs);
    const tsconfig = {
      compilerOptions: {
        strict: true,
        exactOptionalPropertyTypes: true,
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        target: 'ES2022',
        lib: ['ES2023', 'ESNext.Disposable', 'DOM'],
        types: [],
        noEmit: true,
        skipLibCheck: false,
        ...compilerOptions,
      },
      files: ['esm.mts', 'cjs.cts'],
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    try {
      execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8', timeout: 60_000 });
      return '';
    } catch (error) {
      return String((error as { stdout?: string }).stdout ?? error);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
