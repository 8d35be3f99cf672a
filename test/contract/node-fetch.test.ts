import nodeFetch, { FetchError } from 'node-fetch';
import { expect } from 'vitest';
import { fromRecord } from '../helpers/normalise.js';
import { describeContract } from './contract.js';

describeContract({
  name: 'node-fetch',
  // FetchError copies the code and message of the error it wraps, not the error.
  losesError: true,
  async request({ url, method = 'GET', headers, body }) {
    const response = await nodeFetch(url, { method, ...(headers && { headers }), ...(body !== undefined && { body }) });
    return { status: response.status, ...fromRecord(response.headers.raw()), body: await response.text() };
  },
  failure(thrown) {
    expect(thrown).toBeInstanceOf(FetchError);
    const error = thrown as FetchError;
    expect(error.type).toBe('system');
    return { error: undefined, code: error.code, message: error.message };
  },
});
