// Cassettes: one HAR file replayed, recorded or both, in a scope of its own;
// the mode in code or from POOK_RECORD.

import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASSETTE_ENV, cassette, cassetteMode, readHar, withCassette } from '../../src/har/index.js';
import pook, { PookInvalidArgumentError, PookNoMatchesError, PookPendingMocksError } from '../../src/index.js';
import { validateHar } from './har-schema.js';
import { type HarServer, startHarServer } from './har-server.js';

let server: HarServer;
let dir: string;
beforeEach(async () => {
  server = await startHarServer();
  dir = mkdtempSync(join(tmpdir(), 'pook-cassette-'));
  delete process.env[CASSETTE_ENV];
});
afterEach(async () => {
  delete process.env[CASSETTE_ENV];
  pook.off();
  await server.close();
});

const text = async (path: string): Promise<string> => (await fetch(server.origin + path)).text();

describe('modes', () => {
  it('replay needs the file, and says how to record it', () => {
    expect(() => cassette(join(dir, 'missing.har'))).toThrow(/POOK_RECORD=missing/);
  });

  it('update records what is missing, then replays it offline; unused entries fail like pending mocks', async () => {
    const file = join(dir, 'nested', 'api.har');
    await withCassette(
      file,
      async () => {
        expect(await text('/text')).toBe('héllo from the server');
        expect(await text('/counter')).toBe('call 1');
      },
      { mode: 'update', zeroTimings: true },
    );
    const har = readHar(file);
    expect(har.log.entries.map((e) => new URL(e.request.url).pathname)).toEqual(['/text', '/counter']);
    expect(validateHar(har)).toEqual([]);

    await server.close();
    // Replay (the default): the server is gone, the file answers.
    expect(await withCassette(file, async () => [await text('/text'), await text('/counter')])).toEqual(['héllo from the server', 'call 1']);
    // A request the file does not hold fails closed, with the no-match report.
    const failure = await withCassette(file, () => fetch(`${server.origin}/json`).catch((error: Error) => error.cause), { allowUnused: true });
    expect(failure).toBeInstanceOf(PookNoMatchesError);
    // Entries no request used are reported like pending mocks.
    await expect(withCassette(file, () => text('/text'))).rejects.toBeInstanceOf(PookPendingMocksError);
    server = await startHarServer();
  });

  it('update keeps the entries it has and appends the new ones', async () => {
    const file = join(dir, 'api.har');
    await withCassette(file, () => text('/text'), { mode: 'update' });
    await withCassette(
      file,
      async () => {
        await text('/text');
        await text('/binary');
      },
      { mode: 'update' },
    );
    expect(readHar(file).log.entries.map((e) => new URL(e.request.url).pathname)).toEqual(['/text', '/binary']);
    // /text came from the file the second time: the server saw it once.
    expect(server.received.filter((r) => r === 'GET /text')).toHaveLength(1);
  });

  it('record always goes to the network and writes the file anew', async () => {
    const file = join(dir, 'api.har');
    await withCassette(file, () => text('/counter'), { mode: 'record' });
    await withCassette(file, () => text('/counter'), { mode: 'record' });
    const entries = readHar(file).log.entries;
    expect(entries).toHaveLength(1);
    expect(entries[0]!.response.content.text).toBe('call 2');
  });

  it('passthrough neither reads nor writes the file', async () => {
    const file = join(dir, 'api.har');
    expect(await withCassette(file, () => text('/counter'), { mode: 'passthrough' })).toBe('call 1');
    expect(existsSync(file)).toBe(false);
  });

  it('POOK_RECORD overrides the mode written in code', async () => {
    const file = join(dir, 'api.har');
    process.env[CASSETTE_ENV] = 'missing';
    await withCassette(file, () => text('/text'), { mode: 'replay' });
    expect(existsSync(file)).toBe(true);
    expect(cassetteMode('replay', 'record')).toBe('record');
    expect(cassetteMode(undefined, '')).toBe('replay');
    expect(() => cassetteMode('replay', 'sometimes')).toThrow(PookInvalidArgumentError);
    expect(() => cassetteMode('sometimes', '')).toThrow(/unknown cassette mode/);
  });
});

describe('as a scope', () => {
  it('await using: its mocks serve its own async context only, and it writes the file when disposed', async () => {
    const file = join(dir, 'api.har');
    {
      await using tape = cassette(file, { mode: 'record' });
      expect(tape.mode).toBe('record');
      expect(await text('/text')).toBe('héllo from the server');
    }
    expect(JSON.parse(readFileSync(file, 'utf8')).log.entries).toHaveLength(1);
    await server.close();
    {
      await using tape = cassette(file);
      expect(tape.mocks).toHaveLength(1);
      expect(await text('/text')).toBe('héllo from the server');
      expect(tape.pending()).toEqual([]);
    }
    // Outside the cassette, the global engine: nothing mocked.
    pook.activate();
    await expect(fetch(`${server.origin}/text`)).rejects.toThrow('fetch failed');
    server = await startHarServer();
  });
});
