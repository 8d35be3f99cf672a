// Item: a mocked fetch answers with a FetchedResponse that reads an
// in-memory body without a stream when nothing asks for one
// (src/interceptors/fetch/fetched-response.ts). Every way of reading a body, and
// every order of them, must behave as a Response that came over the
// network: each script below runs on a mocked response and on a real one
// from a server on 127.0.0.1 with the same status, headers and bytes, and
// what each observes (values, flags, errors) must be equal.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import pook from '../../src/index.js';

interface Body {
  readonly status: number;
  readonly type: string;
  readonly bytes: Uint8Array;
}

const BOM = [0xef, 0xbb, 0xbf];
const BODIES: Record<string, Body> = {
  json: { status: 200, type: 'application/json', bytes: Buffer.from('{"name":"pook","list":[1,2,3],"é":"ü"}') },
  'json with a BOM': { status: 200, type: 'application/json; charset=utf-8', bytes: Buffer.from([...BOM, ...Buffer.from('{"a":1}')]) },
  'invalid JSON': { status: 500, type: 'application/json', bytes: Buffer.from('{"a":') },
  'invalid UTF-8': { status: 200, type: 'text/plain', bytes: Buffer.from([0x61, 0xff, 0xfe, 0x62, 0xc3]) },
  empty: { status: 200, type: 'text/plain', bytes: new Uint8Array(0) },
  binary: { status: 201, type: 'application/octet-stream', bytes: Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 256) },
  form: { status: 200, type: 'application/x-www-form-urlencoded', bytes: Buffer.from('a=1&b=two+words&a=3') },
};

type Observation = unknown;
type Script = (response: Response) => Promise<Observation>;

/** An error as a value: its class and message. */
function failure(error: unknown): Observation {
  return error instanceof Error ? { threw: error.constructor.name, message: error.message } : { threw: String(error) };
}

async function settle(promise: () => Promise<unknown> | unknown): Promise<Observation> {
  try {
    return { value: await normalise(await promise()) };
  } catch (error) {
    return failure(error);
  }
}

async function normalise(value: unknown): Promise<unknown> {
  if (value instanceof ArrayBuffer) return { arrayBuffer: [...new Uint8Array(value)] };
  if (value instanceof Uint8Array)
    return { bytes: [...value], plain: value.constructor === Uint8Array, whole: value.byteOffset === 0 && value.byteLength === value.buffer.byteLength };
  if (value instanceof Blob) return { blob: value.type, size: value.size, content: [...new Uint8Array(await value.arrayBuffer())] };
  if (value instanceof FormData) return { form: [...value.entries()] };
  return value;
}

async function readStream(stream: ReadableStream<Uint8Array> | null): Promise<Observation> {
  if (stream === null) return null;
  const reader = stream.getReader();
  const bytes: number[] = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return bytes;
    bytes.push(...value);
  }
}

const flags = (response: Response): Observation => ({ bodyUsed: response.bodyUsed, locked: response.body?.locked ?? null });

const SCRIPTS: Record<string, Script> = {
  'json()': async (r) => [await settle(() => r.json()), flags(r)],
  'text()': async (r) => [await settle(() => r.text()), flags(r)],
  'arrayBuffer()': async (r) => [await settle(() => r.arrayBuffer()), flags(r)],
  'bytes()': async (r) => [await settle(() => r.bytes()), flags(r)],
  'blob()': async (r) => [await settle(() => r.blob()), flags(r)],
  'formData()': async (r) => [await settle(() => r.formData()), flags(r)],
  'bodyUsed, then body read by a reader, then json()': async (r) => {
    const before = r.bodyUsed;
    // biome-ignore lint/suspicious/noSelfCompare: reads the getter twice on purpose: it must return the same stream each time
    const same = r.body === r.body;
    const read = await readStream(r.body);
    return [before, same, read, flags(r), await settle(() => r.json())];
  },
  'body touched, then text()': async (r) => {
    const locked = r.body?.locked;
    return [locked, r.bodyUsed, await settle(() => r.text()), flags(r)];
  },
  'json() twice': async (r) => [await settle(() => r.json()), await settle(() => r.json()), flags(r)],
  'text(), then arrayBuffer(), blob(), formData(), bytes()': async (r) => [
    await settle(() => r.text()),
    await settle(() => r.arrayBuffer()),
    await settle(() => r.blob()),
    await settle(() => r.formData()),
    await settle(() => r.bytes()),
  ],
  'text(), then the body': async (r) => [
    await settle(() => r.text()),
    r.body === null ? null : { locked: r.body.locked },
    await settle(() => readStream(r.body)),
  ],
  'text(), then clone()': async (r) => [await settle(() => r.text()), await settle(() => r.clone().status)],
  'clone(), then both read': async (r) => {
    const copy = r.clone();
    return [
      await settle(() => copy.text()),
      await settle(() => r.arrayBuffer()),
      flags(r),
      flags(copy),
      copy.status,
      copy.statusText,
      [...copy.headers].filter(([name]) => name === 'content-type'),
    ];
  },
  'clone() of a clone, the original read first': async (r) => {
    const copy = r.clone();
    const again = copy.clone();
    return [await settle(() => r.json()), await settle(() => again.text()), await settle(() => copy.bytes())];
  },
  'body read partly, then json()': async (r) => {
    const reader = r.body?.getReader();
    const first = reader === undefined ? null : (await reader.read()).done;
    return [first, flags(r), await settle(() => r.json())];
  },
  'body touched, then clone(), then both read': async (r) => {
    void r.body;
    const copy = r.clone();
    return [await settle(() => readStream(copy.body)), await settle(() => r.text()), flags(r), flags(copy)];
  },
};

