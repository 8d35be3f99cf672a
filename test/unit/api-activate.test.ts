import http from 'node:http';
import https from 'node:https';
import { afterEach, describe, expect, it } from 'vitest';
import pook, { Engine, PookNoMatchesError } from '../../src/index.js';

const originalFetch = globalThis.fetch;
const originalHttpRequest = http.request;
const originalHttpsGet = https.get;
const originals = () => [globalThis.fetch, http.request, http.get, http.ClientRequest, https.request, https.get];
const pristine = originals();

afterEach(() => {
  pook.off();
  expect(globalThis.fetch).toBe(originalFetch);
});

describe('activate() / on()', () => {
  it('starts intercepting fetch and node:http', async () => {
    expect(pook.isActive()).toBe(false);
    pook.activate();
    expect(pook.isActive()).toBe(true);
    expect(globalThis.fetch).not.toBe(originalFetch);
    expect(http.request).not.toBe(originalHttpRequest);
    pook
      .get('api.test/users')
      .reply(200)
      .json([{ id: 1 }]);
    const response = await fetch('http://api.test/users');
    expect(await response.json()).toEqual([{ id: 1 }]);
  });

  it('is idempotent: a second call patches nothing more', () => {
    pook.activate();
    const patched = globalThis.fetch;
    pook.activate();
    pook.on();
    expect(globalThis.fetch).toBe(patched);
    pook.disable();
    expect(globalThis.fetch).toBe(originalFetch);
    expect(http.request).toBe(originalHttpRequest);
    expect(https.get).toBe(originalHttpsGet);
  });

  it('on is activate', () => {
    expect(pook.on).toBe(pook.activate);
  });

  it('engine() is the current Engine, the same each time', () => {
    expect(pook.engine()).toBeInstanceOf(Engine);
    expect(pook.engine()).toBe(pook.engine());
    const mock = pook.get('api.test');
    expect(pook.engine().mocks).toContain(mock);
  });
});

describe('disable() / off()', () => {
  it('disable() restores every patched global exactly and keeps the mocks', () => {
    pook.activate();
    const mock = pook.get('api.test').reply(204).mock;
    expect(originals().filter((value, i) => value === pristine[i])).toEqual([]);
    pook.disable();
    expect(pook.isActive()).toBe(false);
    expect(originals()).toEqual(pristine);
    for (const [i, value] of originals().entries()) expect(value).toBe(pristine[i]);
    expect(pook.engine().mocks).toEqual([mock]);
  });

  it('disable() is idempotent and harmless before activate()', () => {
    pook.disable();
    pook.disable();
    expect(globalThis.fetch).toBe(originalFetch);
  });

  it('mocks kept by disable() answer again after activate()', async () => {
    pook.activate();
    pook.get('api.test/again').reply(202);
    pook.disable();
    pook.activate();
    expect((await fetch('http://api.test/again')).status).toBe(202);
  });

  it('off() disables and resets', () => {
    pook.activate();
    pook.get('api.test');
    pook.off();
    expect(pook.isActive()).toBe(false);
    expect(pook.engine().mocks).toEqual([]);
    expect(globalThis.fetch).toBe(originalFetch);
  });
});

describe('activate(fn) / on(fn)', () => {
  it('returns a wrapper that activates only when called', () => {
    const wrapped = pook.activate(() => pook.isActive());
    expect(pook.isActive()).toBe(false);
    expect(wrapped()).toBe(true);
  });

  it("returns fn's result for a sync function, then disables and resets", () => {
    const wrapped = pook.on((a: number, b: number) => {
      pook.get('api.test');
      return a + b;
    });
    expect(wrapped(2, 3)).toBe(5);
    expect(pook.isActive()).toBe(false);
    expect(pook.engine().mocks).toEqual([]);
    expect(globalThis.fetch).toBe(originalFetch);
  });

  it('keeps `this`', () => {
    const target = {
      n: 7,
      run: pook.activate(function (this: { n: number }) {
        return this.n;
      }),
    };
    expect(target.run()).toBe(7);
  });

  it("resolves to an async function's result, disabling and resetting after it settles", async () => {
    const wrapped = pook.activate(async (path: string) => {
      pook.get(`api.test${path}`).reply(201);
      await Promise.resolve();
      expect(pook.isActive()).toBe(true);
      return (await fetch(`https://api.test${path}`)).status;
    });
    const pending = wrapped('/x');
    expect(pook.isActive()).toBe(true);
    await expect(pending).resolves.toBe(201);
    expect(pook.isActive()).toBe(false);
    expect(pook.engine().mocks).toEqual([]);
    expect(globalThis.fetch).toBe(originalFetch);
  });

  it('disables and resets when fn throws, and rethrows the same error', () => {
    const error = new Error('sync failure');
    const wrapped = pook.activate(() => {
      pook.get('api.test');
      throw error;
    });
    expect(() => wrapped()).toThrow(error);
    expect(pook.isActive()).toBe(false);
    expect(pook.engine().mocks).toEqual([]);
    expect(globalThis.fetch).toBe(originalFetch);
  });

  it('disables and resets when an async fn rejects, and rejects with the same error', async () => {
    const wrapped = pook.on(async () => {
      pook.get('api.test');
      await fetch('http://unmocked.test/');
    });
    const rejection = await wrapped().catch((e: unknown) => e);
    expect(rejection).toBeInstanceOf(TypeError);
    expect((rejection as TypeError).cause).toBeInstanceOf(PookNoMatchesError);
    expect(pook.isActive()).toBe(false);
    expect(pook.engine().mocks).toEqual([]);
    expect(pook.unmatched()).toBe(0);
    expect(globalThis.fetch).toBe(originalFetch);
  });

  it('rejects something that is not a function', () => {
    expect(() => pook.activate('x' as unknown as () => void)).toThrow(pook.PookInvalidArgumentError);
  });
});
