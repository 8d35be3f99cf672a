import got, { RequestError } from 'got';
import { expect } from 'vitest';
import { fromRecord } from '../helpers/normalise.js';
import { describeContract } from './contract.js';

describeContract({
  name: 'got',
  async request({ url, method = 'GET', headers, body }) {
    const response = await got(url, {
      method: method as 'GET',
      ...(headers && { headers }),
      ...(body !== undefined && { body }),
      throwHttpErrors: false,
      // got retries network errors by default: each retry would use up a mock.
      retry: { limit: 0 },
    });
    return { status: response.statusCode, ...fromRecord(response.headers), body: response.body };
  },
  failure(thrown) {
    expect(thrown).toBeInstanceOf(RequestError);
    const error = thrown as RequestError;
    return { error: error.cause, code: error.code, message: error.message };
  },
});
