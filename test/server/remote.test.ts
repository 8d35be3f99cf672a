// pook/remote: the DSL of in-process pook for the mocks of a `pook serve`
// child process, with the same errors, and the assertions over the wire.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import pook, { Mock, PookInvalidArgumentError, PookPendingMocksError, PookRequest, PookUnmatchedRequestsError } from '../../src/index.js';
import { connect, type PookRemote } from '../../src/remote/index.js';
import { type ServerProcess, startServer } from '../helpers/pook-server.js';

let server: ServerProcess;
let remote: PookRemote;
beforeAll(async () => {
  server = await startServer([]);
  remote = connect(server.url);
});
afterAll(async () => {
  await server.stop();
});
beforeEach(async () => {
  await remote.reset();
});

/** What in-process pook throws for the same definition. */
function inProcess(define: (mock: Mock) => unknown): string {
  try {
    define(new Mock());
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('no error');
}

describe('pook/remote', () => {
  it('defines mocks with the in-process DSL; awaiting one sends it and gives its record', async () => {
    const record = await remote
      .get('api.test/users')
      .header('Accept', /json/)
      .times(2)
      .reply(200)
      .header('X-Remote', 'yes')
      .json([{ id: 1 }]);
    expect(record).toMatchObject({ label: 'GET api.test/users', source: 'api', times: 2, calls: 0 });
    expect(record.definedAt?.file).toBe(fileURLToPath(import.meta.url));
    // The mock expects host api.test: a forward-proxy (absolute-form) request names it.
    const response = await new Promise<{ status: number; header: string; body: string }>((resolve, reject) => {
      const { port } = new URL(server.url);
      http
        .get({ host: '127.0.0.1', port, path: 'http://api.test/users', headers: { host: 'api.test', accept: 'application/json' } }, (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode!, header: String(res.headers['x-remote']), body }));
        })
        .on('error', reject);
    });
    expect(response).toEqual({ status: 200, header: 'yes', body: '[{"id":1}]' });
    const { calls, requests } = await remote.calls(record.id);
    expect(calls).toBe(1);
    expect(requests[0]!.url.href).toBe('http://api.test/users');
  });

  it('sends definitions in order before any other call: FIFO, times and persist hold on the server', async () => {
    remote.get().path('/fifo').reply(200).body('one');
    remote.get().path('/fifo').reply(200).body('two');
    remote.get().path('/always').persist().reply(204);
    expect(await remote.isDone()).toBe(false);
    const texts = [];
    for (let i = 0; i < 3; i++) texts.push(await (await fetch(`${server.url}/fifo`)).text());
    expect(texts[0]).toBe('one');
    expect(texts[1]).toBe('two');
    expect(texts[2]).toMatch(/^pook: no mock matches GET/);
    for (let i = 0; i < 3; i++) expect((await fetch(`${server.url}/always`)).status).toBe(204);
    expect(await remote.isDone()).toBe(true);
    await remote.assertDone();
  });

  it('throws the in-process error, with the same text, where a bad argument is written', () => {
    const cases: Array<[(mock: Mock) => unknown, () => unknown]> = [
      [(m) => m.reply(99), () => remote.get('api.test').reply(99)],
      [(m) => m.url(''), () => remote.get('')],
      [(m) => m.times(0), () => remote.get('api.test').times(0)],
      [(m) => m.reply(200).type('not a type'), () => remote.get('api.test').reply(200).type('not a type')],
      [(m) => m.header('bad name', 'x'), () => remote.get('api.test').header('bad name', 'x')],
    ];
    for (const [local, remoteCall] of cases) {
      const expected = inProcess(local);
      expect(remoteCall).toThrow(PookInvalidArgumentError);
      expect(remoteCall).toThrow(expected);
    }
    expect(() => remote.get('api.test').filter()).toThrow('invalid argument "filter": a function cannot be sent to a pook server');
  });

  it('assertDone() rejects with the report of in-process pook, pointing at this file', async () => {
    await remote.post('api.test/orders').json({ sku: 'A1' }).reply(201);
    const error = await remote.assertDone().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PookPendingMocksError);
    const message = (error as Error).message;
    expect(message).toMatch(/^pook: 1 mock is still pending \(not called as often as expected\):\n/);
    expect(message).toContain('POST    api.test/orders');
    expect(message).toMatch(/remote\.test\.ts:\d+\n?/);
    // The same words as in-process for the same mock.
    const local = new pook.Engine();
    local.addMock(new Mock({ method: 'POST', url: 'api.test/orders', json: { sku: 'A1' }, reply: 201 }));
    const inProcessMessage = (() => {
      try {
        local.assertDone();
      } catch (e) {
        return (e as Error).message;
      }
    })()!;
    const withoutSites = (text: string): string =>
      text
        .replace(/ {2}\S+:\d+\s*$/gm, '')
        .replace(/DEFINED AT\s*$/m, '')
        .trimEnd();
    expect(withoutSites(message)).toBe(withoutSites(inProcessMessage));
    expect((await remote.pendingMocks()).map((mock) => mock.label)).toEqual(['POST api.test/orders']);
  });

  it('lists unmatched requests as PookRequests, with ranked near misses as data', async () => {
    await remote.get().path('/search').param('q', 'pook').reply(200);
    await fetch(`${server.url}/search?q=nock`, { method: 'GET', headers: { 'x-trace': '1' } });
    const [request] = await remote.unmatchedRequests();
    expect(request).toBeInstanceOf(PookRequest);
    expect(request!.url.pathname + request!.url.search).toBe('/search?q=nock');
    expect(request!.headers.get('x-trace')).toBe('1');
    const [record] = await remote.unmatched();
    expect(record!.nearMisses[0]).toMatchObject({ summary: 'matches except for query "q"', distance: 3 });
    expect(record!.nearMisses[0]!.failures).toEqual([{ pass: false, expectation: 'query "q"', expected: 'pook', actual: 'nock' }]);
    await expect(remote.assertNoUnmatched()).rejects.toBeInstanceOf(PookUnmatchedRequestsError);
  });

  it('rejects with the server error when the server refuses a definition, and keeps what it had', async () => {
    await remote.get().path('/kept').persist().reply(200);
    // A file the server cannot read: only the server can tell.
    const refused = await fetch(`${server.url}/__pook/mocks`, { method: 'POST', body: JSON.stringify({ path: '/x', responseFile: '/nonexistent/file' }) });
    expect(refused.status).toBe(400);
    expect((await remote.mocks()).map((mock) => mock.label)).toEqual(['GET *']);
  });

  it('works while in-process pook blocks the network of the same process', async () => {
    pook.activate();
    try {
      await remote.get().path('/inside').reply(200).body('reached');
      expect((await remote.mocks()).length).toBe(1);
    } finally {
      pook.disable();
    }
    expect(await (await fetch(`${server.url}/inside`)).text()).toBe('reached');
  });

  it('mocks the third-party API of an app running in another process', async () => {
    const app = spawn(process.execPath, [fileURLToPath(new URL('../fixtures/server/app/app.mjs', import.meta.url))], {
      env: { ...process.env, NODE_OPTIONS: '', USERS_API: server.url },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const url = await new Promise<string>((resolve) =>
        app.stdout!.setEncoding('utf8').once('data', (line: string) => resolve(line.trim().replace('app on ', ''))),
      );
      await remote.get().path('/users/7').header('accept', 'application/json').reply(200).json({ id: 7, name: 'Ada' });
      expect(await (await fetch(`${url}/profile/7`)).text()).toBe('Hello, Ada!');
      expect((await fetch(`${url}/profile/8`)).status).toBe(502);
      await remote.assertDone();
      expect((await remote.unmatchedRequests()).map((request) => request.url.pathname)).toEqual(['/users/8']);
    } finally {
      app.kill('SIGTERM');
    }
  });
});
