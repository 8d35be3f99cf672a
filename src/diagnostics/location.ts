import { isAbsolute, relative, sep } from 'node:path';
import type { SourceLocation } from '../engine/definition-site.js';

/**
 * `file:line` with the file relative to the working directory, so reports
 * read the same on every machine.
 */
export function formatLocation(location: SourceLocation | undefined): string | undefined {
  if (location === undefined) return undefined;
  let file = location.file;
  if (isAbsolute(file)) {
    const rel = relative(process.cwd(), file);
    if (rel !== '' && !isAbsolute(rel)) file = rel;
  }
  return `${file.split(sep).join('/')}:${location.line}`;
}
