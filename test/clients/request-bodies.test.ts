// Item: request bodies are seen whole and exact. In networking mode the
// request goes on to a loopback server, so the body pook saw can be compared
// byte for byte with the body the server received.

import { createHash } from 'node:crypto';
import http from 'node:http';
import { Readable } from 'node:stream';
import axios from 'axios';
import got from 'got';
import * as undici from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pook, { type PookRequest } from '../../src/index.js';
import { type EchoServer, patternBytes, startServer } from '../helpers/servers.js';

/** `ReadableStream.from` (Node 20.6+; not in the DOM typings yet). */
const streamFrom = <T>(source: Iterable<T> | AsyncIterable<T>): ReadableStream<T> =>
  (ReadableStream as unknown as { from(source: Iterable<T> | AsyncIterable<T>): ReadableStream<T> }).from(source);

const sha256 = (bytes: Uint8Array | undefined): string =>
  createHash('sha256')
    .update(bytes ?? new Uint8Array(0))
    .digest('hex');

/** Every byte value, in an order no shifted copy matches. */
const BINARY = patternBytes(300_000);

function* chunksOf(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let offset = 0; offset < bytes.byteLength; offset += size) yield bytes.subarray(offset, offset + size);
}

/** A node:http POST whose body is a Readable piped into the ClientRequest. */
function pipedPost(url: string, body: Readable, headers: http.OutgoingHttpHeaders = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    body.pipe(req);
  });
}

let server: EchoServer;
beforeEach(async () => {
  server = await startServer();
  pook.activate();
  pook.enableNetwork();
});
afterEach(async () => {
  pook.off();
  pook.disableNetwork();
  await server.close();
});

/** The last unmatched request must carry exactly the body (and content type) the server received. */
function expectSentAsSeen(expected?: Uint8Array): PookRequest {
  const seen = pook.unmatchedRequests().at(-1)!;
  const received = server.bodies.at(-1)!;
  expect(seen.body?.byteLength ?? 0).toBe(received.length);
  expect(sha256(seen.body)).toBe(received.sha256);
  expect(seen.headers.get('content-type') ?? undefined).toBe(server.requests.at(-1)!.headers['content-type']);
  if (expected !== undefined) expect(sha256(seen.body)).toBe(sha256(expected));
  return seen;
}

function form(): FormData {
  const data = new FormData();
  data.append('name', 'ada');
  data.append('quote', 'line one\r\nline "two"');
  data.append('file', new File([new Uint8Array(BINARY.subarray(0, 5_000))], 'bytes.bin', { type: 'application/octet-stream' }));
  return data;
}

