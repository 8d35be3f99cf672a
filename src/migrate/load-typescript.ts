import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as TS from 'typescript';

/**
 * The `typescript` package, which `pook migrate` parses files with: the
 * project's own copy (resolved from `cwd`), else one beside pook. It is an
 * optional peer dependency, loaded only by the migrate command; `undefined`
 * when neither is installed.
 * @param cwd - the directory the project's copy is resolved from
 */
export function loadTypeScript(cwd: string): typeof TS | undefined {
  for (const from of [join(cwd, 'package.json'), fileURLToPath(import.meta.url)]) {
    try {
      return createRequire(from)('typescript') as typeof TS;
    } catch {
      // not installed there: try the next place
    }
  }
  return undefined;
}
