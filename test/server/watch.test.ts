// `pook serve --watch`: a changed mock file is loaded again while the server
// keeps its connections; a broken edit keeps the mocks it had.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startServer } from '../helpers/pook-server.js';

const dir = mkdtempSync(join(tmpdir(), 'pook-watch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** GET on the one kept-alive socket: status, body, and whether the socket was reused. */
function get(url: string): Promise<{ status: number; body: string; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body, reused: req.reusedSocket }));
    });
    req.on('error', reject);
  });
}

it('reloads a changed mock file without dropping connections, and keeps its mocks on a broken edit', async () => {
  const file = join(dir, 'mocks.yaml');
  writeFileSync(file, '- { path: /greeting, persist: true, reply: 200, responseBody: hello }\n');
  const server = await startServer(['--watch', '--mocks', file], { cwd: dir });
  try {
    expect(await get(`${server.url}/greeting`)).toEqual({ status: 200, body: 'hello', reused: false });

    writeFileSync(file, '- { path: /greeting, persist: true, reply: 200, responseBody: bonjour }\n');
    await server.waitFor(/loaded 1 mock from .*\n.*\nloaded 1 mock from /s);
    expect(await get(`${server.url}/greeting`)).toEqual({ status: 200, body: 'bonjour', reused: true });

    writeFileSync(file, '- { path: /greeting, reply: 99 }\n');
    await server.waitFor('(kept the mocks loaded before)');
    expect(server.stdout()).toContain('mocks.yaml:1: mock 0: invalid argument "reply"');
    expect(await get(`${server.url}/greeting`)).toEqual({ status: 200, body: 'bonjour', reused: true });
  } finally {
    agent.destroy();
    expect(await server.stop()).toBe(0);
  }
});
