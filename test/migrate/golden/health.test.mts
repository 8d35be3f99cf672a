// A TypeScript node:test suite written for nock: a real app server on
// loopback let through with enableNetConnect, a delayed persistent mock,
// query(true), times() and a text reply.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, describe, it } from 'node:test';
import pook from 'pook';
import { health, listRepos } from './client.mjs';

pook.activate();

describe('health', () => {
  const server = http.createServer((_request, response) => {
    response.writeHead(204);
    response.end();
  });
  let base = '';

  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    pook.enableNetwork('127.0.0.1');
  });
  after(() => {
    server.close();
    pook.enableNetwork();
  });
  afterEach(() => {
    pook.reset();
  });

  it('reaches the real app server, and the mocked API', async () => {
    const api = pook.origin('https://api.github.test').get('/users/ada/repos').delay(20).persist().reply(200, []).mock;
    assert.equal(await health(base), 204);
    const started = Date.now();
    assert.deepEqual(await listRepos('ada', { page: 3 }), []);
    assert.ok(Date.now() - started >= 15);
    assert.deepEqual(await listRepos('ada', { page: 4 }), []);
    api.assertCalled();
  });

  it('answers a 500 three times', async () => {
    const scope = pook.origin('https://api.github.test').get('/users/bob/repos').query({ page: '1' }).times(3).reply(500, 'down').mock;
    for (let i = 0; i < 3; i++) await assert.rejects(listRepos('bob'), /GitHub answered 500/);
    scope.assertCalled(3);
  });
});
