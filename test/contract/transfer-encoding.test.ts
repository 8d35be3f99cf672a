import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import pook from '../../src/index.js';

// A mock that declares `Transfer-Encoding: chunked` must be framed as such,
// or node:http clients wait forever for the end of the body.
function get(url: string): Promise<{ status: number; body: string; te: string | undefined }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, te: res.headers['transfer-encoding'] }));
      })
      .on('error', reject);
  });
}

describe('declared Transfer-Encoding: chunked', () => {
  afterEach(() => pook.off());

  it('frames a byte body as chunks', async () => {
    pook.activate();
    pook.get('http://api.test/bytes').reply(200).header('Transfer-Encoding', 'chunked').body('hello world');
    expect(await get('http://api.test/bytes')).toEqual({ status: 200, body: 'hello world', te: 'chunked' });
  });

  it('ends an empty chunked body', async () => {
    pook.activate();
    pook.get('http://api.test/empty').reply(200).header('Transfer-Encoding', 'chunked');
    expect(await get('http://api.test/empty')).toEqual({ status: 200, body: '', te: 'chunked' });
  });
});
