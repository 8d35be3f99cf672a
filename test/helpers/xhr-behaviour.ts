// XMLHttpRequest behaviour beyond the contract, run in each DOM environment
// (test/clients/xhr-*.test.ts): the event sequence, responseType, streaming,
// abort and timeout, request bodies, synchronous requests, and real
// responses let through.

import { Blob as NodeBlob, File as NodeFile } from 'node:buffer';
import zlib from 'node:zlib';
import { FormData as UndiciFormData } from 'undici';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import pook from '../../src/index.js';
import { expectUploadAsOnTheWire } from '../contract/wire.js';
import { spyDns } from './dns-spy.js';
import { type EchoServer, GZIP_TEXT, patternBytes, STREAM_CHUNKS, startServer } from './servers.js';

interface Sent {
  readonly xhr: XMLHttpRequest;
  readonly events: string[];
  readonly done: Promise<void>;
}

/** Opens and sends an XHR, recording every event (readystatechange as `rs<state>`, upload events as `upload.<type>`). */
function send(method: string, url: string, body: unknown = null, setup: (xhr: XMLHttpRequest) => void = () => {}): Sent {
  const xhr = new XMLHttpRequest();
  const events: string[] = [];
  const done = new Promise<void>((resolve) => xhr.addEventListener('loadend', () => resolve()));
  xhr.open(method, url);
  for (const type of ['loadstart', 'progress', 'load', 'error', 'abort', 'timeout', 'loadend', 'readystatechange']) {
    xhr.addEventListener(type, () => events.push(type === 'readystatechange' ? `rs${xhr.readyState}` : type));
  }
  for (const type of ['loadstart', 'progress', 'load', 'loadend']) xhr.upload.addEventListener(type, () => events.push(`upload.${type}`));
  setup(xhr);
  xhr.send(body as XMLHttpRequestBodyInit | null);
  return { xhr, events, done };
}

