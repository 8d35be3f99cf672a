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
import ky from 'ky';
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
  'headers changed, on the response and on a clone': async (r) => {
    const change = (headers: Headers): Promise<Observation[]> =>
      Promise.all([settle(() => headers.set('x-new', '1')), settle(() => headers.append('x-new', '2')), settle(() => headers.delete('content-type'))]);
    // biome-ignore lint/suspicious/noSelfCompare: reads the getter twice on purpose: it must return the same Headers each time
    const same = r.headers === r.headers;
    return [
      same,
      r.headers instanceof Headers,
      await change(r.headers),
      await change(r.clone().headers),
      r.headers.get('content-type'),
      r.headers.has('x-new'),
    ];
  },
  'body touched, then clone(), then both read': async (r) => {
    void r.body;
    const copy = r.clone();
    return [await settle(() => readStream(copy.body)), await settle(() => r.text()), flags(r), flags(copy)];
  },
};

let server: http.Server;
let origin: string;
// A second origin (another port), for redirects that leave the first one.
let other: http.Server;
let otherOrigin: string;

/** Serves each of BODIES at `/<name>`, and `/redirect?to=<url>` as a 302 to that URL. */
const serve: http.RequestListener = (req, res) => {
  const url = new URL(req.url!, 'http://server');
  if (url.pathname === '/redirect') {
    res.writeHead(302, { location: url.searchParams.get('to')!, 'content-length': 0 });
    res.end();
    return;
  }
  const body = BODIES[decodeURIComponent(url.pathname.slice(1))]!;
  res.writeHead(body.status, { 'content-type': body.type, 'content-length': body.bytes.byteLength });
  res.end(body.bytes);
};

async function listen(): Promise<{ server: http.Server; origin: string }> {
  const started = http.createServer(serve);
  await new Promise<void>((resolve) => started.listen(0, '127.0.0.1', resolve));
  return { server: started, origin: `http://127.0.0.1:${(started.address() as AddressInfo).port}` };
}

beforeAll(async () => {
  ({ server, origin } = await listen());
  ({ server: other, origin: otherOrigin } = await listen());
});
afterAll(() => Promise.all([server, other].map((closing) => new Promise<void>((resolve) => closing.close(() => resolve())))));

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

  describe('after redirects: response.type as a real fetch gives it (basic, or cors once a redirect left the first origin)', () => {
    // Each chain as URLs of two origins: the real ones (two loopback
    // servers) and the mocked ones (two hosts). The last URL answers JSON.
    const chains: Record<string, ReadonlyArray<'first' | 'second'>> = {
      'no redirect': ['first'],
      'same origin': ['first', 'first'],
      'to another origin': ['first', 'second'],
      'to another origin and back': ['first', 'second', 'first'],
    };
    const clients: Record<string, (url: string) => Promise<Response>> = {
      fetch: (url) => fetch(url),
      ky: (url) => ky(url, { retry: 0, timeout: false }),
    };

    /** The first URL of a chain whose hops are on `origins`, each a 302 to the next. */
    function chainUrl(hops: ReadonlyArray<'first' | 'second'>, origins: { first: string; second: string }, mock: boolean): string {
      let url = `${origins[hops.at(-1)!]}/json`;
      for (let i = hops.length - 2; i >= 0; i--) {
        const from = `${origins[hops[i]!]}/redirect?to=${encodeURIComponent(url)}`;
        if (mock) pook.get(from).reply(302).header('location', url);
        url = from;
      }
      if (mock)
        pook
          .get(`${origins[hops.at(-1)!]}/json`)
          .reply(200)
          .type('application/json')
          .body(BODIES.json!.bytes);
      return url;
    }

    for (const [client, request] of Object.entries(clients)) {
      for (const [chain, hops] of Object.entries(chains)) {
        it(`${client}: ${chain}`, async () => {
          const real = await request(chainUrl(hops, { first: origin, second: otherOrigin }, false));
          const mocked = await request(chainUrl(hops, { first: 'http://api.test', second: 'http://other.test' }, true));
          const shape = async (response: Response): Promise<Observation> => [response.type, response.redirected, response.status, await response.json()];
          expect(await shape(mocked)).toEqual(await shape(real));
          expect(pook.isDone()).toBe(true);
        });
      }
    }
  });

  it('has no body for HEAD, as a real one does', async () => {
    pook.head('http://api.test/head').reply(200).body('ignored');
    const mocked = await fetch('http://api.test/head', { method: 'HEAD' });
    const real = await fetch(`${origin}/json`, { method: 'HEAD' });
    expect([mocked.body, mocked.bodyUsed, await mocked.text()]).toEqual([real.body, real.bodyUsed, await real.text()]);
  });
});