let server: http.Server;
let origin: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const body = BODIES[decodeURIComponent(req.url!.slice(1))]!;
    res.writeHead(body.status, { 'content-type': body.type, 'content-length': body.bytes.byteLength });
    res.end(body.bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  pook.activate();
  pook.enableNetwork('127.0.0.1');
});
afterEach(() => pook.off());

/** The same body, mocked and from the network. */
async function pair(name: string): Promise<{ mocked: Response; real: Response }> {
  const body = BODIES[name]!;
  const path = `/${encodeURIComponent(name)}`;
  pook.get(`http://api.test${path}`).reply(body.status).type(body.type).body(Buffer.from(body.bytes));
  const mocked = await fetch(`http://api.test${path}`);
  const real = await fetch(`${origin}${path}`);
  return { mocked, real };
}

describe('a mocked fetch response reads its body as a real one does', () => {
  const cases = Object.keys(BODIES).flatMap((body) => Object.keys(SCRIPTS).map((script) => [body, script] as const));
  it.each(cases)('%s body: %s', async (body, script) => {
    const { mocked, real } = await pair(body);
    const run = SCRIPTS[script]!;
    expect(await run(mocked)).toEqual(await run(real));
  });
});

describe('a mocked fetch response', () => {
  it('keeps url, redirected and type in its clones', async () => {
    pook.get('http://api.test/from').reply(302).header('location', '/to');
    pook.get('http://api.test/to').reply(200).json({ ok: 1 });
    const response = await fetch('http://api.test/from');
    const unread = response.clone();
    void response.body;
    const streamed = response.clone();
    for (const copy of [unread, streamed]) {
      expect([copy.url, copy.redirected, copy.type]).toEqual(['http://api.test/to', true, 'basic']);
      expect(copy).toBeInstanceOf(Response);
      expect(await copy.json()).toEqual({ ok: 1 });
    }
    expect(await response.json()).toEqual({ ok: 1 });
  });

  it('keeps url and type in the clone of a streamed body', async () => {
    pook.get('http://api.test/stream').reply(200).body(['a', 'b']);
    const response = await fetch('http://api.test/stream');
    const copy = response.clone();
    expect([copy.url, copy.type]).toEqual(['http://api.test/stream', 'basic']);
    expect([await copy.text(), await response.text()]).toEqual(['ab', 'ab']);
  });

  it('hands out copies: changing what one read returned changes nothing else', async () => {
    const mock = pook.get('http://api.test/copies').persist().reply(200).body(Buffer.from('abc')).mock;
    const first = await fetch('http://api.test/copies');
    const copy = first.clone();
    const bytes = await first.bytes();
    bytes[0] = 0x7a;
    const buffer = new Uint8Array(await copy.arrayBuffer());
    buffer[1] = 0x7a;
    expect(await (await fetch('http://api.test/copies')).text()).toBe('abc');
    expect(mock.calls).toBe(2);
  });

  it('shows its body state when inspected, as a real one does', async () => {
    const { mocked, real } = await pair('json');
    const shape = (response: Response): string =>
      inspect(response)
        .replace(/url: '[^']*'/, 'url')
        .replace(/headers: Headers \{[^}]*\}/, 'headers');
    expect(shape(mocked)).toBe(shape(real));
    await mocked.text();
    await real.text();
    expect(shape(mocked)).toBe(shape(real));
  });

  it('has no body for HEAD, as a real one does', async () => {
    pook.head('http://api.test/head').reply(200).body('ignored');
    const mocked = await fetch('http://api.test/head', { method: 'HEAD' });
    const real = await fetch(`${origin}/json`, { method: 'HEAD' });
    expect([mocked.body, mocked.bodyUsed, await mocked.text()]).toEqual([real.body, real.bodyUsed, await real.text()]);
  });
});
