import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import pook from '../../src/index.js';

const originalFetch = globalThis.fetch;
const originalHttpRequest = http.request;

afterEach(() => {
  pook.off();
  pook.disableNetwork();
});

const failure = (url: string) =>
  fetch(url).then(
    () => undefined,
    (e: unknown) => (e as Error).cause as Error,
  );

describe('reset()', () => {
  it('flushes mocks and unmatched requests', async () => {
    pook.activate();
    pook.get('api.test/a');
    await failure('http://api.test/unmatched');
    expect([pook.engine().mocks.length, pook.unmatched()]).toEqual([1, 1]);
    pook.reset();
    expect([pook.engine().mocks.length, pook.unmatched(), pook.isPending()]).toEqual([0, 0, false]);
  });

  it('keeps pook active, with working interceptors', async () => {
    pook.activate();
    pook.reset();
    expect(pook.isActive()).toBe(true);
    expect(globalThis.fetch).not.toBe(originalFetch);
    pook.get('api.test/after-reset').reply(203);
    expect((await fetch('http://api.test/after-reset')).status).toBe(203);
    expect(await failure('http://api.test/not-mocked')).toBeInstanceOf(pook.PookNoMatchesError);
  });

  it('leaves no patch behind: disable() after reset() restores the originals exactly', () => {
    pook.activate();
    pook.reset();
    pook.reset();
    pook.disable();
    expect(globalThis.fetch).toBe(originalFetch);
    expect(http.request).toBe(originalHttpRequest);
  });

  it('does not activate an inactive engine', () => {
    pook.reset();
    expect(pook.isActive()).toBe(false);
    expect(globalThis.fetch).toBe(originalFetch);
  });

  it('keeps the networking flag but flushes network filters', () => {
    pook.enableNetwork('a.test');
    pook.useNetworkFilter(() => false);
    pook.reset();
    expect(pook.engine().networking).toBe(true);
    const unfiltered = new pook.PookRequest({ method: 'GET', url: 'http://b.test/' });
    return pook
      .engine()
      .handle(unfiltered)
      .then((outcome) => expect(outcome.type).toBe('passthrough'));
  });

  it('keeps networking off when it was off', () => {
    pook.reset();
    expect(pook.engine().networking).toBe(false);
  });

  it('flushes engine filters and mappers', async () => {
    pook.activate();
    pook.engine().filter(() => false);
    pook.engine().map((req) => req.with({ url: 'http://elsewhere.test/' }));
    pook.reset();
    pook.get('api.test/x').reply(200);
    expect((await fetch('http://api.test/x')).status).toBe(200);
  });
});
