import axios from 'axios';
import { expect } from 'vitest';
import { fromRecord } from '../helpers/normalise.js';
import { describeContract } from './contract.js';

describeContract({
  name: 'axios',
  async request({ url, method = 'GET', headers, body }) {
    const response = await axios.request<string>({
      url,
      method,
      ...(headers && { headers }),
      ...(body !== undefined && { data: body }),
      // The raw text both ways, any status, no proxy from the environment.
      transformRequest: [(data: unknown) => data],
      transformResponse: [(data: unknown) => data],
      responseType: 'text',
      validateStatus: () => true,
      proxy: false,
    });
    return { status: response.status, ...fromRecord(response.headers as Record<string, unknown>), body: response.data };
  },
  failure(thrown) {
    expect(axios.isAxiosError(thrown)).toBe(true);
    const error = thrown as Error & { code?: unknown };
    return { error: error.cause, code: error.code, message: error.message };
  },
});
