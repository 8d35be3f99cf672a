// The mock servers side by side (docs/server.md, "Performance"), run by
// `npm run bench -- --only=server-one,server-last,server-memory` or
// `node bench/server.mjs` after a build. Each server runs in a process of
// its own; autocannon loads it from this process (keep-alive, loopback,
// 10 connections). Every server gets the same warm-up (seconds of the same
// load, which WireMock's JIT needs), then the measured stretch; rounds
// rotate the order of the servers; each figure is the median of the rounds
// with their min–max.
//
//   server-one     one persistent mock, requests/s and p99 latency
//   server-last    1,000 persistent mocks on distinct paths, the request matches only the last
//   server-memory  1,000,000 keep-alive requests to a pook server with a history limit,
//                  heap and RSS after GC at every tenth (bench/server/pook-memory.mjs)
//
// Servers: pook (`pook serve`), mockttp, WireMock (npm `wiremock`, on the
// installed Java), mountebank (an imposter with a predicate per mock) and
// Prism (an OpenAPI document with a path and an example per mock).
// Options: --only=ids --servers=a,b --rounds=N --warmup=S --duration=S
// --requests=N (server-memory) --quick (a smoke run) --out=DIR.
// Writes DIR/server.{md,json} (default bench/results).
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { parseFlags } from './args.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const require = createRequire(import.meta.url);
const args = parseFlags();
const quick = Boolean(args.quick);
const ALL_SERVERS = ['pook', 'mockttp', 'wiremock', 'mountebank', 'prism'];
const SCENARIOS = ['server-one', 'server-last', 'server-memory'];
const only = (typeof args.only === 'string' ? args.only : SCENARIOS.join(',')).split(',');
for (const id of only) if (!SCENARIOS.includes(id)) throw new Error(`bench/server.mjs: no scenario "${id}" (${SCENARIOS.join(', ')})`);
const servers = (typeof args.servers === 'string' ? args.servers : ALL_SERVERS.join(',')).split(',');
for (const name of servers) if (!ALL_SERVERS.includes(name)) throw new Error(`bench/server.mjs: no server "${name}" (${ALL_SERVERS.join(', ')})`);
const rounds = Number(args.rounds ?? (quick ? 1 : 3));
const warmupS = Number(args.warmup ?? (quick ? 1 : 5));
const durationS = Number(args.duration ?? (quick ? 1 : 5));
const memoryRequests = Number(args.requests ?? (quick ? 20_000 : 1_000_000));
const CONNECTIONS = 10;
const HISTORY_LIMIT = 100;
const outDir = path.resolve(root, typeof args.out === 'string' ? args.out : 'bench/results');
const dir = mkdtempSync(path.join(os.tmpdir(), 'pook-bench-server-'));
const BODY = JSON.stringify([{ id: 1, name: 'ada' }]);
const log = (line) => process.stderr.write(`bench/server: ${line}\n`);

// ── the servers ───────────────────────────────────────────────────────

/** A free loopback port (for servers that cannot pick one and say which). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts a child; resolves with it once `ready()` resolves (or the port it prints matches `pattern`). */
function start(command, argv, { pattern, ready, env = {} }) {
  const child = spawn(command, argv, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '', ...env } });
  let out = '';
  const exited = new Promise((_, reject) => child.once('exit', (code) => reject(new Error(`${path.basename(command)} exited ${code}: ${out.slice(-500)}`))));
  exited.catch(() => {});
  child.stdout.setEncoding('utf8').on('data', (chunk) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (out += chunk));
  const started = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${path.basename(command)} did not start in 90 s: ${out.slice(-500)}`)), 90_000);
    const done = (port) => {
      clearTimeout(timer);
      resolve({ child, port });
    };
    if (pattern !== undefined) {
      const read = () => {
        const port = pattern.exec(out)?.[1];
        if (port !== undefined) {
          child.stdout.off('data', read);
          child.stderr.off('data', read);
          done(Number(port));
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
    } else ready().then(done, reject);
  });
  return Promise.race([started, exited]);
}

/** Resolves once `url` answers at all (any status). */
async function waitFor(url) {
  for (let i = 0; i < 360; i++) {
    try {
      await (await fetch(url)).arrayBuffer();
      return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer in 90 s`);
}

const paths = (count) => Array.from({ length: count }, (_, i) => `/items/${i}`);

