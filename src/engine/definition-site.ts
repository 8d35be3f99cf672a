import type path from 'node:path';
import type url from 'node:url';
import { optionalBuiltin } from '../core/builtin.js';
import { PookInvalidArgumentError } from '../core/errors/invalid-argument-error.js';

/**
 * Where a mock was defined: the user's call that created it (`mock.definedAt`).
 *
 * @example
 * ```ts
 * const { file, line } = pook.get('https://api.test/users').definedAt!;
 * ```
 */
export interface SourceLocation {
  /**
   * Absolute file path (or the URL as the stack trace gives it, for non-file
   * URLs). Code without a file has the name the stack gives it: `[eval]` for
   * `node -e`, `[stdin]`, `evalmachine.<anonymous>` or the `filename` given
   * to `vm` (code run by `eval()` or `new Function()` is reported at that call).
   */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}

// node:url where the runtime has it; in a browser, stack frames name
// scripts by URL, and URLs are compared as they are.
const fileURLToPath = optionalBuiltin<typeof url>('node:url')?.fileURLToPath;

// pook's own folders: every frame in them is pook's and is skipped. The
// package's `dist/` holds the build, where tsup bundles every layer into this
// module's file; its `src/` holds the sources, which frames point into when
// this code runs from source, and also when a stack is source-mapped (Jest
// maps the frames of every file with a source map, Node does under
// `--enable-source-maps`): the build's maps name `../src/api/define.ts` &
// co., which resolve to `<package>/src/…` even where only `dist/` is
// installed (`node_modules/pook/src/…`). Both are skipped, wherever the
// package is; the tests beside `src/` are not.
// Without node:path (a browser) the folders are those of the script's URL.
const OWN_DIRS = ((): readonly string[] => {
  try {
    const nodePath = optionalBuiltin<typeof path>('node:path');
    const file = fileURLToPath === undefined ? import.meta.url : fileURLToPath(import.meta.url);
    const fromSource = /[\\/]engine[\\/]definition-site\.[cm]?[jt]s$/.test(file);
    const dirname = nodePath?.dirname ?? ((name: string): string => name.slice(0, name.lastIndexOf('/')));
    const sep = nodePath?.sep ?? '/';
    // src/engine/definition-site.ts, or dist/index.cjs: the package is the folder above src/ or dist/.
    const root = dirname(fromSource ? dirname(dirname(file)) : dirname(file));
    return [`${root}${sep}src${sep}`, `${root}${sep}dist${sep}`];
  } catch {
    return [];
  }
})();

/** A frame in an installed pook, however the stack names it (a path, or a source-mapped one). */
const INSTALLED = /[\\/]node_modules[\\/]pook[\\/](?:src|dist)[\\/]/;

// Capturing is most of the cost of defining a mock (V8 walks the frames
// at capture; the text is only formatted when `.stack` is read, which
// `location` does on demand), more for every frame walked or kept, so the
// module functions capture first thing, from their own caller, and keep
// two frames: the user's call, and one spare for a caller that is a node:
// frame. `new Mock()` captures from the constructor's caller. See
// docs/performance.md for the measurement.
const FRAMES = 2;

/**
 * Whether the engine can capture a stack from a given caller (V8: Node,
 * Deno, Chromium; JavaScriptCore: Bun, Safari). Where it cannot, mocks have
 * no definition site and reports leave it out.
 */
const hasCapture = (): boolean => typeof (Error as { captureStackTrace?: unknown }).captureStackTrace === 'function';

/** Whether sites are captured at all (`pook.configure({ definitionSites })`). */
let recording = true;

/** Turns the capture of definition sites on or off, process-wide. */
export function recordDefinitionSites(on: boolean): void {
  recording = on;
}

/** A site captured by a module function, for the mock it is about to build. */
let pending: DefinitionSite | undefined;

/**
 * Builds a mock with `make()`, giving it `site` (captured by a module
 * function such as `pook.get` from its caller) instead of capturing one in
 * the Mock constructor, below pook's own frames.
 */
export function definedBy<T>(site: DefinitionSite, make: () => T, caller?: StackBoundary): T {
  const previous = pending;
  pending = site;
  try {
    return make();
  } catch (error) {
    if (caller !== undefined) pointAtCaller(error, caller);
    throw error;
  } finally {
    pending = previous;
  }
}

/**
 * Makes the stack of a definition error start at the user's call (the
 * caller of `caller`): the frames of pook's own checks, deep under an
 * options object, would otherwise fill the stack trace and push that line
 * out of it (docs/errors.md).
 */
