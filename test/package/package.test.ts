import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { typecheckConsumer } from '../helpers/consumer-types.js';

// These tests run the *built* package (dist/), as a user installs it: the
// fixtures import 'pook', which resolves through package.json "exports".
// `npm test` builds first; run `npx tsup` before running this file alone.

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

function run(name: string): Record<string, unknown> {
  const stdout = execFileSync(process.execPath, [fixture(name)], { cwd: root, encoding: 'utf8', timeout: 15_000 });
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines.at(-1)!) as Record<string, unknown>;
}

beforeAll(() => {
  for (const file of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts']) {
    if (!existsSync(new URL(`../../${file}`, import.meta.url))) {
      throw new Error(`${file} is missing: build the package first (npx tsup, or npm test which builds before testing).`);
    }
  }
});

describe('built package', () => {
  it('ESM: import pook from "pook" and import * as ns give the same API, and it mocks fetch', () => {
    expect(run('esm.mjs')).toEqual({
      format: 'esm',
      sameMembers: true,
      defaultIsNamespace: true,
      status: 200,
      contentType: 'application/json',
      body: [{ id: 1, name: 'ada' }],
      schema: 204,
      xml: 202,
      unmatched: 'fetch failed / true / POOK_NO_MATCH',
      active: false,
    });
  });

  it('CommonJS: require("pook") gives the same API, patches nothing on require, and mocks fetch', () => {
    expect(run('cjs.cjs')).toEqual({
      format: 'cjs',
      patchedOnRequire: false,
      hasDefault: true,
      status: 201,
      body: { id: 2 },
      schema: 204,
      xml: 202,
      invalid: 'true / POOK_INVALID_ARGUMENT / reply',
      isDone: true,
      active: false,
      restored: true,
    });
  });

  it('isPookError recognises the errors of another copy of pook by their brand, which is not an enumerable field', () => {
    expect(run('brand.cjs')).toEqual({
      separateCopies: true,
      instanceofAcross: false,
      recognisedAcross: true,
      code: 'POOK_INVALID_ARGUMENT',
      plainError: false,
      brandEnumerable: false,
    });
  });

  it('one pook per process: activated through import, disabled through require, every global is the original again', () => {
    expect(run('one-state.mjs')).toEqual({
      sameEngine: true,
      sameClasses: true,
      activeThroughRequire: true,
      patched: true,
      body: [{ id: 1 }],
      blocked: 'true / true',
      doneThroughImport: true,
      activeAfter: false,
      restored: true,
    });
  });
});

// A consumer project with the package installed (a symlink in node_modules),
// type-checked with skipLibCheck off: the shipped .d.ts/.d.cts must resolve
// through "exports" and compile on their own, for ESM and CommonJS.
const CONSUMER_ESM = `
import pook, { type Mock, PookResponse } from 'pook';
import * as ns from 'pook';
import { type HarEntry, loadHar, record } from 'pook/har';
const mock: Mock = pook.get('api.test');
const mocks: Mock[] = loadHar({ log: { version: '1.2', creator: { name: 'x', version: '1' }, entries: [] as HarEntry[] } });
const entries: HarEntry[] = record({ zeroTimings: true }).entries;
void mocks, entries;
const response: PookResponse = ns.post('api.test').reply(201);
const same: typeof ns.get = pook.get;
// @ts-expect-error unknown option
pook.get('api.test', { tmes: 1 });
{
  using scope = pook.use();
  void scope.engine;
}
void mock, response, same;
`;
const CONSUMER_CJS = `
import pook = require('pook');
import har = require('pook/har');
const mock: pook.Mock = pook.get('api.test');
const loaded: pook.Mock[] = har.loadHar('recording.har', { persist: true });
void loaded;
const response: pook.PookResponse = mock.reply(200);
// @ts-expect-error unknown option
pook.get('api.test', { tmes: 1 });
void response;
`;

describe('built type declarations', () => {
  it('type-check in a consumer project, from ESM and from CommonJS', () => {
    expect(typecheckConsumer({ esm: CONSUMER_ESM, cjs: CONSUMER_CJS })).toBe('');
  });
});

describe('source maps', () => {
  it('name only files the package ships (its src/), or carry the source inline', () => {
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', timeout: 60_000 }),
    ) as Array<{
      files: Array<{ path: string }>;
    }>;
    const shipped = new Set(packed[0]!.files.map((file) => file.path));
    const maps = [...shipped].filter((path) => path.endsWith('.map'));
    expect(maps.length).toBeGreaterThan(0);
    for (const path of maps) {
      const map = JSON.parse(readFileSync(join(root, path), 'utf8')) as { sources: string[]; sourcesContent?: Array<string | null> };
      map.sources.forEach((source, i) => {
        const file = posix.join(posix.dirname(path), source);
        // tsup's own CommonJS shim is not pook's file: its text is in the map.
        if (file.startsWith('node_modules/tsup/')) expect(map.sourcesContent?.[i], `${path}: ${source}`).toEqual(expect.any(String));
        else expect(shipped.has(file), `${path} names ${file}, which the package does not ship`).toBe(true);
      });
    }
  });
});