async function pook(count) {
  const file = path.join(dir, `mocks-${count}.json`);
  writeFileSync(file, JSON.stringify(paths(count).map((p) => ({ method: 'GET', path: p, persist: true, reply: 200, responseJson: JSON.parse(BODY) }))));
  return start(
    process.execPath,
    [path.join(root, 'dist/cli.js'), 'serve', '--port', '0', '--quiet', '--history-limit', String(HISTORY_LIMIT), '--mocks', file],
    { pattern: /listening on http:\/\/127\.0\.0\.1:(\d+)/ },
  );
}

function mockttp(count) {
  return start(process.execPath, [path.join(here, 'server/mockttp-server.mjs'), String(count)], { pattern: /port (\d+)/ });
}

async function wiremock(count) {
  const build = path.join(require.resolve('wiremock/package.json'), '..', 'build');
  const jar = path.join(
    build,
    readdirSync(build).find((name) => name.endsWith('.jar')),
  );
  const port = await freePort();
  const server = await start('java', ['-jar', jar, '--port', String(port), '--bind-address', '127.0.0.1', '--disable-banner', '--no-request-journal'], {
    ready: async () => {
      await waitFor(`http://127.0.0.1:${port}/__admin/mappings`);
      return port;
    },
  });
  const mappings = paths(count).map((url) => ({
    request: { method: 'GET', url },
    response: { status: 200, body: BODY, headers: { 'content-type': 'application/json' } },
  }));
  const imported = await fetch(`http://127.0.0.1:${port}/__admin/mappings/import`, { method: 'POST', body: JSON.stringify({ mappings }) });
  if (!imported.ok) throw new Error(`wiremock import: ${imported.status}`);
  return server;
}

async function mountebank(count) {
  const adminPort = await freePort();
  const port = await freePort();
  const mb = path.join(require.resolve('mountebank/package.json'), '..', 'bin', 'mb');
  const server = await start(
    process.execPath,
    [mb, 'start', '--port', String(adminPort), '--localOnly', '--nologfile', '--loglevel', 'warn', '--pidfile', path.join(dir, `mb-${adminPort}.pid`)],
    {
      ready: async () => {
        await waitFor(`http://127.0.0.1:${adminPort}/imposters`);
        return port;
      },
    },
  );
  // One imposter; a stub per mock, each with one predicate (method and path).
  const stubs = paths(count).map((p) => ({
    predicates: [{ equals: { method: 'GET', path: p } }],
    responses: [{ is: { statusCode: 200, headers: { 'content-type': 'application/json' }, body: BODY } }],
  }));
  const created = await fetch(`http://127.0.0.1:${adminPort}/imposters`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ port, protocol: 'http', recordRequests: false, stubs }),
  });
  if (created.status !== 201) throw new Error(`mountebank imposter: ${created.status} ${await created.text()}`);
  return server;
}

async function prism(count) {
  // Prism mocks from an OpenAPI document: a path per mock, each answering its example.
  const document = {
    openapi: '3.1.0',
    info: { title: 'bench', version: '1' },
    paths: Object.fromEntries(
      paths(count).map((p) => [
        p,
        { get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'array' }, example: JSON.parse(BODY) } } } } } },
      ]),
    ),
  };
  const file = path.join(dir, `openapi-${count}.json`);
  writeFileSync(file, JSON.stringify(document));
  const port = await freePort();
  const cli = path.join(require.resolve('@stoplight/prism-cli/package.json'), '..', 'dist', 'index.js');
  return start(process.execPath, [cli, 'mock', file, '--port', String(port), '--host', '127.0.0.1', '--verboseLevel', 'silent'], {
    ready: async () => {
      await waitFor(`http://127.0.0.1:${port}/items/0`);
      return port;
    },
  });
}

const START = { pook, mockttp, wiremock, mountebank, prism };

async function stop(server) {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

// ── measuring ─────────────────────────────────────────────────────────

/** Warm-up (the same for every server), then the measured stretch. */
async function measure(port, urlPath) {
  const url = `http://127.0.0.1:${port}${urlPath}`;
  const check = await fetch(url);
  const text = await check.text();
  if (check.status !== 200 || JSON.stringify(JSON.parse(text)) !== BODY) throw new Error(`${url} answered ${check.status} ${text.slice(0, 200)}`);
  await autocannon({ url, connections: CONNECTIONS, duration: warmupS });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: durationS });
  return { rps: result.requests.average, p99: result.latency.p99, p50: result.latency.p50, errors: result.errors + result.timeouts + result.non2xx };
}

