import http from 'node:http';
import * as httpNamespace from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { batchBuiltinSync } from '../../src/builtin-sync.js';
import { patch } from '../../src/interceptors/patch.js';
import pook from '../../src/index.js';

afterEach(() => pook.off());

describe('builtin ESM exports are synced once per batch', () => {
  it('a patch inside a batch reaches named imports when the batch ends, and its restore too', () => {
    const original = http.get;
    const replacement = (() => undefined) as unknown as typeof http.get;
    let restore: () => void = () => {};
    batchBuiltinSync(() => {
      restore = patch(http, 'get', () => replacement);
      expect(http.get).toBe(replacement);
      expect(httpNamespace.get).toBe(original); // not synced yet
    });
    expect(httpNamespace.get).toBe(replacement);
    batchBuiltinSync(() => batchBuiltinSync(() => restore()));
    expect(httpNamespace.get).toBe(original);
  });

  it('a batch that throws still syncs what it patched', () => {
    const original = http.get;
    let restore: () => void = () => {};
    expect(() =>
      batchBuiltinSync(() => {
        restore = patch(http, 'get', (get) => get);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(httpNamespace.get).toBe(http.get);
    restore();
    expect(httpNamespace.get).toBe(original);
  });

  it('named imports see the patches after activate() and the originals after disable()', () => {
    const original = httpNamespace.request;
    pook.activate();
    expect(httpNamespace.request).not.toBe(original);
    expect(httpNamespace.request).toBe(http.request);
    pook.disable();
    expect(httpNamespace.request).toBe(original);
  });
});

describe('reset() and the default interceptors', () => {
  it('keeps the default interceptors and their patches when nobody changed them', async () => {
    pook.activate();
    const before = [...pook.engine().interceptors];
    const patchedFetch = globalThis.fetch;
    pook.reset();
    expect(pook.engine().interceptors).toEqual(before);
    expect(pook.engine().interceptors.every((interceptor, i) => interceptor === before[i])).toBe(true);
    expect(globalThis.fetch).toBe(patchedFetch);
    pook.get('api.test/kept').reply(204);
    expect((await fetch('http://api.test/kept')).status).toBe(204);
  });

  it('rebuilds them from the factory after an interceptor was added or removed', () => {
    pook.activate();
    const before = [...pook.engine().interceptors];
    pook.engine().removeInterceptor('xhr');
    pook.reset();
    const after = pook.engine().interceptors;
    expect(after.map((interceptor) => interceptor.name)).toEqual(before.map((interceptor) => interceptor.name));
    expect(after.some((interceptor, i) => interceptor === before[i])).toBe(false);

    const extra = { name: 'extra', activate: () => {}, disable: () => {} };
    pook.engine().addInterceptor(extra);
    pook.reset();
    expect(pook.engine().interceptors).not.toContain(extra);
  });
});
