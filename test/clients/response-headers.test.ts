// Item: multi-valued headers and header casing survive, as from a server.

import http from 'node:http';
import * as undici from 'undici';
import { afterEach, beforeEach, expect, it } from 'vitest';
import pook from '../../src/index.js';

beforeEach(() => {
  pook.activate();
  pook
    .get('http://api.test/headers')
    .persist()
    .reply(200)
    .header('X-Mixed-CASE', 'kept')
    .header('Set-Cookie', 'a=1; Path=/')
    .header('Set-Cookie', 'b=2; HttpOnly')
    .header('Vary', 'Accept')
    .header('Vary', 'Origin')
    .body('ok');
});
afterEach(() => pook.off());

it('node:http: rawHeaders keep the casing and every value; headers join as Node joins them', async () => {
  const res = await new Promise<http.IncomingMessage>((resolve, reject) => http.get('http://api.test/headers', resolve).on('error', reject));
  res.resume();
  const raw = res.rawHeaders;
  expect(raw.slice(0, 10)).toEqual(['X-Mixed-CASE', 'kept', 'Set-Cookie', 'a=1; Path=/', 'Set-Cookie', 'b=2; HttpOnly', 'Vary', 'Accept', 'Vary', 'Origin']);
  expect(res.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2; HttpOnly']);
  expect(res.headers.vary).toBe('Accept, Origin');
});

it('undici.request: repeated headers as arrays; the raw headers keep the casing', async () => {
  const response = await undici.request('http://api.test/headers');
  await response.body.dump();
  expect(response.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2; HttpOnly']);
  expect(response.headers.vary).toEqual(['Accept', 'Origin']);
  // The raw headers a dispatch handler gets, as undici's parser gives them.
  const raw: string[] = [];
  await new Promise<void>((resolve, reject) => {
    undici.getGlobalDispatcher().dispatch(
      { origin: 'http://api.test', path: '/headers', method: 'GET' },
      {
        onRequestStart() {},
        onResponseStart(controller) {
          for (const value of (controller as unknown as { rawHeaders: Buffer[] }).rawHeaders) raw.push(value.toString());
        },
        onResponseData() {},
        onResponseEnd: () => resolve(),
        onResponseError: (_controller, error) => reject(error),
      },
    );
  });
  expect(raw.slice(0, 4)).toEqual(['X-Mixed-CASE', 'kept', 'Set-Cookie', 'a=1; Path=/']);
});

it('fetch and undici.fetch: getSetCookie() gives each cookie', async () => {
  for (const client of [fetch, undici.fetch as unknown as typeof fetch]) {
    const response = await client('http://api.test/headers');
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; HttpOnly']);
    expect(response.headers.get('vary')).toBe('Accept, Origin');
    await response.text();
  }
});
