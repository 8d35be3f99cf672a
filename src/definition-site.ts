import { dirname, isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where a mock was defined: the user's call that created it (`mock.definedAt`).
 *
 * @example
 * ```ts
 * const { file, line } = pook.get('https://api.test/users').definedAt!;
 * ```
 */
export interface SourceLocation {
  /** Absolute file path (or the URL as the stack trace gives it, for non-file URLs). */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}

// The folder this module runs from: `src/` when run from source, `dist/`
// when run from the build (tsup bundles everything into dist/index.*). Every
// frame in it is pook's own and is skipped.
const OWN_DIR = ((): string => {
  try {
    return dirname(fileURLToPath(import.meta.url)) + sep;
  } catch {
    return '\0';
  }
})();

// Capturing costs about 0.4 µs per frame on top of a fixed ~1 µs (V8 walks
// the frames at capture; the text is only formatted when `.stack` is read,
// which `location` does on demand), so only a few frames are captured
// instead of the ambient `Error.stackTraceLimit` (10, or 100 under some test
// runners). The module functions capture from their own caller
// (`definedBy()`), and `new Mock()` from the constructor's caller, so the
// user's frame comes first; the others are a margin for node: frames. See
// docs/when-nothing-matches.md for the measurement.
const FRAMES = 3;

/** The function whose caller defines the mock being built (set by `definedBy()`). */
let definer: Function | undefined;

/**
 * Builds a mock with `make()`, capturing its definition site from the caller
 * of `caller` (a module function such as `pook.get`) instead of the caller of
 * the Mock constructor: the frames in between are pook's own.
 */
export function definedBy<T>(caller: Function, make: () => T): T {
  const previous = definer;
  definer = caller;
  try {
    return make();
  } finally {
    definer = previous;
  }
}

const FRAME = /^\s*at (?:.*?\()?((?:file:\/\/|\/|[A-Za-z]:[\\/]|[a-z][\w+.-]*:\/\/)[^()]*?):(\d+):(\d+)\)?$/;

function toPath(file: string): string {
  if (!file.startsWith('file://')) return file;
  try {
    return fileURLToPath(file);
  } catch {
    return file;
  }
}

/**
 * The call site that created a mock, captured cheaply when the mock is
 * created (an un-formatted V8 stack trace on a small object) and parsed only
 * when a report needs it. pook's own frames are skipped.
 *
 * @example
 * ```ts
 * const site = DefinitionSite.capture(Mock);
 * site.location;   // { file: '/repo/test/users.test.ts', line: 12, column: 5 }
 * site.toString(); // 'test/users.test.ts:12'
 * ```
 */
export class DefinitionSite {
  readonly #holder: { stack?: string };
  #location: SourceLocation | null | undefined;

  private constructor(holder: { stack?: string }) {
    this.#holder = holder;
  }

  /**
   * Captures the current stack, omitting `skip` and every frame above it.
   * @param skip - the function whose caller is of interest (e.g. `new.target`)
   */
  static capture(skip: Function): DefinitionSite {
    const holder: { stack?: string } = {};
    const from = definer ?? skip;
    definer = undefined; // only the mock definedBy() builds
    const limit = Error.stackTraceLimit;
    try {
      Error.stackTraceLimit = FRAMES;
      Error.captureStackTrace(holder, from);
    } finally {
      Error.stackTraceLimit = limit;
    }
    return new DefinitionSite(holder);
  }

  /** The first frame outside pook, or `undefined` when there is none in the captured frames. */
  get location(): SourceLocation | undefined {
    if (this.#location === undefined) this.#location = parse(this.#holder.stack) ?? null;
    return this.#location ?? undefined;
  }

  /** `file:line`, the file relative to the working directory (`undefined` when unknown). */
  toString(): string {
    return formatLocation(this.location) ?? 'unknown';
  }
}

function parse(stack: string | undefined): SourceLocation | undefined {
  if (typeof stack !== 'string') return undefined;
  for (const line of stack.split('\n')) {
    const match = FRAME.exec(line);
    if (match === null) continue;
    const file = toPath(match[1]!);
    if (file.startsWith(OWN_DIR) || file.startsWith('node:')) continue;
    return { file, line: Number(match[2]), column: Number(match[3]) };
  }
  return undefined;
}

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
