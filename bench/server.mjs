// The mock servers side by side (docs/server.md, "Performance"): requests/s
// and p99 latency with autocannon (keep-alive, loopback, 10 connections) for
// one persistent mock, and for the last of 1,000 (the server must skip 999
// mocks that match another path), against mockttp and WireMock (npm
// `wiremock`, on the installed Java). Each server runs in a process of its
// own; autocannon runs in this one. Run: `npm run build && node bench/server.mjs`
// (`--duration=5`, `--only=pook,mockttp,wiremock`).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=')));
const duration = Number(args.duration ?? 5);
const libs = (args.only ?? 'pook,mockttp,wiremock').split(',');
const require = createRequire(import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'pook-bench-server-'));
const body = JSON.stringify([{ id: 1, name: 'ada' }]);

/** Starts a child and resolves with the port it prints (matched by `pattern`). */
function start(command, argv, pattern, env = {}) {
  const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${command} did not start: ${out}`)), 60_000);
    const read = (chunk) => {
      out += chunk;
      const port = pattern.exec(out)?.[1];
      if (port !== undefined) {
        clearTimeout(timer);
        resolve({ child, port: Number(port) });
      }
    };
    child.stdout.setEncoding('utf8').on('data', read);
    child.stderr.setEncoding('utf8').on('data', read);
    child.once('exit', () => reject(new Error(`${command} exited: ${out}`)));
  });
}

async function pook(count) {
  const file = join(dir, `mocks-${count}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      Array.from({ length: count }, (_, i) => ({ method: 'GET', path: `/items/${i}`, persist: true, reply: 200, responseJson: JSON.parse(body) })),
    ),
  );
  const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
  return start(
    process.execPath,
    [cli, 'serve', '--port', '0', '--quiet', '--history-limit', '100', '--mocks', file],
    /listening on http:\/\/127\.0\.0\.1:(\d+)/,
  );
}

function mockttp(count) {
  return start(process.execPath, [fileURLToPath(new URL('./server/mockttp-server.mjs', import.meta.url)), String(count)], /port (\d+)/);
}

async function wiremock(count) {
  const build = join(require.resolve('wiremock/package.json'), '..', 'build');
  const jar = join(
    build,
    readdirSync(build).find((name) => name.endsWith('.jar')),
  );
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn('java', ['-jar', jar, '--port', String(port), '--disable-banner', '--no-request-journal'], { stdio: 'ignore' });
  const server = { child, port };
  // Wait for the admin API, then add the mappings.
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/__admin/mappings`)).ok) break;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const mappings = Array.from({ length: count }, (_, i) => ({
    request: { method: 'GET', url: `/items/${i}` },
    response: { status: 200, body, headers: { 'content-type': 'application/json' } },
  }));
  const imported = await fetch(`http://127.0.0.1:${port}/__admin/mappings/import`, { method: 'POST', body: JSON.stringify({ mappings }) });
  if (!imported.ok) throw new Error(`wiremock import: ${imported.status}`);
  return { ...server, port };
}

const SERVERS = { pook, mockttp, wiremock };

async function measure(port, path) {
  const url = `http://127.0.0.1:${port}${path}`;
  const check = await fetch(url);
  if (check.status !== 200) throw new Error(`${url} answered ${check.status}`);
  await autocannon({ url, connections: 10, duration: 2 }); // warm-up
  const result = await autocannon({ url, connections: 10, duration });
  return { rps: Math.round(result.requests.average), p99: result.latency.p99, errors: result.errors + result.non2xx };
}

const rows = [];
for (const [scenario, count, path] of [
  ['one mock', 1, '/items/0'],
  ['last of 1,000', 1000, '/items/999'],
]) {
  for (const lib of libs) {
    const server = await SERVERS[lib](count);
    try {
      const result = await measure(server.port, path);
      rows.push({ scenario, lib, ...result });
      console.log(`${scenario.padEnd(14)} ${lib.padEnd(9)} ${String(result.rps).padStart(7)} req/s  p99 ${result.p99} ms  errors ${result.errors}`);
    } finally {
      server.child?.kill('SIGTERM');
      if (server.child !== undefined) await new Promise((resolve) => server.child.once('exit', resolve));
    }
  }
}
rmSync(dir, { recursive: true, force: true });
console.log(`\n| scenario | ${libs.join(' | ')} |\n|---|${libs.map(() => '---').join('|')}|`);
for (const scenario of ['one mock', 'last of 1,000']) {
  const cells = libs
    .map((lib) => rows.find((row) => row.scenario === scenario && row.lib === lib))
    .map((row) => (row === undefined ? 'n/a' : `${row.rps} req/s, p99 ${row.p99} ms`));
  console.log(`| ${scenario} | ${cells.join(' | ')} |`);
}
