// The contract cases that apply to a page: each runs with pook freshly
// activated and is undone after (pook.off()), and returns what it saw as
// plain data, which test/browser/chromium.test.ts checks. `remote` is the
// origin of a second loopback server (another port: a cross-origin request,
// answered with CORS headers).
import pook, { isPookError } from '/dist/browser.js';

const API = 'https://api.test';
const bytesOf = async (response) => Array.from(new Uint8Array(await response.arrayBuffer()));
const errorOf = (error) => ({
  name: error?.name,
  message: String(error?.message).split('\n', 1)[0],
  cause:
    error?.cause === undefined
      ? undefined
      : { name: error.cause.name, code: error.cause.code, pook: isPookError(error.cause), message: String(error.cause.message) },
});
const settle = (promise) =>
  promise.then(
    (value) => ({ value }),
    (error) => ({ error: errorOf(error) }),
  );

/** Sends an XHR and resolves with what the page saw when it ended (load, error, abort or timeout). */
function xhr(method, url, { body, headers = {}, responseType = '', timeout = 0, abortAfter } = {}) {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    const events = [];
    request.open(method, url);
    request.responseType = responseType;
    request.timeout = timeout;
    for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
    for (const type of ['loadstart', 'load', 'error', 'abort', 'timeout', 'loadend']) request.addEventListener(type, () => events.push(type));
    request.addEventListener('loadend', () => {
      const response = request.response;
      resolve({
        events,
        status: request.status,
        statusText: request.statusText,
        readyState: request.readyState,
        contentType: request.getResponseHeader('content-type'),
        headers: request.getAllResponseHeaders(),
        response: response instanceof ArrayBuffer ? Array.from(new Uint8Array(response)) : response,
      });
    });
    request.send(body);
    if (abortAfter !== undefined) setTimeout(() => request.abort(), abortAfter);
  });
}

