// `pook serve` as a user runs it: the built CLI in a child process with the
// fixture mock files, hit by real clients (fetch, axios, curl, Python's
// urllib) and driven through its admin API.
import { execFile } from 'node:child_process';
import http from 'node:http';
import { connect } from 'node:net';
import { promisify } from 'node:util';
import axios from 'axios';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { UnmatchedBody } from '../../src/server/protocol/messages.js';
import { runCli, type ServerProcess, startServer } from '../helpers/pook-server.js';

const exec = promisify(execFile);
let server: ServerProcess;
let proxy: { host: string; port: number; protocol: string };

beforeAll(async () => {
  server = await startServer(['--mocks', 'mocks']);
  const { hostname, port } = new URL(server.url);
  proxy = { host: hostname, port: Number(port), protocol: 'http' };
});
afterAll(async () => {
  expect(await server.stop()).toBe(0);
});
beforeEach(async () => {
  expect((await fetch(`${server.url}/__pook/reset`, { method: 'POST' })).status).toBe(200);
});

const text = async (path: string, init?: RequestInit): Promise<[number, string]> => {
  const response = await fetch(`${server.url}${path}`, init);
  return [response.status, await response.text()];
};

describe('pook serve', () => {
  it('prints its help, and exits 2 on a bad command line', async () => {
    const help = await runCli(['serve', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: pook serve \[options\]/);
    expect(help.stdout).toContain('--mocks <file|dir>');
    const listed = await runCli(['--help']);
    expect(listed.stdout).toMatch(/ {2}serve +start a mock server/);
    for (const args of [
      ['serve', '--frobnicate'],
      ['serve', '--port', 'eighty'],
      ['serve', '--cert', 'a.pem'],
    ]) {
      const result = await runCli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^pook serve: /);
    }
  });

  it('answers with the mocks of JSON, YAML, ES module and TypeScript files (fetch)', async () => {
    expect(await text('/health')).toEqual([200, 'ok']);
    expect(await (await fetch(`${server.url}/items/42`)).json()).toEqual({ path: '/items/42' });
    const search = await fetch(`${server.url}/search?q=pooky`, { headers: { accept: 'application/json' } });
    expect(search.status).toBe(200);
    expect(search.headers.get('x-source')).toBe('yaml');
    expect(await search.json()).toEqual({ hits: 3 });
  });

  it('matches FIFO, expires volatile mocks, counts times', async () => {
    expect(await text('/once')).toEqual([200, 'first']);
    expect(await text('/once')).toEqual([200, 'second']);
    expect((await text('/once'))[0]).toBe(501);
    expect(await text('/twice')).toEqual([200, 'twice']);
    expect(await text('/twice')).toEqual([200, 'twice']);
    expect((await text('/twice'))[0]).toBe(501);
  });

  it('is a forward proxy for absolute-form requests: axios with its proxy option, persist and JSON bodies', async () => {
    for (let i = 0; i < 3; i++) {
      const { status, data } = await axios.get('http://api.test/users', { proxy });
      expect([status, data]).toEqual([200, [{ id: 1, name: 'ada' }]]);
    }
    const created = await axios.post('http://api.test/users', { name: 'bob' }, { proxy });
    expect([created.status, created.data]).toEqual([201, { id: 2 }]);
    const again = await axios.post('http://api.test/users', { name: 'bob' }, { proxy, validateStatus: () => true });
    expect(again.status).toBe(501);
    expect(again.headers['x-pook-unmatched']).toBe('true');
  });

  it('serves curl and Python urllib, through HTTP_PROXY too', async () => {
    const curl = await exec('curl', ['-s', '-x', server.url, 'http://api.test/users']);
    expect(JSON.parse(curl.stdout)).toEqual([{ id: 1, name: 'ada' }]);
    const direct = await exec('curl', ['-s', '-w', '\n%{http_code}', `${server.url}/health`]);
    expect(direct.stdout).toBe('ok\n200');
    const python = await exec(
      'python3',
      ['-c', 'import json,urllib.request; r = urllib.request.urlopen("http://api.test/users"); print(r.status, json.dumps(json.load(r)))'],
      { env: { ...process.env, http_proxy: server.url, HTTP_PROXY: server.url, no_proxy: '' } },
    );
    expect(python.stdout.trim()).toBe('200 [{"id": 1, "name": "ada"}]');
  });

  it('answers CONNECT (HTTPS through the proxy) with 501 and closes the tunnel: curl and a raw socket', async () => {
    // Not intercepted (docs/server.md, "Proxy mode"): the exact answer a client gets.
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(proxy.port, proxy.host, () => socket.write('CONNECT api.test:443 HTTP/1.1\r\nHost: api.test:443\r\n\r\n'));
      let data = '';
      socket.setEncoding('utf8').on('data', (chunk: string) => (data += chunk));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    const [head, body] = raw.split('\r\n\r\n');
    expect(head!.split('\r\n')[0]).toBe('HTTP/1.1 501 Not Implemented');
    expect(body).toBe(
      'pook: HTTPS through CONNECT (api.test:443) is not intercepted; send plain HTTP through the proxy, or point the client at the server with --proxy.\n',
    );
    const curl = await exec('curl', ['-s', '-S', '-x', server.url, 'https://api.test/users']).catch((error: { code: number; stderr: string }) => error);
    expect(curl).toMatchObject({ code: 56 });
    expect((curl as { stderr: string }).stderr).toMatch(/CONNECT tunnel failed, response 501/);
  });

  it('answers an unmatched request with the no-match report: text, or JSON for a client that accepts JSON', async () => {
    const [status, report] = await text('/search?q=other', { headers: { accept: 'text/plain' } });
    expect(status).toBe(501);
    expect(report).toMatch(/^pook: no mock matches GET http:\/\/127\.0\.0\.1:\d+\/search\?q=other\n/);
    expect(report).toContain('query "q"');
    const json = await fetch(`${server.url}/search?q=other`, { headers: { accept: 'application/json' } });
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await json.json()) as UnmatchedBody['requests'][number];
    expect(body.outcome).toBe(501);
    expect(body.message).toMatch(/^pook: no mock matches GET/);
    expect(body.nearMisses[0]).toMatchObject({ label: 'GET *', summary: 'matches except for query "q"' });
  });

  it('records unmatched requests with their ranked near misses, as data', async () => {
    await fetch(`${server.url}/search?q=pook`, { headers: { accept: 'text/html' } });
    const { requests, message } = (await (await fetch(`${server.url}/__pook/unmatched`)).json()) as UnmatchedBody;
    expect(requests).toHaveLength(1);
    const [record] = requests;
    expect(record!.request).toMatchObject({ method: 'GET', url: expect.stringMatching(/\/search\?q=pook$/) });
    expect(record!.request.headers).toContainEqual(['accept', 'text/html']);
    const [closest, next] = record!.nearMisses;
    expect(closest).toMatchObject({ mockId: expect.any(String), distance: 2, state: 'evaluated' });
    expect(closest!.failures).toEqual([{ pass: false, expectation: 'header "accept"', expected: '/json/u', actual: 'text/html' }]);
    expect(next!.distance).toBeGreaterThan(closest!.distance);
    expect(message).toMatch(/^pook: 1 request matched no mock/);
  });

  it('ends the connection for a mock error (ECONNRESET), and keeps serving', async () => {
    await expect(fetch(`${server.url}/reset`)).rejects.toThrow('fetch failed');
    expect(await text('/health')).toEqual([200, 'ok']);
  });

  it('reset restores the mock files and forgets unmatched requests', async () => {
    await text('/once');
    await text('/nothing');
    await fetch(`${server.url}/__pook/reset`, { method: 'POST' });
    expect(await text('/once')).toEqual([200, 'first']);
    expect(((await (await fetch(`${server.url}/__pook/unmatched`)).json()) as UnmatchedBody).requests).toEqual([]);
  });

  it('logs one readable line per request', async () => {
    await text('/health');
    await server.waitFor(/GET http:\/\/127\.0\.0\.1:\d+\/health → 200 GET \* \d+ms/);
    expect(server.stdout()).toMatch(/^loaded \d+ mocks from mocks\npook listening on http:\/\/127\.0\.0\.1:\d+\n/);
  });
});

