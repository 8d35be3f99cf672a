import { afterEach, describe, expect, it } from 'vitest';
import pook from '../../src/index.js';

afterEach(() => pook.off());

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