async function expectForm(request: PookRequest): Promise<void> {
  expect(request.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
  const parsed = await new Response(request.body as Uint8Array<ArrayBuffer>, { headers: { 'content-type': request.headers.get('content-type')! } }).formData();
  expect(parsed.get('name')).toBe('ada');
  expect(parsed.get('quote')).toBe('line one\r\nline "two"');
  const file = parsed.get('file') as File;
  expect(file.name).toBe('bytes.bin');
  expect(Buffer.from(await file.arrayBuffer()).equals(BINARY.subarray(0, 5_000))).toBe(true);
}

describe('streamed request bodies', () => {
  it('node:http: a Readable piped into the ClientRequest', async () => {
    expect(await pipedPost(`${server.origin}/piped`, Readable.from(chunksOf(BINARY, 1000)))).toBe(200);
    expect(expectSentAsSeen(BINARY).headers.get('transfer-encoding')).toBe('chunked');
  });

  it("fetch: a ReadableStream with duplex: 'half'", async () => {
    const stream = streamFrom(chunksOf(BINARY, 4096));
    await (await fetch(`${server.origin}/stream`, { method: 'POST', body: stream, duplex: 'half' } as RequestInit)).arrayBuffer();
    expectSentAsSeen(BINARY);
  });

  it('undici.request: a Readable and an async iterable', async () => {
    await (await undici.request(`${server.origin}/readable`, { method: 'POST', body: Readable.from(chunksOf(BINARY, 1000)) })).body.arrayBuffer();
    expectSentAsSeen(BINARY);
    await (
      await undici.request(`${server.origin}/iterable`, {
        method: 'POST',
        body: (async function* () {
          yield* chunksOf(BINARY, 7000);
        })() as unknown as Readable,
      })
    ).body.arrayBuffer();
    expectSentAsSeen(BINARY);
  });

  it("undici.fetch: a ReadableStream with duplex: 'half'", async () => {
    const stream = streamFrom(chunksOf(BINARY, 4096));
    await (await undici.fetch(`${server.origin}/stream`, { method: 'POST', body: stream as never, duplex: 'half' })).arrayBuffer();
    expectSentAsSeen(BINARY);
  });
});

describe('FormData (multipart)', () => {
  it('fetch', async () => {
    await (await fetch(`${server.origin}/form`, { method: 'POST', body: form() })).arrayBuffer();
    await expectForm(expectSentAsSeen());
  });

  it("undici.request with undici's FormData", async () => {
    const data = new undici.FormData();
    for (const [name, value] of form()) data.append(name, value);
    await (await undici.request(`${server.origin}/form`, { method: 'POST', body: data })).body.arrayBuffer();
    await expectForm(expectSentAsSeen());
  });

  it('undici.fetch', async () => {
    const data = new undici.FormData();
    for (const [name, value] of form()) data.append(name, value);
    await (await undici.fetch(`${server.origin}/form`, { method: 'POST', body: data })).arrayBuffer();
    await expectForm(expectSentAsSeen());
  });

  it('axios and got', async () => {
    await axios.post(`${server.origin}/form`, form(), { proxy: false });
    await expectForm(expectSentAsSeen());
    await got.post(`${server.origin}/form`, { body: form(), retry: { limit: 0 } });
    await expectForm(expectSentAsSeen());
  });
});

describe('URLSearchParams, Blob and binary bodies', () => {
  const params = (): URLSearchParams =>
    new URLSearchParams([
      ['q', 'a b&c'],
      ['tag', 'x'],
      ['tag', 'é'],
    ]);

  it('URLSearchParams through fetch, axios and got', async () => {
    await (await fetch(`${server.origin}/params`, { method: 'POST', body: params() })).arrayBuffer();
    await axios.post(`${server.origin}/params`, params(), { proxy: false });
    await got.post(`${server.origin}/params`, {
      body: params().toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      retry: { limit: 0 },
    });
    for (const seen of pook.unmatchedRequests()) {
      expect(seen.text).toBe('q=a+b%26c&tag=x&tag=%C3%A9');
      expect(seen.headers.get('content-type')).toMatch(/^application\/x-www-form-urlencoded/);
    }
    expect(server.bodies.map((body) => body.bytes?.toString('utf8'))).toEqual(Array(3).fill('q=a+b%26c&tag=x&tag=%C3%A9'));
    expectSentAsSeen();
  });

  it('a Blob through fetch, undici.request and undici.fetch', async () => {
    const blob = (): Blob => new Blob([new Uint8Array(BINARY)], { type: 'application/x-pook' });
    await (await fetch(`${server.origin}/blob`, { method: 'POST', body: blob() })).arrayBuffer();
    expect(expectSentAsSeen(BINARY).headers.get('content-type')).toBe('application/x-pook');
    await (await undici.request(`${server.origin}/blob`, { method: 'POST', body: blob() as never })).body.arrayBuffer();
    expect(expectSentAsSeen(BINARY).headers.get('content-type')).toBe('application/x-pook');
    await (await undici.fetch(`${server.origin}/blob`, { method: 'POST', body: blob() as never })).arrayBuffer();
    expect(expectSentAsSeen(BINARY).headers.get('content-type')).toBe('application/x-pook');
  });

  it('binary bytes through fetch, node:http, undici, axios and got', async () => {
    const bytes = new Uint8Array(BINARY);
    await (await fetch(`${server.origin}/bin`, { method: 'POST', body: bytes })).arrayBuffer();
    expectSentAsSeen(BINARY);
    await pipedPost(`${server.origin}/bin`, Readable.from([Buffer.from(bytes)]), { 'content-length': bytes.byteLength });
    expectSentAsSeen(BINARY);
    await (await undici.request(`${server.origin}/bin`, { method: 'POST', body: bytes })).body.arrayBuffer();
    expectSentAsSeen(BINARY);
    await axios.post(`${server.origin}/bin`, Buffer.from(bytes), { proxy: false, headers: { 'content-type': 'application/octet-stream' } });
    expectSentAsSeen(BINARY);
    await got.post(`${server.origin}/bin`, { body: Buffer.from(bytes), retry: { limit: 0 } });
    expectSentAsSeen(BINARY);
  });
});

describe('a 64 MiB body', () => {
  const SIZE = 64 * 1024 * 1024;
  const PART = 1024 * 1024;

  /** 64 MiB in 1 MiB parts, made as they are read: the test never holds the body itself. */
  function* parts(hash: ReturnType<typeof createHash>): Generator<Buffer> {
    for (let offset = 0; offset < SIZE; offset += PART) {
      const part = patternBytes(PART, offset);
      hash.update(part);
      yield part;
    }
  }

  /** Runs `send` against a mock that keeps only the digest; returns the peak growth of memory. */
  async function measure(label: string, send: (url: string, body: Generator<Buffer>) => Promise<unknown>): Promise<void> {
    const sent = createHash('sha256');
    let seen: { length: number; sha256: string } | undefined;
    pook
      .post('http://api.test/upload')
      .callback((req) => (seen = { length: req.body?.byteLength ?? 0, sha256: sha256(req.body) }))
      .reply(204);
    globalThis.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    try {
      await send('http://api.test/upload', parts(sent));
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    if (process.env.POOK_MEASURE) console.log(label, 'peak MiB', ((peak - before) / 2 ** 20).toFixed(0));
    expect(seen, label).toEqual({ length: SIZE, sha256: sent.digest('hex') });
    // A handful of copies of the body at most: never a copy per chunk.
    expect(peak - before, `${label}: peak memory growth`).toBeLessThan(6 * SIZE);
  }

  it('reaches the mock whole through node:http, fetch and undici.request', { timeout: 120_000 }, async () => {
    await measure('node:http', (url, body) => pipedPost(url, Readable.from(body)));
    await measure('fetch', async (url, body) => (await fetch(url, { method: 'POST', body: streamFrom(body), duplex: 'half' } as RequestInit)).arrayBuffer());
    await measure('undici.request', async (url, body) => (await undici.request(url, { method: 'POST', body: Readable.from(body) })).body.dump());
  });
});
