import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Cold start (docs/performance.md): importing pook loads no heavy builtin,
// and activating it loads neither node:https (with tls and crypto: it is
// patched when the process loads it), nor Node's fetch implementation, nor
// zlib. Node loads its fetch implementation when the global Headers or
// Response is first read, and, from Node 24, when anything ESM-imports
// node:http (its ESM facade reads the module's lazy getters), which is why
// pook gets node:http with getBuiltinModule. Checked in a fresh process on
// the built package, as a test process would load it: which modules Node
// loaded, never a timing.

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function run(script: string): Promise<unknown> {
  const entry = join(root, 'dist', 'index.js');
  expect(existsSync(entry), 'dist/index.js is missing: npm test builds it first').toBe(true);
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', script, entry],
      { cwd: root, timeout: 30_000, env: { ...process.env, NODE_OPTIONS: '' } },
      (error, out, stderr) => (error === null ? resolve(JSON.parse(out)) : reject(new Error(`${error.message}\n${stderr}`))),
    );
  });
}

const script = `
const loaded = (pattern) => process.moduleLoadList.some((name) => pattern.test(name));
const seen = () => ({ undici: loaded(/undici/), zlib: loaded(/NativeModule zlib/), https: loaded(/NativeModule https/) });
const { default: pook } = await import(process.argv[1]);
const imported = seen();
pook.activate();
pook.get('http://api.test/users/0').persist().reply(200).json({ id: 0 });
const activated = seen();
const response = await fetch('http://api.test/users/0');
const body = await response.json();
pook.off();
console.log(JSON.stringify({ imported, activated, body }));
`;

// A request node:https makes without reaching http.Agent.prototype.addRequest
// (createConnection, no agent): only pook's patch of https.request can take
// it. The connection it would open goes to a closed loopback port, so a
// request that escaped fails with ECONNREFUSED instead of answering 'mocked'.
const lateHttps = (load: string): string => `
import { createRequire } from 'node:module';
import net from 'node:net';
const { default: pook } = await import(process.argv[1]);
pook.activate();
const before = process.moduleLoadList.includes('NativeModule https');
const https = ${load};
pook.get('https://api.test/late').reply(200).body('mocked');
pook.get('https://api.test/late').reply(200).body('mocked');
const get = () => new Promise((resolve) => {
  const req = https.request('https://api.test/late', { createConnection: () => net.connect(1, '127.0.0.1') }, (res) => {
    let text = '';
    res.on('data', (chunk) => (text += chunk));
    res.on('end', () => resolve(text));
  });
  req.on('error', (error) => resolve(error.code));
  req.end();
});
const first = await get();
// pook's next look (here, a request through node:http) finds a module loaded without require().
await new Promise((resolve) => {
  const http = process.getBuiltinModule('node:http');
  pook.get('http://api.test/look').reply(204);
  http.get('http://api.test/look', (res) => { res.resume(); res.on('end', resolve); });
});
const second = await get();
pook.off();
const restored = https.request.name;
console.log(JSON.stringify({ before, first, second, restored }));
`;

describe('builtins pook loads', () => {
  it('are few on import and on activation, and everything still works after', async () => {
    expect(await run(script)).toEqual({
      imported: { undici: false, zlib: false, https: false },
      activated: { undici: false, zlib: false, https: false },
      body: { id: 0 },
    });
  });

  it('node:https required after activation is patched at once', async () => {
    expect(await run(lateHttps(`createRequire(import.meta.url)('node:https')`))).toEqual({
      before: false,
      first: 'mocked',
      second: 'mocked',
      restored: 'request',
    });
  });

  it('node:https imported after activation is patched before the import returns', async () => {
    expect(await run(lateHttps(`(await import('node:https')).default`))).toEqual({
      before: false,
      first: 'mocked',
      second: 'mocked',
      restored: 'request',
    });
  });

  it('node:https loaded otherwise after activation is patched at pook’s next look', async () => {
    const result = (await run(lateHttps(`process.getBuiltinModule('node:https')`))) as Record<string, unknown>;
    // Before pook looks again, nothing can hear that load: the first request is not pook's.
    expect(result).toEqual({ before: false, first: 'ECONNREFUSED', second: 'mocked', restored: 'request' });
  });
});
