// No redacted value reaches the written file: the bytes are searched for
// every secret, in headers, cookies, the query and what a custom redact
// hook removes.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { loadHar, REDACTED, readHar, record } from '../../src/har/index.js';
import pook from '../../src/index.js';
import { validateHar } from './har-schema.js';
import { type HarServer, startHarServer } from './har-server.js';

let server: HarServer;
beforeAll(async () => {
  server = await startHarServer();
});
afterAll(() => server.close());
afterEach(() => {
  pook.off();
  pook.disableNetwork();
});

const SECRETS = [
  'Bearer-s3cr3t-token',
  'proxy-pw-771',
  'session-cookie-9f2',
  'x-key-55aa',
  'qs-token-31337',
  'qs-apikey-4242',
  'custom-header-777',
  'body-password-hunter2',
];

it('writes none of the secrets, and replays with the redacted values out of matching', async () => {
  pook.activate();
  pook.enableNetwork('127.0.0.1');
  const recorder = record({
    headers: ['x-custom-secret'],
    redact(entry) {
      const postData = entry.request.postData;
      if (postData?.text !== undefined) postData.text = postData.text.replace(/"password":"[^"]*"/, `"password":"${REDACTED}"`);
    },
  });
  const response = await fetch(`${server.origin}/text?token=qs-token-31337&apikey=qs-apikey-4242&page=1`, {
    method: 'POST',
    headers: {
      authorization: 'Bearer Bearer-s3cr3t-token',
      'proxy-authorization': 'Basic proxy-pw-771',
      cookie: 'sid=session-cookie-9f2; theme=dark',
      'x-api-key': 'x-key-55aa',
      'x-custom-secret': 'custom-header-777',
      'content-type': 'application/json',
    },
    body: JSON.stringify({ user: 'ann', password: 'body-password-hunter2' }),
  });
  expect(await response.text()).toBe('héllo from the server');
  const file = join(mkdtempSync(join(tmpdir(), 'pook-har-')), 'secrets.har');
  await recorder.save(file);
  recorder.stop();

  const bytes = readFileSync(file);
  const text = bytes.toString('utf8');
  for (const secret of SECRETS) expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
  const har = readHar(file);
  const entry = har.log.entries[0]!;
  expect(entry.request.headers.find((h) => h.name === 'authorization')?.value).toBe(REDACTED);
  expect(entry.request.headers.find((h) => h.name === 'x-custom-secret')?.value).toBe(REDACTED);
  expect(entry.request.headers.find((h) => h.name === 'cookie')?.value).toBe(`sid=${REDACTED}; theme=${REDACTED}`);
  expect(entry.request.cookies.map((c) => c.value)).toEqual([REDACTED, REDACTED]);
  expect(entry.request.queryString).toEqual([
    { name: 'token', value: REDACTED },
    { name: 'apikey', value: REDACTED },
    { name: 'page', value: '1' },
  ]);
  expect(entry.request.postData?.text).toBe(`{"user":"ann","password":"${REDACTED}"}`);
  expect(text).toContain(REDACTED);
  expect(validateHar(har)).toEqual([]);

  // Replayed: the request carries other secrets and still matches (redacted values are ignored).
  pook.reset();
  pook.disableNetwork();
  loadHar(file, { matchBy: { headers: ['authorization', 'x-api-key', 'content-type'] } });
  const replayed = await fetch(`${server.origin}/text?token=other&apikey=other2&page=1`, {
    method: 'POST',
    headers: { authorization: 'Bearer another', 'x-api-key': 'another', 'content-type': 'application/json' },
    body: JSON.stringify({ user: 'ann', password: 'anything' }),
  });
  expect(replayed.status).toBe(200);
  expect(await replayed.text()).toBe('héllo from the server');
});

it('redacts Set-Cookie values in the headers and the cookies of the response', async () => {
  pook.activate();
  pook.enableNetwork('127.0.0.1');
  const recorder = record();
  await (await fetch(`${server.origin}/cookie`)).text();
  await recorder.settled();
  recorder.stop();
  const entry = recorder.entries[0]!;
  expect(entry.response.headers.filter((h) => h.name === 'set-cookie').map((h) => h.value)).toEqual([`sid=${REDACTED}; Path=/; HttpOnly`]);
  expect(entry.response.cookies).toEqual([{ name: 'sid', value: REDACTED, path: '/', httpOnly: true }]);
  expect(JSON.stringify(recorder.har())).not.toContain('server-session-123');
});
