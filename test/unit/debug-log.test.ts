import { afterEach, describe, expect, it, vi } from 'vitest';
import pook, { Engine, type PookNoMatchesError, PookRequest } from '../../src/index.js';
import { runTs } from '../helpers/child.js';

// Seeing what happens: pook.debug() and NODE_DEBUG=pook log one line per
// decision; debug() also lists every candidate in no-match errors.

afterEach(() => {
  vi.restoreAllMocks();
  pook.debug(false); // reset() keeps the debug flag
  pook.off();
});

/** Captures what is written to stderr while `fn` runs (as a TTY with or without colours, if asked). */
async function stderrOf(fn: () => Promise<void>, tty?: { isTTY: boolean; colors: boolean }): Promise<string[]> {
  const lines: string[] = [];
  const stderr = process.stderr as { isTTY?: boolean; hasColors?: () => boolean };
  const saved = { isTTY: Object.getOwnPropertyDescriptor(stderr, 'isTTY'), hasColors: Object.getOwnPropertyDescriptor(stderr, 'hasColors') };
  vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: string) => {
    lines.push(String(chunk));
    return true;
  }) as never);
  if (tty !== undefined) {
    Object.defineProperty(stderr, 'isTTY', { value: tty.isTTY, configurable: true, writable: true });
    Object.defineProperty(stderr, 'hasColors', { value: () => tty.colors, configurable: true, writable: true });
  }
  try {
    await fn();
  } finally {
    for (const key of ['isTTY', 'hasColors'] as const) {
      const descriptor = saved[key];
      if (descriptor === undefined) delete stderr[key];
      else Object.defineProperty(stderr, key, descriptor);
    }
    vi.restoreAllMocks();
  }
  return lines;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matches ANSI colour codes, which start with ESC (U+001B)
const ANSI = /\u001b\[\d+m/;

describe('pook.debug()', () => {
  it('logs which mock answered, a failure from a mock, and a blocked request with its closest mock', async () => {
    const lines = await stderrOf(async () => {
      pook.activate();
      pook.debug();
      pook.get('api.test/ok').reply(200);
      pook.get('api.test/broken').error('boom');
      await fetch('http://api.test/ok');
      await fetch('http://api.test/broken').catch(() => undefined);
      await fetch('http://api.test/missing', { method: 'POST' }).catch(() => undefined);
    });
    const [ok, broken] = pook.engine().mocks.map((mock) => `test/unit/debug-log.test.ts:${mock.definedAt!.line}`);
    expect(lines).toEqual([
      `pook: GET http://api.test/ok → GET api.test/ok (${ok})\n`,
      `pook: GET http://api.test/broken → GET api.test/broken (${broken})\n`,
      `pook: GET http://api.test/broken → failed with Error: boom (from GET api.test/broken)\n`,
      `pook: POST http://api.test/missing → blocked (no mock matched; closest: GET api.test/ok (${ok}), expired after 1 call (times(1)); otherwise differs in method and url path)\n`,
    ]);
  });

  it('logs a request let through to the network', async () => {
    // A standalone engine: the decision is all that is tested, nothing is sent.
    const engine = new Engine({ network: true });
    engine.debug = true;
    const lines = await stderrOf(async () => {
      expect((await engine.handle(new PookRequest({ method: 'GET', url: 'http://127.0.0.1:9/x' }))).type).toBe('passthrough');
    });
    expect(lines).toEqual(['pook: GET http://127.0.0.1:9/x → real network (unmatched)\n']);
  });

  it('colours the outcome only when stderr is a colour TTY', async () => {
    const run = async (): Promise<void> => {
      pook.activate();
      pook.debug();
      pook.get('api.test/ok').persist().reply(200);
      await fetch('http://api.test/ok');
    };
    const plain = await stderrOf(run, { isTTY: false, colors: true });
    expect(plain.join('')).not.toMatch(ANSI);
    const tty = await stderrOf(run, { isTTY: true, colors: true });
    expect(tty.join('')).toMatch(ANSI);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes, which start with ESC (U+001B)
    expect(tty.join('').replace(/\u001b\[\d+m/g, '')).toBe(plain.join(''));
    expect((await stderrOf(run, { isTTY: true, colors: false })).join('')).not.toMatch(ANSI);
  });

  it('lists every candidate in the no-match error, not just the closest three; debug(false) turns it off', async () => {
    pook.activate();
    for (const path of ['a', 'b', 'c', 'd', 'e']) pook.get(`api.test/${path}`).reply(200);
    const failure = async (): Promise<PookNoMatchesError> => (await fetch('http://api.test/z').catch((e: TypeError) => e.cause)) as PookNoMatchesError;
    const shown = (error: PookNoMatchesError): number => [...error.message.matchAll(/^ {2}\d\. /gm)].length;

    const quiet = await failure();
    expect([shown(quiet), quiet.candidates.length]).toEqual([3, 5]);
    expect(quiet.message).toContain('Mocks tried (closest 3 of 5; pook.debug() shows all):');

    await stderrOf(async () => {
      pook.debug();
      const loud = await failure();
      expect([shown(loud), loud.candidates.length]).toEqual([5, 5]);
      expect(loud.message).toContain('Mocks tried (closest first):');
      pook.debug(false);
    });
    expect(shown(await failure())).toBe(3);
  });

  it('engine.candidateLimit sets how many candidates the message shows', async () => {
    pook.activate();
    for (const path of ['a', 'b', 'c', 'd', 'e']) pook.get(`api.test/${path}`).reply(200);
    pook.engine().candidateLimit = 1;
    const error = (await fetch('http://api.test/z').catch((e: TypeError) => e.cause)) as PookNoMatchesError;
    expect(error.message).toContain('Mocks tried (closest 1 of 5; pook.debug() shows all):');
    expect(() => (pook.engine().candidateLimit = -1)).toThrow(/candidateLimit/);
    pook.engine().candidateLimit = Number.POSITIVE_INFINITY;
    expect(((await fetch('http://api.test/z').catch((e: TypeError) => e.cause)) as PookNoMatchesError).message).toContain('(closest first)');
  });
});

describe('NODE_DEBUG=pook', () => {
  it("logs each decision through util.debuglog (Node's format), without changing the errors", async () => {
    const { code, stdout, stderr } = await runTs('debug-decisions.ts', { NODE_DEBUG: 'pook' });
    expect(code).toBe(0);
    const site = (line: number): string => `test/fixtures/child/debug-decisions.ts:${line}`;
    const lines = stderr
      .trimEnd()
      .split('\n')
      .map((line) => line.replace(/^POOK \d+: /, 'POOK <pid>: '));
    expect(lines).toEqual([
      `POOK <pid>: GET http://api.test/ok → GET api.test/ok (${site(6)})`,
      `POOK <pid>: GET http://api.test/broken → GET api.test/broken (${site(7)})`,
      `POOK <pid>: GET http://api.test/broken → failed with Error: boom (from GET api.test/broken)`,
      `POOK <pid>: GET http://api.test/missing → blocked (no mock matched; closest: GET api.test/a (${site(8)}), matches except for url path)`,
    ]);
    expect(stdout).toBe('shown: 3 of 5\n');
  });

  it('logs nothing without it (or for another section)', async () => {
    for (const env of [{}, { NODE_DEBUG: 'http,net' }]) {
      const { code, stdout, stderr } = await runTs('debug-decisions.ts', env);
      expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: 'shown: 3 of 5\n', stderr: '' });
    }
  });
});
