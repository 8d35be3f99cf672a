import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import pook from '../../src/index.js';

// Done-when of issue 5: 50 scopes at once, all mocking the same URL with
// different responses; each gets only its own, and a request made outside
// every scope gets the global engine's answer.

const SCOPES = 50;
const URL_ = 'http://shared.test/who';

afterEach(() => pook.off());

function httpGet(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve(body));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** Resolves once `count` parties have arrived: every scope is live and mocked before any request. */
function barrier(count: number): () => Promise<void> {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    arrived += 1;
    if (arrived === count) open();
    return opened;
  };
}

describe('concurrent scopes', () => {
  it('50 scopes mocking the same URL each receive only their own response; outside, the global engine answers', async () => {
    pook.activate();
    pook.get(URL_).persist().reply(200).body('global');
    const ready = barrier(SCOPES);

    const results = await Promise.all(
      Array.from({ length: SCOPES }, (_, i) =>
        pook.use(async (engine) => {
          pook.get(URL_).times(4).reply(200).body(`scope-${i}`);
          await ready();
          // A timer and a promise chain started inside the scope stay in it.
          const viaTimer = await new Promise<string>((resolve, reject) => {
            setTimeout(() => {
              fetch(URL_)
                .then((r) => r.text())
                .then(resolve, reject);
            }, 0);
          });
          const [viaFetch, viaHttp] = await Promise.all([fetch(URL_).then((r) => r.text()), httpGet(URL_)]);
          // An event handler registered inside the scope.
          const viaEvent = await new Promise<string>((resolve, reject) => {
            const emitter = new http.Agent(); // any EventEmitter
            emitter.once('go', () => {
              httpGet(URL_).then(resolve, reject);
            });
            setImmediate(() => emitter.emit('go'));
          });
          return { i, viaTimer, viaFetch, viaHttp, viaEvent, done: engine.isDone(), unmatched: engine.unmatchedRequests().length };
        }),
      ),
    );

    for (const { i, viaTimer, viaFetch, viaHttp, viaEvent, done, unmatched } of results) {
      expect({ viaTimer, viaFetch, viaHttp, viaEvent }).toEqual({
        viaTimer: `scope-${i}`,
        viaFetch: `scope-${i}`,
        viaHttp: `scope-${i}`,
        viaEvent: `scope-${i}`,
      });
      expect(done).toBe(true);
      expect(unmatched).toBe(0);
    }
    expect(await (await fetch(URL_)).text()).toBe('global');
    expect(await httpGet(URL_)).toBe('global');
    expect(pook.engine().mocks[0]!.calls).toBe(2);
  });

  it('while scopes are live, a request made outside every scope goes to the global engine', async () => {
    pook.activate();
    pook.get(URL_).persist().reply(200).body('global');
    const ready = barrier(SCOPES + 1);
    const release = barrier(SCOPES + 1);
    const scopes = Array.from({ length: SCOPES }, (_, i) =>
      pook.use(async () => {
        pook.get(URL_).persist().reply(200).body(`scope-${i}`);
        await ready();
        await release();
        return fetch(URL_).then((r) => r.text());
      }),
    );
    await ready();
    const outside = await Promise.all([fetch(URL_).then((r) => r.text()), httpGet(URL_)]);
    await release();
    expect(outside).toEqual(['global', 'global']);
    expect(await Promise.all(scopes)).toEqual(Array.from({ length: SCOPES }, (_, i) => `scope-${i}`));
  });

  it('a scope never falls back to another scope, or to the global engine', async () => {
    pook.activate();
    pook.get(URL_).persist().reply(200).body('global');
    const ready = barrier(2);
    const [withMock, withoutMock] = await Promise.all([
      pook.use(async () => {
        pook.get(URL_).persist().reply(200).body('first');
        await ready();
        return fetch(URL_).then((r) => r.text());
      }),
      pook.use(async (engine) => {
        await ready();
        const error = await fetch(URL_).then(
          () => undefined,
          (e: unknown) => e,
        );
        return { error, unmatched: engine.unmatchedRequests().map((r) => r.url.href) };
      }),
    ]);
    expect(withMock).toBe('first');
    expect(withoutMock.error).toBeInstanceOf(TypeError);
    expect((withoutMock.error as TypeError).cause).toBeInstanceOf(pook.PookNoMatchesError);
    expect(withoutMock.unmatched).toEqual([URL_]);
    expect(pook.engine().mocks[0]!.calls).toBe(0);
  });
});