/** One server, one scenario: a fresh server, measured. */
async function throughput(name, count, urlPath) {
  let server;
  try {
    server = await START[name](count);
    return { ok: true, result: await measure(server.port, urlPath) };
  } catch (error) {
    return {
      ok: false,
      error: String(error?.message ?? error)
        .split('\n')[0]
        .slice(0, 300),
    };
  } finally {
    if (server !== undefined) await stop(server);
  }
}

// The servers of server-memory: pook with a history limit; the same with
// V8's young generation capped at 4 MiB per semi-space (V8 grows it when
// many objects survive a scavenge, as the requests a history keeps do: this
// run shows what that growth is); and a plain node:http server, the control
// for what Node itself keeps.
const MEMORY_RUNS = [
  { id: 'pook', server: 'pook', flags: [] },
  { id: 'pook-semi-4', server: 'pook', flags: ['--max-semi-space-size=4'] },
  { id: 'node', server: 'node', flags: [] },
];

/** 1,000,000 requests to a server of {@link MEMORY_RUNS}, memory after GC at every tenth. */
async function memory({ id: kind, server, flags }) {
  const child = spawn(process.execPath, ['--expose-gc', ...flags, path.join(here, 'server/pook-memory.mjs'), server, String(HISTORY_LIMIT)], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const replies = [];
  const waiting = [];
  child.on('message', (message) => (waiting.length > 0 ? waiting.shift()(message) : replies.push(message)));
  const next = () => (replies.length > 0 ? Promise.resolve(replies.shift()) : new Promise((resolve) => waiting.push(resolve)));
  try {
    const { port } = await next();
    const url = `http://127.0.0.1:${port}/items/0`;
    const sample = async (requests, ms) => {
      child.send('sample');
      return { requests, ms, ...(await next()) };
    };
    const samples = [];
    const started = performance.now();
    samples.push(await sample(0, 0));
    const step = Math.ceil(memoryRequests / 10);
    let sent = 0;
    let errors = 0;
    while (sent < memoryRequests) {
      const amount = Math.min(step, memoryRequests - sent);
      // Bounded: autocannon stops after `amount` responses.
      const result = await autocannon({ url, connections: CONNECTIONS, amount });
      sent += amount;
      errors += result.errors + result.timeouts + result.non2xx;
      samples.push(await sample(sent, performance.now() - started));
      log(`server-memory ${kind}: ${sent.toLocaleString('en-US')} requests, heapUsed ${mib(samples.at(-1).heapUsed)}, RSS ${mib(samples.at(-1).rss)}`);
    }
    return { ok: true, result: { requests: sent, errors, historyLimit: HISTORY_LIMIT, samples } };
  } catch (error) {
    return { ok: false, error: String(error?.message ?? error) };
  } finally {
    child.kill('SIGTERM');
  }
}

/**
 * Growth from the first checkpoint (a tenth of the run, so warm-up
 * allocations do not count) to the last; flat means under 1 byte per
 * request or under 1 MiB in all, as bench/run.mjs's growth scenario says.
 */
function growthOf(run) {
  const first = run.samples[1] ?? run.samples[0];
  const last = run.samples.at(-1);
  const requests = last.requests - first.requests;
  const of = (field) => {
    const bytes = last[field] - first[field];
    const perRequest = requests > 0 ? bytes / requests : 0;
    return { start: first[field], end: last[field], bytes, perRequest, flat: bytes < 2 ** 20 || perRequest < 1 };
  };
  return {
    heapUsed: of('heapUsed'),
    heapTotal: of('heapTotal'),
    external: of('external'),
    rss: of('rss'),
    calls: last.calls,
    historyLength: last.history,
  };
}

// ── the run and the report ────────────────────────────────────────────

function stats(values) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = sorted.length >> 1;
  return { median: sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2, min: sorted[0], max: sorted.at(-1), n: sorted.length };
}

function version(name) {
  const pkg = { pook: '', mockttp: 'mockttp', wiremock: 'wiremock', mountebank: 'mountebank', prism: '@stoplight/prism-cli' }[name];
  try {
    return JSON.parse(readFileSync(path.join(root, pkg === '' ? '' : `node_modules/${pkg}`, 'package.json'), 'utf8')).version;
  } catch {
    return 'not installed';
  }
}

const TITLES = { 'server-one': 'one mock', 'server-last': 'last of 1,000' };
const NAMES = { pook: 'pook serve', mockttp: 'mockttp', wiremock: 'WireMock', mountebank: 'mountebank', prism: 'Prism' };

