import { readFile } from 'node:fs/promises';
import { PookError } from '../core/errors/pook-error.js';
import { DefinitionSite, definedBy } from '../engine/definition-site.js';
import { Mock, type MockOptions } from '../engine/mock.js';
import { harEntryMock } from '../har/har-entry-mock.js';
import type { HarEntry } from '../har/har-format.js';
import { PookMockFileError } from './errors/mock-file-error.js';

// A HAR file given to `pook serve --mocks` (docs/server.md, "HAR files"):
// one mock per entry, made by pook/har's own conversion (the one
// `loadHar` uses), in the server's engine. Requests come to the server's
// own host (or, as a proxy, to any host), so an entry expects its method,
// path, query and body, not the recorded host.

/**
 * The mocks of a HAR file: each entry answers once, in file order (as
 * `loadHar` does), or any number of times with `persist` (the first
 * recorded wins). Entries without a response (`status` 0, a 101 upgrade)
 * are skipped, as `loadHar` skips them.
 * @param file - the file's full path
 * @param shown - its name in messages
 * @throws PookMockFileError naming the file and the entry at fault
 */
export async function harFileMocks(file: string, shown: string, persist: boolean): Promise<Mock[]> {
  const text = await readFile(file, 'utf8');
  let har: unknown;
  try {
    har = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (cause) {
    throw new PookMockFileError(`pook: ${shown}: not valid JSON (${(cause as Error).message}).`, { file: shown }, { cause });
  }
  const entries = (har as { log?: { entries?: unknown } } | null)?.log?.entries;
  if (!Array.isArray(entries)) throw new PookMockFileError(`pook: ${shown}: not a HAR (expected { "log": { "entries": [...] } }).`, { file: shown });
  const site = DefinitionSite.at({ file, line: 1, column: 1 });
  const mocks: Mock[] = [];
  entries.forEach((entry: HarEntry, index) => {
    const what = `${shown}: entry ${index}${typeof entry?.request?.method === 'string' && typeof entry.request.url === 'string' ? ` (${entry.request.method} ${entry.request.url})` : ''}`;
    if (entry === null || typeof entry !== 'object' || typeof entry.request !== 'object' || typeof entry.response !== 'object' || entry.response === null) {
      throw new PookMockFileError(`pook: ${what}: expected an entry with a request and a response.`, { file: shown, entry: index });
    }
    if (!(entry.response.status >= 200)) return;
    try {
      mocks.push(
        harEntryMock(entry, {}, persist, ({ path, params }, options) =>
          definedBy(site, () => new Mock({ ...options, path, ...(Object.keys(params).length === 0 ? {} : { params }) } as MockOptions)),
        ),
      );
    } catch (error) {
      const argument = error instanceof PookError ? (error as { argument?: string }).argument : undefined;
      const message = (error as Error)?.message ?? String(error);
      throw new PookMockFileError(`pook: ${what}: ${message.replace(/^pook: /, '')}`, { file: shown, entry: index, argument }, { cause: error });
    }
  });
  return mocks;
}
