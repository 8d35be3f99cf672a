import { fileURLToPath } from 'node:url';

// Where the user defined a remote mock: sent with the definition, so that
// the server's reports point at the test's line, as in-process ones do.

const FRAME = /^\s*at (?:.*?\()?((?:file:\/\/|\/|[A-Za-z]:[\\/])[^()]*?):(\d+):(\d+)\)?$/;

/** The caller of `boundary`: file, line and column, when the stack shows one. */
export function callSite(boundary: (...args: never[]) => unknown): { file: string; line: number; column: number } | undefined {
  const holder: { stack?: string } = {};
  const limit = Error.stackTraceLimit;
  try {
    Error.stackTraceLimit = 1;
    Error.captureStackTrace(holder, boundary);
  } finally {
    Error.stackTraceLimit = limit;
  }
  const line = holder.stack?.split('\n')[1];
  const match = line === undefined ? null : FRAME.exec(line);
  if (match === null) return undefined;
  let file = match[1]!;
  if (file.startsWith('file://')) {
    try {
      file = fileURLToPath(file);
    } catch {}
  }
  return { file, line: Number(match[2]), column: Number(match[3]) };
}
