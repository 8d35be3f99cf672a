import type path from 'node:path';
import { optionalBuiltin } from '../core/builtin.js';
import type { SourceLocation } from '../engine/definition-site.js';

/**
 * `file:line` with the file relative to the working directory, so reports
 * read the same on every machine.
 */
export function formatLocation(location: SourceLocation | undefined): string | undefined {
  if (location === undefined) return undefined;
  let file = location.file;
  // Without node:path (a browser) the file is the script's URL, shown as it is.
  const nodePath = optionalBuiltin<typeof path>('node:path');
  const proc = (globalThis as { process?: { cwd?: () => string } }).process;
  if (nodePath === undefined || typeof proc?.cwd !== 'function') return `${file}:${location.line}`;
  const { isAbsolute, relative, sep } = nodePath;
  if (isAbsolute(file)) {
    const rel = relative(proc.cwd(), file);
    if (rel !== '' && !isAbsolute(rel)) file = rel;
  }
  return `${file.split(sep).join('/')}:${location.line}`;
}
