// `pook har` as a user runs it (the built dist/cli.js in a child process), and
// checkHar, the validation it uses, held to the published HAR schema.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkHar, type Har, harOf, REDACTED } from '../../src/har/index.js';
import { validateHar } from './har-schema.js';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

async function pook(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

const SAMPLE: Har = harOf([
  {
    startedDateTime: '2026-01-01T00:00:00.000Z',
    time: 5,
    request: {
      method: 'GET',
      url: 'https://api.test/users?api_key=k-123&page=1',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: [
        { name: 'authorization', value: 'Bearer tok-456' },
        { name: 'x-tenant', value: 'tenant-789' },
      ],
      queryString: [
        { name: 'api_key', value: 'k-123' },
        { name: 'page', value: '1' },
      ],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: 200,
      statusText: 'OK',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: [{ name: 'content-type', value: 'application/json' }],
      content: { size: 2, mimeType: 'application/json', text: '[]' },
      redirectURL: '',
      headersSize: -1,
      bodySize: 2,
    },
    cache: {},
    timings: { send: 0, wait: 5, receive: 0 },
  },
]);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pook-har-cli-'));
});

describe('pook har', () => {
  it('lists the entries, as text or JSON lines', async () => {
    const file = join(dir, 'list.har');
    writeFileSync(file, JSON.stringify(SAMPLE));
    const text = await pook('har', 'list', file);
    expect(text).toEqual({ code: 0, stdout: '   1  GET     https://api.test/users?api_key=k-123&page=1  200  2 B\n', stderr: '' });
    const json = await pook('har', 'list', file, '--json');
    expect(JSON.parse(json.stdout)).toEqual({ index: 1, method: 'GET', url: 'https://api.test/users?api_key=k-123&page=1', status: 200, size: 2 });
  });

  it('validates: exit 0 for a HAR, exit 1 with the problems otherwise', async () => {
    const good = join(dir, 'good.har');
    writeFileSync(good, JSON.stringify(SAMPLE));
    expect(await pook('har', 'validate', good)).toEqual({ code: 0, stdout: `${good}: a valid HAR 1.2 file, 1 entries\n`, stderr: '' });
    const bad = join(dir, 'bad.har');
    const broken = structuredClone(SAMPLE) as unknown as { log: { entries: Array<{ response: { status: unknown } }> } };
    broken.log.entries[0]!.response.status = '200';
    writeFileSync(bad, JSON.stringify(broken));
    const result = await pook('har', 'validate', bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('log.entries[0].response.status must be an integer, got string');
  });

  it('redacts a file in place or to --out, with --header and --param names; --check reports', async () => {
    const file = join(dir, 'secrets.har');
    writeFileSync(file, JSON.stringify(SAMPLE));
    expect((await pook('har', 'redact', file, '--check')).code).toBe(1);
    const out = join(dir, 'clean.har');
    const result = await pook('har', 'redact', file, '--header', 'x-tenant', '--out', out);
    expect(result).toEqual({ code: 0, stdout: `${out}: 1 entries redacted (values replaced by ${REDACTED})\n`, stderr: '' });
    const bytes = readFileSync(out, 'utf8');
    for (const secret of ['k-123', 'tok-456', 'tenant-789']) expect(bytes).not.toContain(secret);
    expect(validateHar(JSON.parse(bytes))).toEqual([]);
    expect((await pook('har', 'redact', out, '--check', '--header', 'x-tenant')).code).toBe(0);
    // In place: the original file is rewritten.
    expect((await pook('har', 'redact', file)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toContain('tok-456');
    expect(readFileSync(file, 'utf8')).toContain('tenant-789');
  });

  it('exits 2 for a wrong command line, 1 for a file it cannot read', async () => {
    expect((await pook('har')).code).toBe(2);
    expect((await pook('har', 'frob', 'x.har')).stderr).toContain("unknown command 'frob'");
    expect((await pook('har', 'list')).stderr).toContain('missing file');
    expect((await pook('har', 'list', 'x.har', '--frob')).code).toBe(2);
    expect((await pook('har', 'list', join(dir, 'nothing.har'))).code).toBe(1);
    expect((await pook('har', '--help')).stdout).toMatch(/^Usage: pook har/);
    expect((await pook('--help')).stdout).toMatch(/ {2}har +list, validate or redact a HAR file/);
  });
});

describe('checkHar', () => {
  it('agrees with the published HAR schema on valid and broken documents', () => {
    const cases: unknown[] = [SAMPLE, harOf([])];
    const breakages: Array<(har: { log: Record<string, unknown> & { entries: Array<Record<string, Record<string, unknown>>> } }) => void> = [
      (h) => delete h.log.entries[0]!.request!.url,
      (h) => (h.log.entries[0]!.response!.headers = {} as never),
      (h) => delete h.log.entries[0]!.timings!.wait,
      (h) => (h.log.entries[0]!.startedDateTime = 'yesterday' as never),
      (h) => delete h.log.creator,
      (h) => ((h.log.entries[0]!.response!.content as Record<string, unknown>).size = 'big'),
    ];
    for (const breakage of breakages) {
      const copy = structuredClone(SAMPLE) as never;
      breakage(copy);
      cases.push(copy);
    }
    for (const value of cases) expect(checkHar(value).length === 0, JSON.stringify(checkHar(value))).toBe(validateHar(value).length === 0);
  });
});
