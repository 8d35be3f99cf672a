import superagent from 'superagent';
import { expect } from 'vitest';
import { fromRecord } from '../helpers/normalise.js';
import { describeContract } from './contract.js';

describeContract({
  name: 'superagent',
  async request({ url, method = 'GET', headers = {}, body }) {
    const request = superagent(method, url)
      .set(headers)
      .ok(() => true)
      .buffer(true)
      // The raw text whatever the content type.
      .parse((res, done) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => done(null, text));
      });
    if (body !== undefined) request.send(body);
    const response = await request;
    return { status: response.status, ...fromRecord(response.headers as Record<string, unknown>), body: response.body as string };
  },
  failure(thrown) {
    // superagent rejects with the error node:http emitted.
    expect(thrown).toBeInstanceOf(Error);
    const error = thrown as Error & { code?: unknown };
    return { error, code: error.code, message: error.message };
  },
});
