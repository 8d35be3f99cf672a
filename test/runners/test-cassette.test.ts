// The integrations' cassette() in process, around TestRun (what every
// runner file adapts): the name clash, allowUnused, and the file written
// when the test fails. The runners themselves run it in cassettes.test.ts.

import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { CASSETTE_ENV, cassettePath, harOf, harText } from '../../src/har/index.js';
import pook, { PookInvalidArgumentError, PookPendingMocksError } from '../../src/index.js';
import { cassette } from '../../src/integrations/test-cassette.js';
import { TestRun } from '../../src/integrations/test-run.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pook-test-cassette-'));
  file = join(dir, 'users.test.mjs');
  delete process.env[CASSETTE_ENV];
});
afterEach(() => pook.off());

const inTest = (name: string | undefined, body: () => unknown): Promise<void> => TestRun.around(body, { global: false, identity: () => ({ file, name }) });

function oneEntryHar(path: string): void {
  const entry = {
    startedDateTime: new Date(0).toISOString(),
    time: 0,
    request: {
      method: 'GET',
      url: 'http://api.test/users/1',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: [],
      queryString: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: 200,
      statusText: 'OK',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: [{ name: 'content-type', value: 'application/json' }],
      content: { size: 8, mimeType: 'application/json', text: '{"id":1}' },
      redirectURL: '',
      headersSize: -1,
      bodySize: 8,
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
  };
  writeFileSync(path, harText(harOf([entry])));
}

it('two test names that make one file fail the second test, saying so', async () => {
  await inTest('users: a b', () => void cassette({ mode: 'record' }));
  expect(existsSync(cassettePath(file, 'users: a b'))).toBe(true);
  await expect(inTest('users a-b', () => void cassette({ mode: 'record' }))).rejects.toThrow(PookInvalidArgumentError);
  await expect(inTest('users a-b', () => void cassette({ mode: 'record' }))).rejects.toThrow(/"users a-b" and "users: a b" make the same cassette file/);
  // A name of its own may be shared by several tests.
  await inTest('one', () => void cassette('shared', { mode: 'record' }));
  await inTest('two', () => void cassette('shared', { mode: 'record' }));
});

it('replays the file named after the test; an unused entry fails the test unless allowUnused', async () => {
  const path = cassettePath(file, 'users loads user 1');
  mkdirSync(join(path, '..'), { recursive: true });
  oneEntryHar(path);
  await inTest('users loads user 1', async () => {
    cassette();
    expect(await (await fetch('http://api.test/users/1')).json()).toEqual({ id: 1 });
  });
  await expect(inTest('users loads user 1', () => void cassette())).rejects.toBeInstanceOf(PookPendingMocksError);
  await inTest('users loads user 1', () => void cassette({ allowUnused: true }));
});

it('a test that fails still writes what it recorded, and fails with its own error', async () => {
  await expect(
    inTest('records then fails', () => {
      cassette({ mode: 'record' });
      throw new Error('the test failed');
    }),
  ).rejects.toThrow('the test failed');
  expect(existsSync(cassettePath(file, 'records then fails'))).toBe(true);
});

it('without a test name from the runner, asks for a name', async () => {
  await expect(inTest(undefined, () => void cassette())).rejects.toThrow(/give the cassette a name, cassette\('name'\)/);
});
