import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PookError } from '../core/errors/pook-error.js';
import type { SourceLocation } from '../engine/definition-site.js';
import type { Mock } from '../engine/mock.js';
import { mockFromDefinition } from './define-mock.js';
import { PookMockFileError } from './errors/mock-file-error.js';
import { harFileMocks } from './har-file.js';

// `pook serve --mocks <file|dir>` (docs/server.md, "Mock files"): JSON,
// YAML, and ES or TypeScript modules (TypeScript through Node's own type
// stripping). A file holds a list of definitions, or `{ "mocks": [...] }`
// (where `$schema` may name the JSON Schema, for editors). Each definition
// is the options object of `pook.mock(url, options)`. A HAR file (`.har`)
// gives a mock per entry (src/server/har-file.ts).

const DATA = new Set(['.json', '.yaml', '.yml']);
const MODULES = new Set(['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts']);
const HAR = '.har';

/** Options of {@link loadMockFiles}. */
export interface LoadMockFilesOptions {
  /**
   * HAR files: `false` (default) each entry answers once, in file order, as
   * `loadHar` of pook/har does; `true` every entry answers any number of
   * times (the first recorded one wins).
   */
  readonly harPersist?: boolean | undefined;
}

/** One entry of a mock file, with the line it starts on when the format tells. */
interface Entry {
  readonly value: unknown;
  readonly line: number | undefined;
}

/** Every mock file a path names: itself, or a directory's files (recursively, sorted by path). */
export async function mockFilesOf(path: string, cwd: string): Promise<string[]> {
  const full = resolve(cwd, path);
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(full);
  } catch (cause) {
    throw new PookMockFileError(`pook: cannot read mock file ${JSON.stringify(path)} (${(cause as Error).message}).`, { file: path }, { cause });
  }
  if (!info.isDirectory()) return [full];
  const names = (await readdir(full, { recursive: true, withFileTypes: true }))
    .filter((dirent) => dirent.isFile() && (DATA.has(extname(dirent.name)) || MODULES.has(extname(dirent.name)) || extname(dirent.name) === HAR))
    .map((dirent) => join(dirent.parentPath, dirent.name))
    .sort();
  return names;
}

let generation = 0;

/** The entries of one file. */
async function entriesOf(file: string, shown: string): Promise<Entry[]> {
  const extension = extname(file).toLowerCase();
  let top: unknown;
  let lines: Array<number | undefined> = [];
  if (DATA.has(extension)) {
    const text = await readFile(file, 'utf8');
    const { LineCounter, parseDocument } = await import('yaml');
    const counter = new LineCounter();
    const document = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
    const [problem] = document.errors;
    if (problem !== undefined) {
      const line = problem.linePos?.[0]?.line;
      throw new PookMockFileError(
        `pook: ${shown}${line === undefined ? '' : `:${line}`}: not valid ${extension === '.json' ? 'JSON' : 'YAML'} (${problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}).`,
        {
          file: shown,
        },
      );
    }
    top = document.toJS();
    const list = listNode(document.contents);
    lines = list?.items.map((item) => (item.range === undefined || item.range === null ? undefined : counter.linePos(item.range[0]).line)) ?? [];
  } else if (MODULES.has(extension)) {
    // A new URL for each load, so that --watch sees the file's new version.
    const namespace = (await import(`${pathToFileURL(file).href}?pook=${++generation}`)) as Record<string, unknown>;
    top = namespace.default ?? namespace.mocks;
  } else {
    throw new PookMockFileError(
      `pook: ${shown}: unknown mock file type ${JSON.stringify(extension)} (use .json, .yaml, .yml, .js, .mjs, .cjs, .ts, .mts, .cts or .har).`,
      { file: shown },
    );
  }
  const list = Array.isArray(top)
    ? top
    : typeof top === 'object' && top !== null && Array.isArray((top as { mocks?: unknown }).mocks)
      ? (top as { mocks: unknown[] }).mocks
      : undefined;
  if (list === undefined) {
    throw new PookMockFileError(`pook: ${shown}: expected a list of mock definitions, or an object with a "mocks" list.`, { file: shown });
  }
  return list.map((value, index) => ({ value, line: lines[index] }));
}

interface ListNode {
  readonly items: ReadonlyArray<{ readonly range?: readonly [number, number, number] | null }>;
}

/** The YAML node of the list of definitions: the document itself, or its `mocks` value. */
function listNode(contents: unknown): ListNode | undefined {
  const node = contents as { items?: unknown[]; get?: (key: string, keepScalar?: boolean) => unknown } | null;
  if (node === null || typeof node !== 'object' || !Array.isArray(node.items)) return undefined;
  if (typeof node.get === 'function' && !isSeq(node)) {
    const mocks = node.get('mocks', true) as { items?: unknown[] } | undefined;
    return mocks !== undefined && Array.isArray(mocks.items) ? (mocks as ListNode) : undefined;
  }
  return node as ListNode;
}

function isSeq(node: { items?: unknown[] }): boolean {
  return Array.isArray(node.items) && node.items.every((item) => !(typeof item === 'object' && item !== null && 'key' in item));
}

/**
 * Loads the mocks of every file `paths` name, in order, validating each
 * definition as `pook.mock()` does; a HAR file (`.har`) gives one mock per
 * entry, as `loadHar` of pook/har makes them, expecting the entry's method,
 * path, query and body on any host.
 * @throws PookMockFileError naming the file, the entry and the options key at fault
 */
export async function loadMockFiles(paths: readonly string[], cwd: string, options: LoadMockFilesOptions = {}): Promise<Mock[]> {
  const mocks: Mock[] = [];
  for (const path of paths) {
    for (const file of await mockFilesOf(path, cwd)) {
      const shown = relative(cwd, file) || file;
      if (extname(file).toLowerCase() === HAR) {
        // One by one: a large HAR's entries would overflow the arguments of one push().
        for (const mock of await harFileMocks(file, shown, options.harPersist === true)) mocks.push(mock);
        continue;
      }
      for (const [index, entry] of (await entriesOf(file, shown)).entries()) {
        const site: SourceLocation = { file, line: entry.line ?? 1, column: 1 };
        try {
          mocks.push(mockFromDefinition(entry.value, site));
        } catch (error) {
          if (!(error instanceof PookError)) throw error;
          const argument = (error as { argument?: string }).argument;
          const where = `${shown}${entry.line === undefined ? '' : `:${entry.line}`}`;
          throw new PookMockFileError(
            `pook: ${where}: mock ${index}: ${error.message.replace(/^pook: /, '')}`,
            { file: shown, entry: index, argument },
            { cause: error },
          );
        }
      }
    }
  }
  return mocks;
}
