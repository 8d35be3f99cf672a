// The admin API of `pook serve` (/__pook), driven over HTTP as any language
// would: create, list, inspect and delete mocks, bad input answered with a
// 4xx naming the field (the server keeps its mocks), the OpenAPI document.
import http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Mock } from '../../src/index.js';
import type { ErrorBody, MockRecord, NetworkBody, PendingBody } from '../../src/server/protocol/messages.js';
import { type ServerProcess, startServer } from '../helpers/pook-server.js';

let server: ServerProcess;
beforeAll(async () => {
  server = await startServer(['--mocks', 'mocks/typed.ts']);
});
afterAll(async () => {
  await server.stop();
});
beforeEach(async () => {
  await admin('POST', '/reset');
});

async function admin(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}/__pook${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

const labels = async (): Promise<string[]> => ((await admin('GET', '/mocks')).body as { mocks: MockRecord[] }).mocks.map((mock) => mock.label);

/** The message in-process pook throws for these options. */
function inProcessError(options: object): string {
  try {
    new Mock(options);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('no error');
}

describe('admin API', () => {
  it('creates mocks (one, a list, or { mocks }), lists them in FIFO order, shows one with its calls, deletes them', async () => {
    const one = await admin('POST', '/mocks', { path: '/a', reply: 200, responseBody: 'A' });
    expect(one.status).toBe(201);
    const [a] = (one.body as { mocks: MockRecord[] }).mocks;
    expect(a).toMatchObject({ label: 'ANY *', source: 'api', calls: 0, times: 1, persist: false, done: false, expectations: ['path "/a"'] });
    const list = await admin('POST', '/mocks', [
      { method: 'GET', path: '/b', persist: true, reply: 202 },
      { method: 'POST', url: { regex: '/c$', flags: 'i' }, reply: 204 },
    ]);
    expect(list.status).toBe(201);
    const wrapped = await admin('POST', '/mocks', { mocks: [{ url: 'api.test/d', reply: 200, responseBody: { base64: 'AAEC' } }] });
    expect(wrapped.status).toBe(201);
    expect(await labels()).toEqual(['GET *', 'ANY *', 'GET *', 'POST /\\/c$/i', 'ANY api.test/d']);

    expect(await (await fetch(`${server.url}/a`)).text()).toBe('A');
    await fetch(`${server.url}/b?x=1`);
    await fetch(`${server.url}/b?x=2`);
    expect((await fetch(`${server.url}/C`, { method: 'POST' })).status).toBe(204);
    // The Host header makes the URL the mocks see (fetch does not let one set it).
    const bytes = await new Promise<Buffer>((resolve, reject) => {
      http
        .get(`${server.url}/d`, { headers: { host: 'api.test' } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => resolve(Buffer.concat(chunks)));
        })
        .on('error', reject);
    });
    expect([...bytes]).toEqual([0, 1, 2]);

    const b = (list.body as { mocks: MockRecord[] }).mocks[0]!;
    const shown = await admin('GET', `/mocks/${b.id}`);
    expect(shown.body).toMatchObject({ id: b.id, calls: 2, done: true, persist: true });
    const calls = (await admin('GET', `/mocks/${b.id}/calls`)).body as { calls: number; requests: Array<{ url: string }> };
    expect(calls.calls).toBe(2);
    expect(calls.requests.map((request) => new URL(request.url).search)).toEqual(['?x=1', '?x=2']);

    expect((await admin('DELETE', `/mocks/${b.id}`)).status).toBe(204);
    expect((await admin('GET', `/mocks/${b.id}`)).status).toBe(404);
    expect((await fetch(`${server.url}/b`)).status).toBe(501);
    expect((await admin('DELETE', '/mocks')).status).toBe(204);
    expect(await labels()).toEqual([]);
  });

  it('answers bad input with a 4xx naming the field, with the in-process message, and keeps its mocks', async () => {
    await admin('POST', '/mocks', { path: '/kept', persist: true, reply: 200 });
    const before = await labels();

    const badJson = await admin('POST', '/mocks', '{"path": "/x",');
    expect(badJson.status).toBe(400);
    expect((badJson.body as ErrorBody).error).toMatchObject({
      code: 'POOK_INVALID_ARGUMENT',
      argument: 'body',
      message: expect.stringContaining('not valid JSON'),
    });

    const unknown = await admin('POST', '/mocks', { path: '/x', repyl: 200 });
    expect(unknown.status).toBe(400);
    expect((unknown.body as ErrorBody).error).toEqual({
      name: 'PookInvalidArgumentError',
      code: 'POOK_INVALID_ARGUMENT',
      argument: 'repyl',
      message: inProcessError({ path: '/x', repyl: 200 }),
    });

    const status = await admin('POST', '/mocks', [
      { path: '/fine', reply: 200 },
      { path: '/x', reply: 99 },
    ]);
    expect(status.status).toBe(400);
    expect((status.body as ErrorBody).error).toMatchObject({ argument: 'reply', entry: 1, message: inProcessError({ path: '/x', reply: 99 }) });

    const regex = await admin('POST', '/mocks', { path: { regex: '[' } });
    expect((regex.body as ErrorBody).error).toMatchObject({ argument: 'path', message: expect.stringContaining('does not compile') });

    const notObject = await admin('POST', '/mocks', [42]);
    expect((notObject.body as ErrorBody).error).toMatchObject({ argument: 'mock', entry: 0 });

    const network = await admin('PUT', '/network', { enabled: 'yes' });
    expect(network.status).toBe(400);
    expect((network.body as ErrorBody).error.argument).toBe('enabled');
    expect(((await admin('PUT', '/network', { enabled: true, hosts: [] })).body as ErrorBody).error.argument).toBe('hosts');

    expect(await labels()).toEqual(before);
    expect((await fetch(`${server.url}/kept`)).status).toBe(200);
    expect((await fetch(`${server.url}/fine`)).status).toBe(501);
  });

  it('reports pending mocks with the assertDone() report, and the networking mode', async () => {
    await admin('POST', '/mocks', { method: 'GET', url: 'api.test/users', reply: 200 });
    const pending = (await admin('GET', '/pending')).body as PendingBody;
    expect(pending.done).toBe(false);
    // The mock file's /health mock is persistent and not called yet: pending too.
    expect(pending.mocks.map((mock) => [mock.label, mock.source])).toEqual([
      ['GET *', 'file'],
      ['GET api.test/users', 'api'],
    ]);
    expect(pending.message).toMatch(/^pook: 2 mocks are still pending \(not called as often as expected\):\n/);
    expect(pending.message).toContain('path "/health"  0      ∞          mocks/typed.ts:1\n');
    expect((await admin('GET', '/network')).body).toEqual({ enabled: false } satisfies NetworkBody);
    expect((await admin('PUT', '/network', { enabled: true })).body).toEqual({ enabled: true });
    await admin('PUT', '/network', { enabled: false });
  });

  it('serves an OpenAPI 3.1 document, and every operation it lists answers', async () => {
    const { body } = await admin('GET', '/openapi.json');
    const document = body as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(document.openapi).toBe('3.1.0');
    const operations: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of Object.keys(item).filter((key) => key !== 'parameters')) {
        const [mock] = ((await admin('POST', '/mocks', { path: '/doc', reply: 200 })).body as { mocks: MockRecord[] }).mocks;
        const concrete = path.replace('/__pook', '').replace('{id}', mock!.id);
        const payload = method === 'post' && concrete === '/mocks' ? { path: '/doc2' } : method === 'put' ? { enabled: false } : undefined;
        const { status } = await admin(method.toUpperCase(), concrete, payload);
        operations.push(`${method} ${path} ${status < 300 ? 'ok' : status}`);
      }
    }
    expect(
      operations.every((line) => line.endsWith(' ok')),
      operations.join('\n'),
    ).toBe(true);
    expect(operations.length).toBeGreaterThanOrEqual(12);
    expect((await admin('GET', '/nothing')).status).toBe(404);
    expect((await admin('PATCH', '/mocks')).status).toBe(405);
  });
});

describe('admin API token', () => {
  it('requires the bearer token when one is set, except for /health', async () => {
    const own = await startServer(['--token', 'sesame']);
    try {
      const denied = await fetch(`${own.url}/__pook/mocks`);
      expect(denied.status).toBe(401);
      expect(((await denied.json()) as ErrorBody).error.argument).toBe('authorization');
      expect((await fetch(`${own.url}/__pook/mocks`, { headers: { authorization: 'Bearer sesame' } })).status).toBe(200);
      expect((await fetch(`${own.url}/__pook/health`)).status).toBe(200);
    } finally {
      await own.stop();
    }
  });
});
