// The mock file format: the loader (JSON, YAML, modules, directories, errors
// naming file, entry and field) and its JSON Schema, checked against the
// options a mock accepts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Mock, PookRequest } from '../../src/index.js';
import { PookMockFileError } from '../../src/server/errors/mock-file-error.js';
import { loadMockFiles } from '../../src/server/mock-files.js';
import { mockFileSchema } from '../../src/server/mock-schema.js';
import { serverFixtures } from '../helpers/pook-server.js';

/** The option keys a mock knows, as its own error lists them. */
function knownOptions(): string[] {
  try {
    new Mock({ bogus: 1 } as object);
  } catch (error) {
    return /\(known: ([^)]+)\)/.exec((error as Error).message)![1]!.split(', ');
  }
  throw new Error('no error');
}

describe('mock files', () => {
  it('loads JSON, YAML and ES module files of a directory, in path order, with their lines as definition sites', async () => {
    const mocks = await loadMockFiles(['mocks/users.json', 'mocks/search.yaml', 'mocks/module.mjs'], serverFixtures);
    expect(mocks.map((mock) => mock.label)).toEqual([
      'GET api.test/users',
      'POST api.test/users',
      'ANY *',
      'ANY *',
      'ANY *',
      'ANY *',
      'ANY *',
      'GET *',
      'GET *',
    ]);
    expect(mocks.map((mock) => mock.definedAt?.line)).toEqual([4, 5, 6, 7, 8, 9, 10, 2, 1]);
    const search = mocks[7]!;
    expect(search.expectations).toEqual(['method GET', 'path "/search"', 'query "q": /^pook/', 'header "accept": /json/u']);
    expect(search.explain(new PookRequest({ method: 'GET', url: 'http://x.test/search?q=pookie', headers: { accept: 'application/json' } })).failures).toBe(0);
    const all = await loadMockFiles(['mocks'], serverFixtures);
    expect(all).toHaveLength(mocks.length + 1);
  });

  it('names the file, the entry and the field of a bad definition', async () => {
    const error = await loadMockFiles(['bad/bad-status.yaml'], serverFixtures).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PookMockFileError);
    expect(error).toMatchObject({ code: 'POOK_MOCK_FILE', file: 'bad/bad-status.yaml', entry: 1, argument: 'reply' });
    const shape = await loadMockFiles(['test/fixtures/server/mocks/typed.ts', 'package.json'], join(serverFixtures, '../../..')).catch((e: unknown) => e);
    expect((shape as Error).message).toBe('pook: package.json: expected a list of mock definitions, or an object with a "mocks" list.');
  });
});

describe('mock file JSON Schema', () => {
  const schema = mockFileSchema() as { $defs: { mock: { properties: Record<string, unknown> } } };
  // The CommonJS module's class is its default export's `default`.
  const Ajv2020 = (Ajv2020Module as unknown as { default: typeof Ajv2020Module.default }).default;
  const ajv = new Ajv2020({ strict: false });
  const validate = ajv.compile(schema);

  it('lists every option a mock accepts from data, and no other', () => {
    const functions = ['use', 'filter', 'map', 'callback'];
    expect(Object.keys(schema.$defs.mock.properties).sort()).toEqual([...knownOptions().filter((key) => !functions.includes(key)), 'definedAt'].sort());
  });

  it('accepts the fixture mock files and rejects the bad ones where the loader does', () => {
    expect(validate(JSON.parse(readFileSync(join(serverFixtures, 'mocks/users.json'), 'utf8'))), ajv.errorsText(validate.errors)).toBe(true);
    expect(validate(parse(readFileSync(join(serverFixtures, 'mocks/search.yaml'), 'utf8'))), ajv.errorsText(validate.errors)).toBe(true);
    expect(validate(parse(readFileSync(join(serverFixtures, 'bad/bad-status.yaml'), 'utf8')))).toBe(false);
    expect(validate(JSON.parse(readFileSync(join(serverFixtures, 'bad/unknown-key.json'), 'utf8')))).toBe(false);
  });

  it('is shipped in the build as dist/mocks.schema.json', () => {
    expect(JSON.parse(readFileSync(new URL('../../dist/mocks.schema.json', import.meta.url), 'utf8'))).toEqual(schema);
  });
});