export function pointAtCaller(error: unknown, caller: StackBoundary): void {
  if (error instanceof PookInvalidArgumentError && hasCapture()) Error.captureStackTrace(error, caller);
}

/** `name:line:column`, the end of every frame with a location. */
const LOCATION = /^(.+):(\d+):(\d+)$/;
/** The innermost location in the origin of `eval` code: `eval at f (eval at g (file.js:3:5), <anonymous>:1:1)`. */
const EVAL_ORIGIN = /\(([^()]+:\d+:\d+)\)/;

function toPath(file: string): string {
  if (fileURLToPath === undefined || !file.startsWith('file://')) return file;
  try {
    return fileURLToPath(file);
  } catch {
    return file;
  }
}

/**
 * The function (or class, for `new.target`) whose caller a capture records:
 * its frame and every frame above it are left out, as `Error.captureStackTrace`
 * does with its `constructorOpt`.
 */
export type StackBoundary = ((...args: never[]) => unknown) | (abstract new (...args: never[]) => unknown);

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

  /** The site of every mock made while recording is off: no location. */
  static readonly #unknown = new DefinitionSite({});

  private constructor(holder: { stack?: string }) {
    this.#holder = holder;
  }

  /**
   * Captures the current stack, omitting `skip` and every frame above it.
   * @param skip - the function whose caller is of interest (e.g. `new.target`)
   */
  static capture(skip: StackBoundary): DefinitionSite {
    if (!recording || !hasCapture()) return DefinitionSite.#unknown;
    const holder: { stack?: string } = {};
    const limit = Error.stackTraceLimit;
    try {
      Error.stackTraceLimit = FRAMES;
      Error.captureStackTrace(holder, skip);
    } finally {
      Error.stackTraceLimit = limit;
    }
    return new DefinitionSite(holder);
  }

  /**
   * A site known beforehand: a mock file's entry, or the call site a remote
   * client sent with a definition (the server's reports then point there).
   * @param location - the file, line and column to report
   */
  static at(location: SourceLocation): DefinitionSite {
    const site = new DefinitionSite({});
    site.#location = { file: location.file, line: location.line, column: location.column };
    return site;
  }

  /**
   * The site for a Mock under construction: the one {@link definedBy} passed
   * down (taken once: only the mock it builds gets it), or a new capture
   * from the caller of `skip`.
   */
  static forMock(skip: StackBoundary): DefinitionSite {
    const site = pending;
    if (site === undefined) return DefinitionSite.capture(skip);
    pending = undefined;
    return site;
  }

  /** The first frame outside pook, or `undefined` when there is none in the captured frames. */
  get location(): SourceLocation | undefined {
    if (this.#location === undefined) this.#location = parseDefinitionSite(this.#holder.stack) ?? null;
    return this.#location ?? undefined;
  }
}

/**
 * The location of a stack frame that may be the user's, or `undefined` for
 * a frame of Node's (`node:`, the `[eval]-wrapper`), a native one
 * (`<anonymous>`, `index 0`) or pook's own. Code without a file keeps the
 * name V8 gives it: `[eval]` (`node -e`), `[stdin]`, `evalmachine.<anonymous>`
 * or the `filename` given to `vm`; code run by `eval()` or `new Function()`
 * is reported at the place of that call.
 */
function frameLocation(frame: string): SourceLocation | undefined {
  const text = frame.trim();
  if (!text.startsWith('at ')) return undefined;
  let where = text.slice(3);
  if (where.endsWith(')')) where = where.slice(where.indexOf('(') + 1, -1);
  if (where.startsWith('eval at ')) where = EVAL_ORIGIN.exec(where)?.[1] ?? '';
  const match = LOCATION.exec(where);
  if (match === null) return undefined;
  const file = toPath(match[1]!);
  if (file.startsWith('node:') || file === '<anonymous>' || file.endsWith(']-wrapper') || INSTALLED.test(file)) return undefined;
  for (const dir of OWN_DIRS) if (file.startsWith(dir)) return undefined;
  return { file, line: Number(match[2]), column: Number(match[3]) };
}

/** The first frame of `stack` that is the user's (see {@link frameLocation}). Internal: exported for its tests. */
export function parseDefinitionSite(stack: string | undefined): SourceLocation | undefined {
  if (typeof stack !== 'string') return undefined;
  for (const line of stack.split('\n')) {
    const location = frameLocation(line);
    if (location !== undefined) return location;
  }
  return undefined;
}