export const cases = {
  // ── fetch ──────────────────────────────────────────────────────────
  async 'fetch: status, status text and headers'() {
    pook.get(`${API}/users`).reply(201).header('X-Request-Id', 'abc').header('Set-Cookie', 'a=1');
    const response = await fetch(`${API}/users`);
    return { status: response.status, statusText: response.statusText, id: response.headers.get('x-request-id'), ok: response.ok, url: response.url };
  },

  async 'fetch: JSON, text and binary bodies'() {
    pook
      .get(`${API}/json`)
      .reply(200)
      .json({ id: 1, tags: ['a'] });
    pook.get(`${API}/text`).reply(200).body('héllo');
    pook
      .get(`${API}/bytes`)
      .reply(200)
      .body(new Uint8Array([0, 1, 254, 255]));
    const json = await fetch(`${API}/json`);
    const text = await fetch(`${API}/text`);
    return {
      json: await json.json(),
      jsonType: json.headers.get('content-type'),
      text: await text.text(),
      bytes: await bytesOf(await fetch(`${API}/bytes`)),
    };
  },

  async 'fetch: matching on method, headers, query and JSON body'() {
    pook
      .post(`${API}/users`)
      .header('Authorization', /^Bearer /)
      .param('dry', 'true')
      .json({ name: 'ada' })
      .reply(201)
      .json({ id: 7 });
    const response = await fetch(`${API}/users?dry=true`, {
      method: 'POST',
      headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'ada' }),
    });
    return { status: response.status, body: await response.json(), done: pook.isDone() };
  },

  async 'fetch: a streamed response body arrives chunk by chunk'() {
    pook.get(`${API}/stream`).reply(200).body(['one ', 'two ', 'three']);
    const response = await fetch(`${API}/stream`);
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const chunks = [];
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      chunks.push(decoder.decode(value));
    }
    return { text: chunks.join(''), chunks: chunks.length };
  },

  async 'fetch: a delay holds the response back'() {
    pook.get(`${API}/slow`).delay(150).reply(204);
    const start = performance.now();
    const response = await fetch(`${API}/slow`);
    return { status: response.status, elapsed: performance.now() - start };
  },

  async 'fetch: abort during a delay rejects with the AbortError'() {
    pook.get(`${API}/slow`).delay(5_000).reply(200);
    const controller = new AbortController();
    const start = performance.now();
    setTimeout(() => controller.abort(), 50);
    const outcome = await settle(fetch(`${API}/slow`, { signal: controller.signal }));
    return { error: outcome.error, elapsed: performance.now() - start };
  },

  async 'fetch: FIFO, times and persist'() {
    pook.get(`${API}/n`).times(2).reply(200).body('first');
    pook.get(`${API}/n`).reply(200).body('second');
    pook.get(`${API}/p`).persist().reply(200).body('always');
    const texts = [];
    for (let i = 0; i < 3; i++) texts.push(await (await fetch(`${API}/n`)).text());
    const persisted = [];
    for (let i = 0; i < 5; i++) persisted.push(await (await fetch(`${API}/p`)).text());
    const after = await settle(fetch(`${API}/n`));
    return { texts, persisted, after: after.error, pending: pook.pending() };
  },

  async 'fetch: no match is an error naming the closest mock and where it was defined'() {
    const mock = pook.get(`${API}/users`).header('X-Key', 'k');
    mock.reply(200);
    const outcome = await settle(fetch(`${API}/users`));
    let raw;
    try {
      await fetch(`${API}/users`);
    } catch (error) {
      raw = error.cause.message;
    }
    return { error: outcome.error, report: raw, definedAt: mock.definedAt, unmatched: pook.unmatched() };
  },

  async 'fetch: mock.error() rejects as fetch fails'() {
    pook.get(`${API}/down`).error('ECONNREFUSED');
    const outcome = await settle(fetch(`${API}/down`));
    return outcome.error;
  },

  async 'fetch: passthrough to a real cross-origin server (CORS)'({ remote }) {
    pook.enableNetwork('127.0.0.1');
    pook.get(`${API}/mocked`).reply(200).body('mocked');
    const real = await fetch(`${remote}/echo?x=1`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"a":1}' });
    const mocked = await fetch(`${API}/mocked`);
    return { status: real.status, echo: await real.json(), mocked: await mocked.text(), unmatched: pook.unmatched() };
  },

  async 'fetch: networking off, the real server is never reached'({ remote }) {
    const outcome = await settle(fetch(`${remote}/echo`));
    return { error: outcome.error, hits: await (await realFetch(`${remote}/hits`)).json() };
  },

  // ── XMLHttpRequest ─────────────────────────────────────────────────
  async 'xhr: status, headers and a JSON response'() {
    pook
      .get(`${API}/users`)
      .reply(200)
      .header('X-Id', '9')
      .json([{ id: 1 }]);
    return xhr('GET', `${API}/users`, { responseType: 'json' });
  },

  async 'xhr: text and arraybuffer responses, a POST body matched'() {
    pook.post(`${API}/echo`).body('ping').reply(200).body('pong');
    pook
      .get(`${API}/bytes`)
      .reply(200)
      .body(new Uint8Array([1, 2, 3, 250]));
    const text = await xhr('POST', `${API}/echo`, { body: 'ping' });
    const bytes = await xhr('GET', `${API}/bytes`, { responseType: 'arraybuffer' });
    return { text: text.response, textStatus: text.status, bytes: bytes.response };
  },

  async 'xhr: a delay, then abort'() {
    pook.get(`${API}/slow`).delay(150).reply(204);
    pook.get(`${API}/slower`).delay(5_000).reply(200);
    const start = performance.now();
    const delayed = await xhr('GET', `${API}/slow`);
    const elapsed = performance.now() - start;
    const aborted = await xhr('GET', `${API}/slower`, { abortAfter: 50 });
    return { delayed: { status: delayed.status, events: delayed.events }, elapsed, aborted: { status: aborted.status, events: aborted.events } };
  },

  async 'xhr: times, and no match is a network error'() {
    pook.get(`${API}/once`).times(1).reply(200).body('once');
    const first = await xhr('GET', `${API}/once`);
    const second = await xhr('GET', `${API}/once`);
    return { first: first.response, second: { status: second.status, events: second.events }, unmatched: pook.unmatched() };
  },

  async 'xhr: passthrough to a real cross-origin server (CORS)'({ remote }) {
    pook.enableNetwork('127.0.0.1');
    const real = await xhr('POST', `${remote}/echo?via=xhr`, { body: 'hi', responseType: 'json' });
    return { status: real.status, echo: real.response };
  },

  // ── what differs from Node ─────────────────────────────────────────
  async 'Node-only features fail with a PookError that says so'() {
    const attempt = (fn) => {
      try {
        fn();
        return undefined;
      } catch (error) {
        return { name: error.name, code: error.code, message: error.message };
      }
    };
    return {
      file: attempt(() => pook.get(`${API}/f`).reply(200).file('/etc/hostname')),
      jsonSchema: attempt(() => pook.post(`${API}/s`).jsonSchema({ type: 'object' })),
      gzip: await settle(
        (async () => {
          pook.get(`${API}/gz`).reply(200).header('Content-Encoding', 'gzip').body('zipped');
          return (await fetch(`${API}/gz`)).text();
        })(),
      ),
    };
  },

  async 'use() scopes, pook.debug() on the console, and disable() restores fetch and XMLHttpRequest'() {
    pook.off();
    const logged = [];
    const debug = console.debug;
    console.debug = (...args) => logged.push(args.join(' '));
    let scoped;
    try {
      scoped = await pook.use(async () => {
        pook.debug();
        pook.get(`${API}/scoped`).reply(200).body('in scope');
        return (await fetch(`${API}/scoped`)).text();
      });
    } finally {
      console.debug = debug;
    }
    pook.activate();
    const patched = window.fetch !== realFetch && window.XMLHttpRequest !== RealXHR;
    pook.disable();
    return { scoped, logged, patched, restored: window.fetch === realFetch && window.XMLHttpRequest === RealXHR };
  },
};

const realFetch = window.fetch;
const RealXHR = window.XMLHttpRequest;

/** Runs one case with pook active, always turning it off after. */
window.runCase = async (name, context) => {
  pook.off();
  pook.disableNetwork();
  pook.flushNetworkFilters();
  pook.activate();
  try {
    return await cases[name](context);
  } finally {
    pook.off();
  }
};
window.caseNames = Object.keys(cases);
window.pookReady = true;
