// `npx pook serve` after `npm install pook`: the packed tarball installed in
// a fresh project, its bin started with npx, pook/server and pook/remote
// imported from ES modules and CommonJS. Needs the build (npm test builds
// first) and the npm cache (no network beyond the registry).
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';

const exec = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pook-install-'));
const app = join(dir, 'app');

beforeAll(async () => {
  const { stdout } = await exec('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: root });
  const tarball = join(dir, stdout.trim().split('\n').at(-1)!);
  await exec('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
  await exec('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: app });
  writeFileSync(join(app, 'mocks.json'), JSON.stringify([{ method: 'GET', path: '/hello', persist: true, reply: 200, responseBody: 'installed' }]));
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('npx pook serve starts the installed server; pook/remote and pook/server load as ES modules and CommonJS', async () => {
  const child = spawn('npx', ['--no-install', 'pook', 'serve', '--port', '0', '--mocks', 'mocks.json'], {
    cwd: app,
    env: { ...process.env, NODE_OPTIONS: '', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let out = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        const found = /pook listening on (http:\/\/\S+)/.exec(out)?.[1];
        if (found !== undefined) resolve(found);
      });
      child.once('exit', () => reject(new Error(`exited: ${out}`)));
    });
    expect(await (await fetch(`${url}/hello`)).text()).toBe('installed');

    const esm = `import { connect } from 'pook/remote'; import { serve } from 'pook/server';
      const remote = connect(${JSON.stringify(url)});
      await remote.get().path('/esm').reply(201);
      const status = (await fetch(${JSON.stringify(url)} + '/esm')).status;
      console.log(JSON.stringify({ status, done: await remote.isDone(), serve: typeof serve }));`;
    writeFileSync(join(app, 'check.mjs'), esm);
    expect(JSON.parse((await exec(process.execPath, ['check.mjs'], { cwd: app })).stdout)).toEqual({ status: 201, done: true, serve: 'function' });

    const cjs = `const { connect } = require('pook/remote'); const { serve } = require('pook/server'); const pook = require('pook');
      (async () => {
        const remote = connect(${JSON.stringify(url)});
        let error; try { remote.get('api.test').reply(99) } catch (e) { error = e }
        const server = await serve({ port: 0 });
        await server.close();
        console.log(JSON.stringify({ sameClass: error instanceof pook.PookInvalidArgumentError, port: server.port > 0 }));
      })();`;
    writeFileSync(join(app, 'check.cjs'), cjs);
    expect(JSON.parse((await exec(process.execPath, ['check.cjs'], { cwd: app })).stdout)).toEqual({ sameClass: true, port: true });
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
  }
  // npx re-raises the signal it forwarded; the server itself closed cleanly.
  await exited;
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(out).toMatch(/closing: answering the requests in flight\nclosed\n$/);
}, 60_000);
