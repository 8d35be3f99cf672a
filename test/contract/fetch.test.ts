import { expect } from 'vitest';
import { fromHeaders } from '../helpers/normalise.js';
import { describeContract } from './contract.js';

describeContract({
  name: 'fetch',
  async request({ url, method = 'GET', headers, body }) {
    // globalThis.fetch is read at call time: the patched one while pook is active.
    const response = await fetch(url, { method, ...(headers && { headers }), ...(body !== undefined && { body }) });
    return { status: response.status, ...fromHeaders(response.headers), body: await response.text() };
  },
  failure(thrown) {
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as Error).message).toBe('fetch failed');
    const cause = (thrown as Error).cause as Error & { code?: unknown };
    expect(cause).toBeInstanceOf(Error);
    return { error: cause, code: cause.code, message: cause.message };
  },
});
