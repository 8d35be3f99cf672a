import { existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHar } from '../../src/har/index.js';
import { validateHar } from '../har/har-schema.js';
import { listenOnLoopback } from '../helpers/servers.js';
import { type InstalledFixture, installFixture, type RunnerResult } from './harness.js';

// The runner integrations' cassette(): test/runners/cassettes/fixture holds
// the same three tests for vitest, node:test, mocha and Jest, each run
// through its own command line as a user runs it. With POOK_RECORD=record
// against a loopback server, each test's requests are written to the file
// named after the test; then, with the server closed and no POOK_RECORD,
// the same run replays them offline; and a run whose code skips a recorded
// request fails that test with the pending-entry report.

interface Runner {
  readonly name: string;
  /** The folder of its test file in the fixture, and the file's name. */
  readonly folder: string;
  readonly file: string;
  readonly args: (fixture: InstalledFixture) => string[];
}

const RUNNERS: readonly Runner[] = [
  { name: 'vitest', folder: 'vitest', file: 'users.test.mjs', args: (f) => [f.bin('vitest'), 'run'] },
  { name: 'node:test', folder: 'node-test', file: 'users.test.mjs', args: () => ['--test', '--import', 'pook/node-test', 'node-test/users.test.mjs'] },
  { name: 'mocha', folder: 'mocha', file: 'users.spec.mjs', args: (f) => [f.bin('mocha'), '--require', 'pook/mocha', 'mocha/users.spec.mjs'] },
  { name: 'jest', folder: 'jest', file: 'users.test.js', args: (f) => [f.bin('jest'), '--ci'] },
];

// The cassette files the three tests of each runner use.
const NAMES = ['users-api-loads-users-1-2.har', 'users-api-unicode-quotes-slashes.har', 'shared-users.har'];

let fixture: InstalledFixture;
let server: http.Server;
let origin: string;
const received: string[] = [];
const recorded = new Map<string, RunnerResult>();
const replayed = new Map<string, RunnerResult>();
const skipping = new Map<string, RunnerResult>();

beforeAll(async () => {
  fixture = installFixture('cassettes', ['mocha']);
  server = http.createServer((request, response) => {
    received.push(request.url ?? '');
    const id = Number(/^\/users\/(\d+)$/.exec(request.url ?? '')?.[1]);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ id, name: `user ${id}` }));
  });
  ({ origin } = await listenOnLoopback(server, '127.0.0.1', 'http'));
  for (const runner of RUNNERS) {
    recorded.set(runner.name, await fixture.run(runner.args(fixture), { timeout: 90_000, env: { API: origin, POOK_RECORD: 'record' } }));
  }
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  for (const runner of RUNNERS) {
    replayed.set(runner.name, await fixture.run(runner.args(fixture), { timeout: 90_000, env: { API: origin } }));
    skipping.set(runner.name, await fixture.run(runner.args(fixture), { timeout: 90_000, env: { API: origin, SKIP_SECOND: '1' } }));
  }
}, 600_000);
afterAll(() => fixture?.remove());

describe.each(RUNNERS)('cassette() of the $name integration', (runner) => {
  const folder = (): string => join(fixture.dir, runner.folder, '__cassettes__', runner.file);

  it('records each test into the file named after it, next to the test file', () => {
    const run = recorded.get(runner.name)!;
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(readdirSync(folder()).sort()).toEqual([...NAMES].sort());
    const paths = (name: string): string[] => readHar(join(folder(), name)).log.entries.map((entry) => new URL(entry.request.url).pathname);
    expect(paths(NAMES[0]!)).toEqual(['/users/1', '/users/2']);
    expect(paths(NAMES[1]!)).toEqual(['/users/3']);
    expect(paths(NAMES[2]!)).toEqual(['/users/1']);
    for (const name of NAMES) expect(validateHar(readHar(join(folder(), name)))).toEqual([]);
  });

  it('replays them offline, with the server closed and networking off', () => {
    const run = replayed.get(runner.name)!;
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(existsSync(join(folder(), NAMES[0]!))).toBe(true);
  });

  it('fails the test that leaves a recorded entry unused, with the pending report, and only that test', () => {
    const run = skipping.get(runner.name)!;
    const output = run.stdout + run.stderr;
    expect(run.code, output).not.toBe(0);
    expect(output).toContain('pook: 1 mock is still pending');
    expect(output).toContain(`${origin}/users/2`);
    expect(output).toMatch(/loads users 1 & 2/);
    expect(output).not.toMatch(/Ünïcode, "quotes" \/ slashes[^\n]*(fail|✗|✖)/i);
  });
});

it('every recording went to the server: 4 runners × 4 requests', () => {
  expect(received.sort()).toEqual(RUNNERS.flatMap(() => ['/users/1', '/users/1', '/users/2', '/users/3']).sort());
});

it('cassette() outside a test says where to call it', async () => {
  const { cassette } = await import('../../src/integrations/test-cassette.js');
  const { PookInvalidArgumentError } = await import('../../src/index.js');
  expect(() => cassette()).toThrow(PookInvalidArgumentError);
  expect(() => cassette()).toThrow(/call it in a test or in its beforeEach hook/);
});

it('docs/record-and-replay.md shows the vitest and node:test files this suite runs, byte for byte', () => {
  const markdown = readFileSync(new URL('../../docs/record-and-replay.md', import.meta.url), 'utf8');
  const shown = new Map([...markdown.matchAll(/^`([^`\n]+)`:\n\n```\w*\n([\s\S]*?)^```$/gm)].map((match) => [match[1]!, match[2]!]));
  for (const file of ['vitest/users.test.mjs', 'node-test/users.test.mjs']) {
    expect(shown.get(file), file).toBe(readFileSync(new URL(`./cassettes/fixture/${file}`, import.meta.url), 'utf8'));
  }
});
