// XMLHttpRequest outside a test runner's DOM environment: a jsdom or
// happy-dom window made by the program itself, set as `globalThis.window`
// before `activate()` (docs/clients.md, "XMLHttpRequest outside a test
// runner's environment"). Its XHR is intercepted with the window's own
// classes, whether it is called as `window.XMLHttpRequest` or copied to
// the global object.

import { Window as HappyWindow } from 'happy-dom';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import pook from '../../src/index.js';

interface DomWindow {
  readonly XMLHttpRequest: typeof XMLHttpRequest;
  readonly FormData: typeof FormData;
  readonly Blob: typeof Blob;
}

const environments: Record<string, () => { window: DomWindow; close(): Promise<void> | void }> = {
  jsdom: () => {
    const dom = new JSDOM('', { url: 'http://localhost:3000/' });
    return { window: dom.window as unknown as DomWindow, close: () => dom.window.close() };
  },
  'happy-dom': () => {
    const window = new HappyWindow({ url: 'http://localhost:3000/' });
    return { window: window as unknown as DomWindow, close: () => window.happyDOM.close() };
  },
};

const globals = globalThis as { window?: unknown; XMLHttpRequest?: unknown };

/** Sends a POST of a FormData with `Xhr`; resolves with the status and text. */
function post(Xhr: typeof XMLHttpRequest, url: string, body: unknown): Promise<{ status: number; text: string; events: string[] }> {
  return new Promise((resolve, reject) => {
    const xhr = new Xhr();
    const events: string[] = [];
    for (const type of ['loadstart', 'progress', 'load', 'loadend']) xhr.addEventListener(type, () => events.push(type));
    xhr.addEventListener('loadend', () => resolve({ status: xhr.status, text: xhr.responseText, events }));
    xhr.addEventListener('error', () => reject(new Error('XMLHttpRequest error')));
    xhr.open('POST', url);
    xhr.send(body as XMLHttpRequestBodyInit);
  });
}

afterEach(() => {
  pook.off();
  delete globals.window;
  delete globals.XMLHttpRequest;
});

for (const [name, make] of Object.entries(environments)) {
  describe(`XMLHttpRequest of a ${name} window made by the program`, () => {
    for (const copied of [false, true]) {
      it(`is intercepted with globalThis.window set before activate()${copied ? ', called as a global copied from the window' : ''}`, async () => {
        const { window, close } = make();
        try {
          globals.window = window;
          if (copied) globals.XMLHttpRequest = window.XMLHttpRequest;
          pook.activate();
          const mock = pook.post('http://api.test/upload').reply(201).body('stored').mock;
          const form = new window.FormData();
          form.append('name', 'ada');
          form.append('file', new window.Blob(['bytes'], { type: 'application/octet-stream' }), 'b.bin');
          const Xhr = copied ? (globals.XMLHttpRequest as typeof XMLHttpRequest) : window.XMLHttpRequest;
          const response = await post(Xhr, 'http://api.test/upload', form);
          expect(response).toEqual({ status: 201, text: 'stored', events: ['loadstart', 'progress', 'load', 'loadend'] });
          const seen = mock.matches[0]!;
          expect(seen.client).toBe('xhr');
          expect(seen.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
          expect(seen.text).toContain('name="name"\r\n\r\nada\r\n');
          expect(seen.text).toContain('\r\n\r\nbytes\r\n');
        } finally {
          pook.off();
          await close();
        }
      });
    }
  });
}