/** The commit measured (pook serve runs dist/, built from it). */
function commit() {
  try {
    const run = (...argv) => execFileSync('git', argv, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return `${run('rev-parse', '--short=12', 'HEAD')}${run('status', '--porcelain', '--', 'src') === '' ? '' : ' + uncommitted changes in src/'}`;
  } catch {
    return 'unknown';
  }
}

async function main() {
  const meta = {
    date: new Date().toISOString(),
    quick,
    node: process.version,
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    loadStart: os.loadavg().map((x) => x.toFixed(2)),
    commit: commit(),
    versions: Object.fromEntries(servers.map((name) => [name, version(name)])),
    rounds,
    warmupS,
    durationS,
    connections: CONNECTIONS,
  };
  const results = {};
  const throughputIds = only.filter((id) => id !== 'server-memory');
  for (let round = 0; round < rounds && throughputIds.length > 0; round++) {
    for (const [index, id] of throughputIds.entries()) {
      const [count, urlPath] = id === 'server-one' ? [1, '/items/0'] : [1000, '/items/999'];
      const order = servers.map((_, i) => servers[(i + round + index) % servers.length]);
      for (const name of order) {
        log(`round ${round + 1}/${rounds} ${id} ${name}`);
        const run = await throughput(name, count, urlPath);
        results[id] ??= {};
        results[id][name] ??= { runs: [] };
        results[id][name].runs.push(run);
        log(run.ok ? `  ${Math.round(run.result.rps)} req/s, p99 ${run.result.p99} ms, errors ${run.result.errors}` : `  failed: ${run.error}`);
      }
    }
  }
  for (const id of throughputIds) {
    for (const cell of Object.values(results[id])) {
      const ok = cell.runs.filter((run) => run.ok).map((run) => run.result);
      cell.rps = stats(ok.map((r) => r.rps));
      cell.p99 = stats(ok.map((r) => r.p99));
      cell.errors = ok.reduce((sum, r) => sum + r.errors, 0);
      cell.failures = cell.runs.filter((run) => !run.ok).map((run) => run.error);
    }
  }
  if (only.includes('server-memory')) {
    results['server-memory'] = {};
    // pook, then plain node:http under the same load: the control for what Node itself keeps.
    for (const each of MEMORY_RUNS) {
      log(`server-memory ${each.id}: ${memoryRequests.toLocaleString('en-US')} requests${each.server === 'pook' ? `, history limit ${HISTORY_LIMIT}` : ''}`);
      const run = await memory(each);
      results['server-memory'][each.id] = run.ok ? { ...run.result, flags: each.flags, growth: growthOf(run.result) } : { failure: run.error };
    }
  }
  meta.loadEnd = os.loadavg().map((x) => x.toFixed(2));
  const report = { meta, results };
  mkdirSync(outDir, { recursive: true });
  const base = quick ? 'server-quick' : 'server';
  writeFileSync(path.join(outDir, `${base}.json`), `${JSON.stringify(report, null, 2)}\n`);
  const markdown = render(report);
  writeFileSync(path.join(outDir, `${base}.md`), markdown);
  process.stdout.write(markdown);
  log(`wrote ${path.relative(root, path.join(outDir, `${base}.md`))}`);
}

const int = (n) => Math.round(n).toLocaleString('en-US');
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** The markdown report of a run. */
function render({ meta, results }) {
  const lines = [
    `Mock servers, ${meta.date.slice(0, 10)}, Node ${meta.node}, ${meta.cpu} ×${meta.cores}, load ${meta.loadStart.join(' ')} at the start, ${meta.loadEnd.join(' ')} at the end${meta.quick ? ' (quick smoke run: not figures to quote)' : ''}.`,
    `autocannon, keep-alive, loopback, ${meta.connections} connections; each server in a process of its own, fresh for each measurement, warmed up by ${meta.warmupS} s of the same load, then measured for ${meta.durationS} s; ${meta.rounds} round${meta.rounds === 1 ? '' : 's'}, the order of the servers rotating; median (min–max).`,
    `Commit ${meta.commit ?? 'unknown'}. Versions: ${Object.entries(meta.versions)
      .map(([name, v]) => `${NAMES[name]} ${v}`)
      .join(', ')}.`,
    '',
  ];
  const ids = Object.keys(TITLES).filter((id) => results[id] !== undefined);
  if (ids.length > 0) {
    const names = Object.keys(results[ids[0]]);
    const ordered = ALL_SERVERS.filter((name) => names.includes(name));
    lines.push(`| scenario | | ${ordered.map((name) => NAMES[name]).join(' | ')} |`, `|---|---|${ordered.map(() => '---').join('|')}|`);
    for (const id of ids) {
      const cells = (field, fmt) =>
        ordered.map((name) => {
          const cell = results[id][name];
          if (cell?.[field] === undefined) return `failed: ${cell?.failures?.[0] ?? 'not run'}`;
          const s = cell[field];
          return `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})`;
        });
      lines.push(`| ${TITLES[id]} | requests/s | ${cells('rps', int).join(' | ')} |`);
      lines.push(`| | p99 latency, ms | ${cells('p99', (x) => String(x)).join(' | ')} |`);
    }
    lines.push('');
    for (const id of ids) {
      const pook = results[id].pook;
      if (pook?.rps === undefined) continue;
      const peers = ordered.filter((name) => name !== 'pook' && results[id][name]?.rps !== undefined);
      const ahead = peers.filter((name) => pook.rps.median > results[id][name].rps.median && pook.p99.median <= results[id][name].p99.median);
      const ratios = peers.map((name) => `${NAMES[name]} ${(pook.rps.median / results[id][name].rps.median).toFixed(1)}×`).join(', ');
      lines.push(
        `- ${TITLES[id]}: pook's requests/s over each peer's: ${ratios || 'no peer measured'}; ahead on both requests/s and p99 of ${ahead.length} of ${peers.length} peers${ahead.length === peers.length && peers.length > 0 ? ' (target met)' : ' (target not met)'}.`,
      );
      const errors = ordered.filter((name) => (results[id][name]?.errors ?? 0) > 0);
      if (errors.length > 0) lines.push(`  Errors or non-2xx answers: ${errors.map((name) => `${NAMES[name]} ${results[id][name].errors}`).join(', ')}.`);
    }
    lines.push('');
  }
  const memory = results['server-memory'];
  if (memory !== undefined) {
    lines.push(
      `### server-memory: ${int(memoryRequests)} keep-alive requests to one persistent mock of a pook server (history limit ${HISTORY_LIMIT}), and to a plain node:http server`,
      '',
      "Memory after a full GC at every tenth of the run. `pook-semi-4`: the same pook server with `--max-semi-space-size=4` (V8 grows its young generation when many objects survive a scavenge, as the requests kept in a history do; this run shows how much of `pook`'s heapTotal and RSS that growth is). `node`: a plain node:http server with the same response and load, the control for what Node itself keeps.",
      '',
    );
    const runs = MEMORY_RUNS.map(({ id }) => [id, memory[id]]).filter(([, run]) => run !== undefined);
    for (const [kind, run] of runs) if (run.failure !== undefined) lines.push(`${kind} failed: ${run.failure}`, '');
    const ok = runs.filter(([, run]) => run.failure === undefined);
    if (ok.length > 0) {
      lines.push(
        `| requests | ${ok.map(([kind]) => `${kind}: heapUsed | ${kind}: heapTotal | ${kind}: external | ${kind}: RSS`).join(' | ')} |`,
        `|---|${ok.map(() => '---|---|---|---').join('|')}|`,
      );
      for (let i = 0; i < ok[0][1].samples.length; i++) {
        const cells = ok.map(([, run]) => {
          const s = run.samples[i];
          return s === undefined ? ' | | | ' : `${mib(s.heapUsed)} | ${mib(s.heapTotal)} | ${mib(s.external)} | ${mib(s.rss)}`;
        });
        lines.push(`| ${int(ok[0][1].samples[i].requests)} | ${cells.join(' | ')} |`);
      }
      lines.push('');
      const grew = (g) => `${g.bytes >= 0 ? '+' : ''}${mib(g.bytes)} (${g.perRequest.toFixed(3)} bytes per request, ${g.flat ? 'flat' : 'growing'})`;
      for (const [kind, run] of ok) {
        const g = run.growth;
        lines.push(
          `- ${kind}, from the first checkpoint to the last: heapUsed ${grew(g.heapUsed)}, heapTotal ${grew(g.heapTotal)}, external ${grew(g.external)}, RSS ${grew(g.rss)}; ${int(run.errors)} errors or non-2xx answers${kind.startsWith('pook') ? `; the mock counted ${int(g.calls)} calls and keeps ${g.historyLength} in its history` : ''}.`,
        );
      }
      lines.push('', 'Flat: under 1 byte per request or under 1 MiB in all, from the first checkpoint (a tenth of the run) to the last.', '');
    }
  }
  return `${lines.join('\n')}\n`;
}

try {
  await main();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
