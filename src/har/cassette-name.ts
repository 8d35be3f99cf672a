import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PookInvalidArgumentError } from '../index.js';

// The file a runner integration's `cassette()` uses for a test
// (docs/record-and-replay.md, "Cassettes named after the test"):
// `<folder of the test file>/__cassettes__/<test file name>/<test name>.har`.
// The name must be the same on every machine and in every runner, so it is
// made of the test's full name alone (its suites' titles and its own), in
// a form every file system takes as it is.

/** The folder, next to each test file, that holds the cassettes of its tests. */
export const CASSETTES_FOLDER = '__cassettes__';

/** Longest file name made of a test name, before `.har` (file systems allow 255 bytes). */
const MAX_NAME = 100;
/** Names Windows refuses for a file, whatever its extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/;

const hash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 8);

/**
 * The file name (without `.har`) of a test's cassette: its full name (the
 * titles of its suites and its own, whatever the runner puts between them)
 * in lower case, accents dropped, every run of characters other than
 * `a`–`z`, `0`–`9`, `.`, `_` and `-` made one `-`, no `-` or `.` at either
 * end. A name longer than 100 characters keeps its first 91 and ends with
 * `-` and 8 hexadecimal digits of the SHA-256 of the full name; a name with
 * nothing left (only other scripts) is `test-` and those digits.
 *
 * @example `cassetteName('users api, loads user 1')` is `'users-api-loads-user-1'`
 */
export function cassetteName(testName: string): string {
  if (typeof testName !== 'string') throw new PookInvalidArgumentError('testName', 'expected the full name of a test');
  let name = testName
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  if (name === '') return `test-${hash(testName)}`;
  if (name.length > MAX_NAME) name = `${name.slice(0, MAX_NAME - 9).replace(/[-.]+$/, '')}-${hash(testName)}`;
  if (RESERVED.test(name)) name = `${name}-`;
  return name;
}

/**
 * The path of a test's cassette: the file `cassetteName(testName)` + `.har`
 * in the folder `__cassettes__/[test file name]` next to the test file. For
 * the test "loads user 1" of the suite "users api" in `test/users.test.ts`:
 * `test/__cassettes__/users.test.ts/users-api-loads-user-1.har`. The runner
 * integrations' `cassette()` opens it.
 *
 * @param testFile - the test file's path (or `file:` URL)
 * @param testName - the test's full name (its suites' titles and its own)
 */
export function cassettePath(testFile: string, testName: string): string {
  if (typeof testFile !== 'string' || testFile === '') throw new PookInvalidArgumentError('testFile', 'expected the path of the test file');
  const file = testFile.startsWith('file:') ? fileURLToPath(testFile) : testFile;
  return join(dirname(file), CASSETTES_FOLDER, basename(file), `${cassetteName(testName)}.har`);
}
