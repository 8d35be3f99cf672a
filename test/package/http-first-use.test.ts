import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// pook patches node:http and node:https when the process first reaches for
// them, not at activation (docs/performance.md, "Load less"). It must still
// fail closed: whatever way a process gets either module after activation,
// its first request is pook's. The requests here are the ones that would not reach pook's
// `http.Agent.prototype.addRequest` (a `createConnection` without an agent),
// so only pook's wrapper of `https.request` can catch them; the
// `createConnection` dials a loopback server that counts connections, and
// none may arrive. Each case runs in a fresh process on the built package,
// because a test worker has loaded both modules long before.

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const entry = join(root, 'dist', 'index.js');

const script = `
const [entry, mode, port, name] = process.argv.slice(1);
const net = process.getBuiltinModule('node:net');
const { createRequire } = process.getBuiltinModule('node:module');
const loaded = () => process.moduleLoadList.includes('NativeModule ' + name);
const getBuiltinModule = process.getBuiltinModule;
const { default: pook } = await import(entry);
if (mode === 'loaded-before') await import('node:' + name);
const before = loaded();
if (mode !== 'control') pook.activate();
const activated = loaded();
pook.get(name + '://api.test/ok').reply(200).body('mocked');
const ways = {
  require: () => createRequire(entry)('node:' + name).request,
  'require without node:': () => createRequire(entry)(name).request,
  'dynamic import': async () => (await import('node:' + name)).default.request,
  'static import in a later module (named export)': async () =>
    (await import('data:text/javascript,import { request } from "node:' + name + '"; export { request };')).request,
  'process.getBuiltinModule': () => process.getBuiltinModule('node:' + name).request,
  'process.getBuiltinModule without node:': () => process.getBuiltinModule(name).request,
  'loaded-before': () => process.getBuiltinModule('node:' + name).request,
  control: () => process.getBuiltinModule('node:' + name).request,
};
const request = await ways[mode]();
const send = (path) =>
  new Promise((resolve) => {
    const req = request({
      host: 'api.test',
      path,
      createConnection: () => net.connect(Number(port), '127.0.0.1'),
      timeout: 2000,
    }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve({ error: error.code ?? error.message }));
    req.end();
  });
const mocked = await send('/ok');
const unmatched = await send('/other');
pook.off();
const restored = process.getBuiltinModule === getBuiltinModule && process.getBuiltinModule('node:' + name).request.name !== 'pookRequest';
console.log(JSON.stringify({ before, activated, mocked, unmatched, restored }));
`;

/** Runs the script in a fresh Node process; its JSON line. */
function run(name: 'http' | 'https', mode: string, port: number): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', script, entry, mode, String(port), name],
      { cwd: root, timeout: 30_000, env: { ...process.env, NODE_OPTIONS: '' } },
      (error, stdout, stderr) => (error === null ? resolve(JSON.parse(stdout)) : reject(new Error(`${error.message}\n${stderr}`))),
    );
  });
}

let server: net.Server;
let port = 0;
let connections = 0;

beforeAll(async () => {
  expect(existsSync(entry), 'dist/index.js is missing: npm test builds it first').toBe(true);
  server = net.createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe.each(['http', 'https'] as const)('node:%s reached only after activation', (name) => {
  it.each([
    'require',
    'require without node:',
    'dynamic import',
    'static import in a later module (named export)',
    'process.getBuiltinModule',
    'process.getBuiltinModule without node:',
  ])('through %s: activation does not load it, and its requests are still pook’s', async (mode) => {
    connections = 0;
    const result = await run(name, mode, port);
    expect(result).toEqual({
      before: false,
      activated: false,
      mocked: { status: 200, body: 'mocked' },
      unmatched: { error: 'POOK_NO_MATCH' },
      restored: true,
    });
    expect(connections).toBe(0);
  });

  it('loaded before activation: patched at activation', async () => {
    connections = 0;
    const result = await run(name, 'loaded-before', port);
    expect(result).toMatchObject({ before: true, activated: true, mocked: { status: 200, body: 'mocked' }, unmatched: { error: 'POOK_NO_MATCH' } });
    expect(connections).toBe(0);
  });

  it('without pook active, the same requests reach the loopback server (the test can fail)', async () => {
    connections = 0;
    const result = await run(name, 'control', port);
    expect(result.mocked).toHaveProperty('error');
    expect(connections).toBe(2);
  });
});
