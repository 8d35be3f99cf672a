// Item: a streamed mock body reaches the client chunk by chunk. The body's
// producer waits, after its first chunk, until the client has received that
// chunk: a client that got the body only once it was complete would wait
// forever (and the test would time out).

import http from 'node:http';
import { Writable } from 'node:stream';
import axios from 'axios';
import got from 'got';
import nodeFetch from 'node-fetch';
import * as undici from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pook from '../../src/index.js';

interface Gate {
  readonly events: string[];
  /** Called by the client when the first chunk arrived. */
  received(chunk: unknown): void;
  /** The streamed body: 'first', then, once the client has it, 'last'. */
  readonly body: AsyncIterable<string>;
}

function gate(): Gate {
  const events: string[] = [];
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return {
    events,
    received(chunk) {
      if (events.includes('client received first')) return;
      events.push('client received first');
      expect(Buffer.from(chunk as Uint8Array).toString()).toBe('first;');
      open();
    },
    body: (async function* () {
      yield 'first;';
      await opened;
      events.push('server produces last');
      yield 'last;';
    })(),
  };
}

const EXPECTED = ['client received first', 'server produces last'];

/** Reads a fetch response body chunk by chunk, telling the gate of each chunk (bounded: at most 10 reads). */
async function readFetchStream(url: string, g: Gate): Promise<string> {
  const reader = (await fetch(url)).body!.getReader();
  let text = '';
  for (let step = 0; step < 10; step++) {
    const { value, done } = await reader.read();
    if (done) break;
    g.received(value);
    text += Buffer.from(value).toString();
  }
  return text;
}

beforeEach(() => pook.activate());
afterEach(() => pook.off());

describe('a streamed mock body arrives chunk by chunk', () => {
  it('fetch (and a ReadableStream as the mock body)', async () => {
    const g = gate();
    pook
      .get('http://api.test/stream')
      .reply(200)
      .body((ReadableStream as unknown as { from(source: AsyncIterable<string>): ReadableStream<string> }).from(g.body));
    expect(await readFetchStream('http://api.test/stream', g)).toBe('first;last;');
    expect(g.events).toEqual(EXPECTED);
  });

  it('node:http', async () => {
    const g = gate();
    pook.get('http://api.test/stream').reply(200).body(g.body);
    const text = await new Promise<string>((resolve, reject) => {
      http
        .get('http://api.test/stream', (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => {
            g.received(chunk);
            body += chunk.toString();
          });
          res.on('end', () => resolve(body));
        })
        .on('error', reject);
    });
    expect(text).toBe('first;last;');
    expect(g.events).toEqual(EXPECTED);
  });

  it('undici.request and undici.stream', async () => {
    for (const entry of ['request', 'stream'] as const) {
      const g = gate();
      pook.get('http://api.test/stream').reply(200).body(g.body);
      let text = '';
      if (entry === 'request') {
        for await (const chunk of (await undici.request('http://api.test/stream')).body) {
          g.received(chunk);
          text += String(chunk);
        }
      } else {
        await undici.stream(
          'http://api.test/stream',
          { method: 'GET' },
          () =>
            new Writable({
              write(chunk: Buffer, _encoding, callback) {
                g.received(chunk);
                text += String(chunk);
                callback();
              },
            }),
        );
      }
      expect(text, entry).toBe('first;last;');
      expect(g.events, entry).toEqual(EXPECTED);
    }
  });

  it('got, axios and node-fetch streams', async () => {
    const clients: Record<string, () => Promise<AsyncIterable<Buffer>>> = {
      got: async () => got.stream('http://api.test/stream', { retry: { limit: 0 } }),
      axios: async () => (await axios.get<AsyncIterable<Buffer>>('http://api.test/stream', { responseType: 'stream', proxy: false })).data,
      'node-fetch': async () => (await nodeFetch('http://api.test/stream')).body as unknown as AsyncIterable<Buffer>,
    };
    for (const [name, open] of Object.entries(clients)) {
      const g = gate();
      pook.get('http://api.test/stream').reply(200).body(g.body);
      let text = '';
      for await (const chunk of await open()) {
        g.received(chunk);
        text += String(chunk);
      }
      expect(text, name).toBe('first;last;');
      expect(g.events, name).toEqual(EXPECTED);
    }
  });

  it('a gzip-encoded stream stays a stream', async () => {
    const g = gate();
    pook.get('http://api.test/stream').reply(200).header('Content-Encoding', 'gzip').body(g.body);
    expect(await readFetchStream('http://api.test/stream', g)).toBe('first;last;');
    expect(g.events).toEqual(EXPECTED);
  });
});
