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
  /** Absolute file path (or the URL as the stack trace gives it, for non-file URLs). */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}

// node:url where the runtime has it; in a browser, stack frames name
// scripts by URL, and URLs are compared as they are.
const fileURLToPath = optionalBuiltin<typeof url>('node:url')?.fileURLToPath;

// pook's own folder: every frame in it is pook's and is skipped. From the
// build that is `dist/`, where tsup bundles every layer into this module's
// file; from source it is `src/`, two folders up from this file
// (src/engine/definition-site.ts), so that frames of every layer (api,
// engine, diagnostics…) are skipped, and the tests beside it are not.
// Without node:path (a browser) the folder is that of the script's URL.
const OWN_DIR = ((): string => {
  try {
    const nodePath = optionalBuiltin<typeof path>('node:path');
    const file = fileURLToPath === undefined ? import.meta.url : fileURLToPath(import.meta.url);
    const fromSource = /[\\/]engine[\\/]definition-site\.[cm]?[jt]s$/.test(file);
    const dirname = nodePath?.dirname ?? ((name: string): string => name.slice(0, name.lastIndexOf('/')));
    return dirname(fromSource ? dirname(file) : file) + (nodePath?.sep ?? '/');
  } catch {
    return '\0';
  }
})();

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

const FRAME = /^\s*at (?:.*?\()?((?:file:\/\/|\/|[A-Za-z]:[\\/]|[a-z][\w+.-]*:\/\/)[^()]*?):(\d+):(\d+)\)?$/;

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
    if (this.#location === undefined) this.#location = parse(this.#holder.stack) ?? null;
    return this.#location ?? undefined;
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
