// The file a runner integration's cassette() uses for a test: stable,
// file-system safe, the same whatever the runner puts between titles.

import { describe, expect, it } from 'vitest';
import { CASSETTES_FOLDER, cassetteName, cassettePath } from '../../src/har/index.js';
import { PookInvalidArgumentError } from '../../src/index.js';

describe('cassetteName', () => {
  it('keeps letters, digits, dots, underscores and dashes, in lower case; every other run is one dash', () => {
    expect(cassetteName('users API > loads user 1')).toBe('users-api-loads-user-1');
    expect(cassetteName('users API loads user 1')).toBe('users-api-loads-user-1'); // Jest joins with spaces
    expect(cassetteName('GET /users/:id?page=2 (v1.2_beta)')).toBe('get-users-id-page-2-v1.2_beta');
  });

  it('drops accents, and trims dashes and dots at either end (no hidden file, no "..")', () => {
    expect(cassetteName('Ünïcode, "quotes" / slashes')).toBe('unicode-quotes-slashes');
    expect(cassetteName('..')).toMatch(/^test-[0-9a-f]{8}$/);
    expect(cassetteName('.hidden.')).toBe('hidden');
  });

  it('names a title with nothing left after a hash of it, different for different titles', () => {
    expect(cassetteName('日本語')).toMatch(/^test-[0-9a-f]{8}$/);
    expect(cassetteName('日本語')).toBe(cassetteName('日本語'));
    expect(cassetteName('日本語')).not.toBe(cassetteName('中文'));
  });

  it('cuts a long name to 100 characters, ending with a hash of the whole name', () => {
    const long = `${'a very long test name '.repeat(10)}one`;
    const other = `${'a very long test name '.repeat(10)}two`;
    expect(cassetteName(long)).toHaveLength(100);
    expect(cassetteName(long)).toMatch(/^a-very-long-test-name-.*-[0-9a-f]{8}$/);
    expect(cassetteName(long)).not.toBe(cassetteName(other));
  });

  it('avoids the names Windows refuses', () => {
    expect(cassetteName('CON')).toBe('con-');
    expect(cassetteName('lpt1')).toBe('lpt1-');
  });
});

describe('cassettePath', () => {
  it('is <folder of the test file>/__cassettes__/<test file name>/<name>.har', () => {
    expect(CASSETTES_FOLDER).toBe('__cassettes__');
    expect(cassettePath('/repo/test/users.test.ts', 'users > loads user 1')).toBe('/repo/test/__cassettes__/users.test.ts/users-loads-user-1.har');
    expect(cassettePath('file:///repo/test/users.test.mjs', 'x')).toBe('/repo/test/__cassettes__/users.test.mjs/x.har');
  });

  it('refuses what is not a file and a name', () => {
    expect(() => cassettePath('', 'x')).toThrow(PookInvalidArgumentError);
    expect(() => cassetteName(1 as unknown as string)).toThrow(PookInvalidArgumentError);
  });
});
