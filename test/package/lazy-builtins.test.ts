import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Cold start (docs/performance.md): importing pook loads no heavy builtin,
// and activating it loads neither node:http, node:net, node:stream nor
// node:https (patched when the process first reaches for them,
// test/package/http-first-use.test.ts), nor Node's fetch implementation nor
// zlib. (Answering a fetch makes a real `Response`, which loads Node's fetch
// implementation, and that loads node:http itself.) Node loads its fetch implementation
// when the global Headers or Response is first read, and, from Node 24,
// when anything ESM-imports node:http (its ESM facade reads the module's
// lazy getters), which is why pook gets node:http with getBuiltinModule.
// Checked in a fresh process on the built package, as a test process would
// load it: which modules Node loaded, never a timing.

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const script = `
const loaded = (pattern) => process.moduleLoadList.some((name) => pattern.test(name));
const seen = () => ({
  undici: loaded(/undici/),
  zlib: loaded(/NativeModule zlib/),
  http: loaded(/^NativeModule http$/),
  net: loaded(/^NativeModule net$/),
  stream: loaded(/^NativeModule stream$/),
  https: loaded(/NativeModule https/),
});
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

describe('builtins pook loads', () => {
  it('are few on import and on activation, and everything still works after', async () => {
    const entry = join(root, 'dist', 'index.js');
    expect(existsSync(entry), 'dist/index.js is missing: npm test builds it first').toBe(true);
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        ['--input-type=module', '-e', script, entry],
        { cwd: root, timeout: 30_000, env: { ...process.env, NODE_OPTIONS: '' } },
        (error, out) => (error === null ? resolve(out) : reject(error)),
      );
    });
    expect(JSON.parse(stdout)).toEqual({
      imported: { undici: false, zlib: false, http: false, net: false, stream: false, https: false },
      activated: { undici: false, zlib: false, http: false, net: false, stream: false, https: false },
      body: { id: 0 },
    });
  });
});