describe('pook serve: operations', () => {
  it('finishes the requests in flight on SIGTERM, then exits 0', async () => {
    const own = await startServer(['--mocks', 'mocks/users.json']);
    const started = Date.now();
    const slow = fetch(`${own.url}/slow`).then(async (response) => [response.status, await response.text()]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const exited = own.stop('SIGTERM');
    expect(await slow).toEqual([200, 'slow']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(650);
    expect(await exited).toBe(0);
    expect(own.stdout()).toMatch(/closing: answering the requests in flight\nGET \S+\/slow → 200 ANY \* \d+ms\nclosed\n$/);
    await expect(fetch(`${own.url}/health`)).rejects.toThrow();
  });

  it('exits 0 on SIGINT', async () => {
    const own = await startServer([]);
    expect(await own.stop('SIGINT')).toBe(0);
  });

  it('rejects a bad mock file naming the file, the entry and the field, and exits 1', async () => {
    const status = await runCli(['serve', '--port', '0', '--mocks', 'bad/bad-status.yaml']);
    expect(status.code).toBe(1);
    expect(status.stdout).toBe('');
    expect(status.stderr).toBe('pook: bad/bad-status.yaml:3: mock 1: invalid argument "reply": expected an integer from 200 to 599, got number 99.\n');
    const unknown = await runCli(['serve', '--port', '0', '--mocks', 'bad/unknown-key.json']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^pook: bad\/unknown-key\.json:1: mock 0: invalid argument "repyl": unknown mock option \(known: url, method,/);
    const syntax = await runCli(['serve', '--port', '0', '--mocks', 'bad/syntax.json']);
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toMatch(/^pook: bad\/syntax\.json:\d+: not valid JSON/);
    const missing = await runCli(['serve', '--port', '0', '--mocks', 'nowhere.json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^pook: cannot read mock file "nowhere\.json"/);
  });

  it('logs JSON lines with --json', async () => {
    const own = await startServer(['--json', '--mocks', 'mocks/typed.ts']);
    await fetch(`${own.url}/health`);
    await own.waitFor('"event":"request"');
    await own.stop();
    const lines = own
      .stdout()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line.event)).toEqual(['loaded', 'listening', 'request', 'closing', 'closed']);
    expect(lines[1]).toMatchObject({ url: own.url, message: `pook listening on ${own.url}` });
    expect(lines[2]).toMatchObject({ method: 'GET', status: 200, outcome: 'mock', mock: 'GET *' });
  });

  it('answers unmatched requests with --unmatched-status', async () => {
    const own = await startServer(['--unmatched-status', '404']);
    expect((await fetch(`${own.url}/anything`)).status).toBe(404);
    await own.stop();
  });

  it('serves HTTPS with a generated self-signed certificate', async () => {
    const own = await startServer(['--self-signed', '--mocks', 'mocks/typed.ts']);
    expect(own.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const body = await new Promise<string>((resolve, reject) => {
      const { get } = require('node:https') as typeof import('node:https');
      get(`${own.url}/health`, { rejectUnauthorized: false }, (response) => {
        let data = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (data += chunk));
        response.on('end', () => resolve(`${response.statusCode} ${data}`));
      }).on('error', reject);
    });
    expect(body).toBe('200 ok');
    await own.stop();
  });

  it('is a reverse proxy with --proxy: mocks first, the upstream for the rest, recorded as passthrough', async () => {
    const upstream = http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'x-upstream': 'yes' });
      res.end(`upstream saw ${req.method} ${req.url} host=${req.headers.host}`);
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(upstream.address() as { port: number }).port}`;
    try {
      const own = await startServer(['--proxy', origin, '--mocks', 'mocks/typed.ts']);
      try {
        expect(await (await fetch(`${own.url}/health`)).text()).toBe('ok');
        const relayed = await fetch(`${own.url}/users?page=2`);
        expect(relayed.headers.get('x-upstream')).toBe('yes');
        expect(await relayed.text()).toBe(`upstream saw GET /users?page=2 host=${new URL(origin).host}`);
        const { requests } = (await (await fetch(`${own.url}/__pook/unmatched`)).json()) as UnmatchedBody;
        expect(requests.map((r) => [r.request.url, r.outcome])).toEqual([[`${origin}/users?page=2`, 'passthrough']]);
        // Networking off through the admin API: unmatched requests get the report again.
        await fetch(`${own.url}/__pook/network`, { method: 'PUT', body: JSON.stringify({ enabled: false }) });
        expect((await fetch(`${own.url}/users`)).status).toBe(501);
      } finally {
        await own.stop();
      }
    } finally {
      upstream.close();
    }
  });
});