/** Registers the XHR behaviour tests for the current DOM environment. */
export function describeXhrBehaviour(environment: string): void {
  describe(`XMLHttpRequest (${environment})`, () => {
    beforeEach(() => pook.activate());
    afterEach(() => {
      vi.useRealTimers();
      pook.off();
      pook.disableNetwork();
    });

    it('is pook’s XMLHttpRequest while active, and the environment’s again after', () => {
      const Original = XMLHttpRequest;
      pook.disable();
      expect(XMLHttpRequest).not.toBe(Original);
      pook.activate();
      expect(new XMLHttpRequest()).toBeInstanceOf(XMLHttpRequest);
    });

    it('plays a mocked response through the XHR events, upload included', async () => {
      const mock = pook.post('http://api.test/events').body('payload').reply(201).json({ ok: true }).mock;
      const { xhr, events, done } = send('POST', 'http://api.test/events', 'payload');
      await done;
      expect(xhr.status).toBe(201);
      expect(xhr.statusText).toBe('Created');
      expect(xhr.responseText).toBe('{"ok":true}');
      expect(xhr.getResponseHeader('Content-Type')).toBe('application/json');
      expect(events.filter((e) => e !== 'rs1')).toEqual([
        'loadstart',
        'upload.loadstart',
        'upload.progress',
        'upload.load',
        'upload.loadend',
        'rs2',
        'rs3',
        'progress',
        'rs4',
        'load',
        'loadend',
      ]);
      expect(mock.matches[0]?.client).toBe('xhr');
      expect(mock.matches[0]?.headers.get('content-type')).toBe('text/plain;charset=UTF-8');
    });

    it('gives every responseType, and responseURL after following a redirect', async () => {
      pook.get('http://api.test/old').persist().reply(301).header('Location', '/data');
      pook.get('http://api.test/data').persist().reply(200).type('application/xml').body('<root><item id="1">é</item></root>');
      const values: Record<string, unknown> = {};
      for (const type of ['', 'text', 'arraybuffer', 'blob', 'document', 'json'] as const) {
        const { xhr, done } = send('GET', 'http://api.test/old', null, (x) => (x.responseType = type));
        await done;
        expect(xhr.responseURL).toBe('http://api.test/data');
        values[type] = xhr.response;
      }
      expect(values['']).toBe('<root><item id="1">é</item></root>');
      expect(values.text).toBe(values['']);
      expect(Buffer.from(values.arraybuffer as ArrayBuffer).toString('utf8')).toBe(values['']);
      expect(await (values.blob as Blob).text()).toBe(values['']);
      expect((values.document as Document).querySelector('item')?.getAttribute('id')).toBe('1');
      expect(values.json).toBeNull();
    });

    it('decodes a Content-Encoding: gzip mock as a browser does', async () => {
      pook.get('http://api.test/gzip').reply(200).type('text').header('Content-Encoding', 'gzip').body('zipped text');
      const { xhr, done } = send('GET', 'http://api.test/gzip');
      await done;
      expect(xhr.responseText).toBe('zipped text');
      expect(xhr.getResponseHeader('content-encoding')).toBe('gzip');
    });

    it('reports a streamed body with a progress event before its last chunk is produced', async () => {
      const order: string[] = [];
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      pook
        .get('http://api.test/stream')
        .reply(200)
        .body(
          (async function* () {
            yield 'first;';
            await released;
            order.push('last produced');
            yield 'last;';
          })(),
        );
      const { xhr, done } = send('GET', 'http://api.test/stream', null, (x) =>
        x.addEventListener('progress', () => {
          if (order.length === 0) {
            order.push(`progress: ${x.responseText}`);
            release();
          }
        }),
      );
      await done;
      expect(order).toEqual(['progress: first;', 'last produced']);
      expect(xhr.responseText).toBe('first;last;');
    });

    it('abort() cancels a delayed mocked response without waiting for it', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const mock = pook.get('http://api.test/slow').delay(60_000).reply(200).body('late').mock;
      const { xhr, events, done } = send('GET', 'http://api.test/slow');
      for (let i = 0; i < 100 && vi.getTimerCount() === 0; i++) await new Promise((resolve) => setImmediate(resolve));
      expect(mock.calls).toBe(1);
      xhr.abort();
      await done;
      expect(events.filter((e) => e !== 'rs1')).toEqual(['rs4', 'abort', 'loadend']);
      expect(xhr.readyState).toBe(0);
      expect(xhr.status).toBe(0);
      expect(vi.getTimerCount()).toBe(0);
    });

    it('fires timeout when xhr.timeout passes before a delayed response', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      pook.get('http://api.test/slow').delay(60_000).reply(200).body('late');
      const { xhr, events, done } = send('GET', 'http://api.test/slow', null, (x) => (x.timeout = 1_000));
      for (let i = 0; i < 100 && !events.includes('timeout'); i++) {
        await vi.advanceTimersByTimeAsync(500);
        await new Promise((resolve) => setImmediate(resolve));
      }
      await done;
      expect(events.filter((e) => e !== 'rs1')).toEqual(['rs4', 'timeout', 'loadend']);
      expect(xhr.status).toBe(0);
    });

    it('refuses a synchronous request with a NetworkError, without a socket or a DNS lookup', async () => {
      const server = await startServer();
      const dns = spyDns();
      try {
        for (const url of [`${server.origin}/sync`, 'http://api.test/sync']) {
          const xhr = new XMLHttpRequest();
          xhr.open('GET', url, false);
          expect(() => xhr.send()).toThrow(/synchronous XMLHttpRequest is not supported/);
        }
        expect(dns.hostnames).toEqual([]);
        expect(await server.settledConnections()).toBe(0);
      } finally {
        dns.restore();
        await server.close();
      }
    });

    describe('requests let through', () => {
      let server: EchoServer;
      beforeEach(async () => {
        server = await startServer();
        pook.enableNetwork();
      });
      afterEach(() => server.close());

      // The environment's own body classes (its globals), Node's, and a
      // Document: each goes out as the environment's own XHR sends it (Node's
      // classes as their string, as jsdom and happy-dom send them), and the
      // mock sees the same.
      const bodies: Record<string, () => unknown> = {
        FormData: () => {
          const form = new FormData();
          form.append('name', 'ada');
          form.append('file', new Blob([new Uint8Array([0, 1, 2, 255])], { type: 'application/octet-stream' }), 'b.bin');
          return form;
        },
        URLSearchParams: () =>
          new URLSearchParams([
            ['q', 'a b&c'],
            ['tag', 'é'],
          ]),
        Blob: () => new Blob(['blob body'], { type: 'text/x-pook' }),
        File: () => new File(['file body'], 'f.txt', { type: 'text/plain' }),
        binary: () => new Uint8Array(patternBytes(70_000)),
        ArrayBuffer: () => new Uint8Array(patternBytes(1_000)).buffer,
        DataView: () => new DataView(new Uint8Array(patternBytes(1_000)).buffer, 10, 500),
        Uint16Array: () => new Uint16Array([1, 256, 65535, 4660]),
        string: () => 'plain text é',
        'empty string': () => '',
        "Node's Blob": () => new NodeBlob(['node blob'], { type: 'text/x-node' }),
        "Node's File": () => new NodeFile(['node file'], 'n.txt', { type: 'text/plain' }),
        "undici's FormData": () => {
          const form = new UndiciFormData();
          form.append('name', 'ada');
          return form;
        },
        'an XML Document': () => new DOMParser().parseFromString('<root><item id="1">é</item></root>', 'application/xml'),
      };
      for (const [name, make] of Object.entries(bodies)) {
        it(`sends a ${name} body as the environment does, and the mock sees what the server receives`, async () => {
          await expectUploadAsOnTheWire(server, `${server.origin}/body`, async (url) => {
            const { xhr, done } = send('POST', url, make());
            await done;
            return { status: xhr.status, body: xhr.responseText };
          });
          expect(pook.unmatchedRequests().at(-1)?.client).toBe('xhr');
        });
      }

      it('brings back a large, a gzip-encoded and a streamed real response intact', async () => {
        const size = 4 * 1024 * 1024;
        const large = send('GET', `${server.origin}/_pook/large?size=${size}`, null, (x) => (x.responseType = 'arraybuffer'));
        await large.done;
        expect(Buffer.from(large.xhr.response as ArrayBuffer).equals(patternBytes(size))).toBe(true);
        const gzip = send('GET', `${server.origin}/_pook/gzip`);
        await gzip.done;
        expect(gzip.xhr.responseText).toBe(GZIP_TEXT);
        expect(zlib.gzipSync(GZIP_TEXT).byteLength).toBeLessThan(GZIP_TEXT.length);
        const stream = send('GET', `${server.origin}/_pook/stream`);
        await stream.done;
        expect(stream.xhr.responseText).toBe(STREAM_CHUNKS.join(''));
        expect(pook.unmatchedRequests().map((req) => `${req.client} ${req.url.pathname}`)).toEqual([
          'xhr /_pook/large',
          'xhr /_pook/gzip',
          'xhr /_pook/stream',
        ]);
      });
    });
  });
}
