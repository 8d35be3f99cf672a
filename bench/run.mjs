// `npm run bench`: pook against nock, msw (setupServer), undici's MockAgent,
// fetch-mock and the floor, in the same run. Every measurement runs in its own
// child process (the libraries patch globals); rounds alternate the order of
// the libraries; each figure is the median of the rounds with their min–max.
// Writes bench/results/latest.{md,json}, splices the whole report into
// docs/benchmarks.md and its summary (headline ratios and targets) into
// docs/performance.md. Options (all optional):
//
//   --quick            tiny budgets, 2 rounds: a smoke run (writes quick.{md,json}, not the docs)
//   --only=a,b         scenario ids (fetch, fetch-100, http-get, axios, scale-1, scale-100,
//                      scale-1000, scale-10000, lifecycle, cold-start, history, growth,
//                      har-replay, har-record: bench/har.mjs, reported in bench/results/har.md;
//                      server-one, server-last, server-memory: bench/server.mjs, the mock
//                      servers under autocannon, reported in bench/results/server.md)
//   --libs=a,b         adapters from bench/libs (pook, nock, msw, mockagent, fetch-mock, floor)
//   --servers=a,b      the mock servers of the server-* scenarios (pook, mockttp, wiremock, mountebank, prism)
//   --rounds=N         timing rounds (default 5; cold start runs twice as many)
//   --out=DIR          where the report goes (default bench/results)
//   --docs / --no-docs splice into docs/benchmarks.md and docs/performance.md (default: on unless --quick)
//   --profile          run bench/profile.mjs instead (CPU profile of pook's hot paths;
//                      with --label=before|after and --only=fetch,… as that file says)
//   --render=FILE      render a saved run (latest.json) again, without measuring
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFlags } from './args.mjs';
import { hasMarkers, renderReport, renderSummary, spliceDocs } from './report.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

const args = parseFlags();

// ── configuration ─────────────────────────────────────────────────────

function budgets(quick) {
  return quick
    ? {
        rounds: 2,
        timing: { warmupMs: 20, measureMs: 50, minOps: 2 },
        history: { requests: 500, rounds: 1 },
        growth: { requests: 5_000, maxMs: 1_000, maxHeapGrowth: 64 * 2 ** 20 },
      }
    : {
        rounds: 5,
        timing: { warmupMs: 150, measureMs: 500, minOps: 5 },
        history: { requests: 20_000, rounds: 3 },
        // 1,000,000 requests, bounded by time and by heap growth per library:
        // at nock's and msw's speed a million requests would take over ten minutes alone.
        growth: { requests: 1_000_000, maxMs: 12_000, maxHeapGrowth: 256 * 2 ** 20 },
      };
}

const ALL_LIBS = ['pook', 'nock', 'msw', 'mockagent', 'fetch-mock', 'floor'];
const PEERS = ['nock', 'msw', 'mockagent', 'fetch-mock'];

/** Every scenario: id, title, what a child runs, which libraries, how to read it. */
function scenarios(b) {
  const timing = (id, title, scenario, params, extra = {}) => ({ id, title, kind: 'timing', scenario, params, unit: 'request', ...extra });
  return [
    timing('fetch', '`await fetch(url)` + `res.json()`, one persistent mock', 'request', { client: 'fetch' }, { client: 'fetch' }),
    timing(
      'fetch-100',
      'The same with 100 requests in flight at once (`Promise.all`), time per request',
      'concurrent',
      { concurrency: 100 },
      { client: 'fetch' },
    ),
    timing('http-get', '`http.get(url)`, whole body read', 'request', { client: 'http' }, { client: 'http' }),
    timing('axios', '`axios.get(url)` (node http adapter)', 'request', { client: 'axios' }, { client: 'axios' }),
    ...[1, 100, 1_000, 10_000].map((mocks) => ({
      id: `scale-${mocks}`,
      title: `${mocks.toLocaleString('en-US')} persistent mock${mocks === 1 ? '' : 's'} on distinct paths, fetch the first and the last registered`,
      kind: 'scale',
      scenario: 'scale',
      params: { mocks },
      client: 'fetch',
      unit: 'request',
      noFloor: true,
    })),
    timing(
      'lifecycle',
      "A test's lifecycle: activate, register 10 mocks, 10 fetches, reset, disable",
      'lifecycle',
      { mocks: 10 },
      { client: 'fetch', unit: 'cycle' },
    ),
    { id: 'cold-start', title: 'Cold start: a fresh process imports the library, activates it and registers one mock', kind: 'cold', unit: 'process' },
    {
      id: 'history',
      title: `Retained heap per request recorded in a persistent mock's history (${b.history.requests.toLocaleString('en-US')} fetches)`,
      kind: 'history',
      scenario: 'history',
      params: { requests: b.history.requests },
      noFloor: true,
    },
    {
      id: 'growth',
      title: `Heap growth through a persistent mock, history capped or off (up to ${b.growth.requests.toLocaleString('en-US')} fetches)`,
      kind: 'growth',
      scenario: 'growth',
      params: { requests: b.growth.requests, maxMs: b.growth.maxMs, maxHeapGrowth: b.growth.maxHeapGrowth },
      noFloor: true,
    },
  ];
}

// ── children ──────────────────────────────────────────────────────────

function runChild(script, argv, { timeoutMs, flags = [] }) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...flags, path.join(here, script), ...argv], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data) => (stdout += data));
    child.stderr.on('data', (data) => (stderr += data));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        const parsed = JSON.parse(line);
        resolve(parsed.ok ? { ok: true, result: parsed.result, wallMs } : { ok: false, error: firstLine(parsed.error), wallMs });
      } catch {
        const why = signal === 'SIGKILL' ? `timed out after ${Math.round(timeoutMs / 1000)} s` : `exited ${code ?? signal}`;
        resolve({ ok: false, error: `${why}: ${firstLine(stderr) || 'no output'}`, wallMs });
      }
    });
  });
}

function firstLine(text) {
  return String(text ?? '')
    .trim()
    .split('\n')[0]
    .slice(0, 200);
}

const job = (lib, scenario, extra) => [JSON.stringify({ lib, scenario: scenario.scenario, params: scenario.params, ...extra })];

// ── the run ───────────────────────────────────────────────────────────

const HAR_SCENARIOS = ['har-replay', 'har-record'];
const SERVER_SCENARIOS = ['server-one', 'server-last', 'server-memory'];

/** Runs a benchmark script that writes its own report (bench/har.mjs, bench/server.mjs). */
function runOwnReport(script, argv) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(here, script), ...argv], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bench/${script} exited ${code}`))));
  });
}

async function main() {
  const quick = Boolean(args.quick);
  const b = budgets(quick);
  if (args.rounds) b.rounds = Math.max(1, Number(args.rounds));
  const libs = args.libs ? String(args.libs).split(',') : ALL_LIBS;
  const only = args.only ? new Set(String(args.only).split(',')) : undefined;
  // Record and replay (bench/har.mjs) runs its own children and report (bench/results/har.md).
  const harIds = HAR_SCENARIOS.filter((id) => only === undefined || only.has(id));
  if (harIds.length > 0 && !args.render) {
    await runOwnReport('har.mjs', [`--only=${harIds.join(',')}`, `--rounds=${quick ? 1 : b.rounds}`]);
    for (const id of harIds) only?.delete(id);
    if (only !== undefined && only.size === 0) return;
  }
  // The mock servers (bench/server.mjs): processes of their own under autocannon, reported in bench/results/server.md.
  const serverIds = SERVER_SCENARIOS.filter((id) => only === undefined || only.has(id));
  if (serverIds.length > 0 && !args.render) {
    const argv = [`--only=${serverIds.join(',')}`, ...(quick ? ['--quick'] : []), ...(args.rounds ? [`--rounds=${args.rounds}`] : [])];
    if (typeof args.out === 'string') argv.push(`--out=${args.out}`);
    // The servers to measure (bench/server.mjs: pook, mockttp, wiremock, mountebank, prism); default all.
    if (typeof args.servers === 'string') argv.push(`--servers=${args.servers}`);
    await runOwnReport('server.mjs', argv);
    for (const id of serverIds) only?.delete(id);
    if (only !== undefined && only.size === 0) return;
  }
  const known = scenarios(b);
  for (const id of only ?? []) if (!known.some((s) => s.id === id)) throw new Error(`bench: no scenario "${id}" (${known.map((s) => s.id).join(', ')})`);
  for (const lib of libs) if (!ALL_LIBS.includes(lib)) throw new Error(`bench: no library "${lib}" (${ALL_LIBS.join(', ')})`);
  const all = known.filter((s) => only === undefined || only.has(s.id));
  const outDir = path.resolve(root, typeof args.out === 'string' ? args.out : 'bench/results');
  const docs = args.docs === true || (args.docs === undefined && args['no-docs'] === undefined && !quick);
  if (docs) checkDocs();
  const wallStart = performance.now();
  const log = (line) => process.stderr.write(`bench: ${line}\n`);

  // What each adapter declares (from a child: importing nock here would activate it).
  const described = {};
  for (const lib of libs) {
    const res = await runChild('child.mjs', [JSON.stringify({ lib, scenario: 'describe' })], { timeoutMs: 60_000 });
    if (!res.ok) throw new Error(`bench: the ${lib} adapter does not load: ${res.error}`);
    described[lib] = res.result;
  }
  const meta = machine(libs, described, b, quick);
  log(`${meta.node} on ${meta.cpu} ×${meta.cores}, load ${meta.loadStart.join(' ')}; ${b.rounds} rounds${quick ? ' (quick)' : ''}`);

  const results = Object.fromEntries(all.map((s) => [s.id, { ...s, libs: {} }]));
  const record = (s, lib, res) => {
    results[s.id].libs[lib] ??= { samples: [], errors: [] };
    const cell = results[s.id].libs[lib];
    if (res.ok) cell.samples.push({ ...res.result, wallMs: res.wallMs });
    else cell.errors.push(res.error);
  };
  const participants = (s) =>
    libs
      .filter((lib) => !(s.noFloor && lib === 'floor'))
      .filter((lib) => {
        const reason = s.client && described[lib].unsupported[s.client];
        if (reason) results[s.id].libs[lib] = { na: reason, samples: [], errors: [] };
        return !reason;
      });
  const rotate = (list, by) => list.map((_, i) => list[(i + by) % list.length]);

  // Timing rounds: every round runs every scenario once per library, in an
  // order that rotates from round to round, so drift and bursts of load on a
  // shared machine spread over all libraries instead of hitting one.
  const timed = all.filter((s) => s.kind === 'timing' || s.kind === 'scale' || s.kind === 'cold');
  for (let round = 0; round < b.rounds; round++) {
    log(`round ${round + 1}/${b.rounds} (${Math.round((performance.now() - wallStart) / 1000)} s)`);
    for (const [index, s] of timed.entries()) {
      const order = rotate(participants(s), round + index);
      if (s.kind === 'cold') {
        for (const lib of [...order, ...order.slice().reverse()]) record(s, lib, await runChild('cold.mjs', [lib], { timeoutMs: 60_000 }));
        continue;
      }
      for (const lib of order) {
        const timeoutMs = s.kind === 'scale' ? 180_000 : 90_000;
        record(s, lib, await runChild('child.mjs', job(lib, s, { budget: b.timing }), { timeoutMs }));
      }
    }
  }

  // Memory: heap figures vary far less than times, so fewer rounds.
  for (const s of all.filter((x) => x.kind === 'history' || x.kind === 'growth')) {
    const rounds = s.kind === 'history' ? b.history.rounds : 1;
    for (let round = 0; round < rounds; round++) {
      for (const lib of rotate(participants(s), round)) {
        const modes = described[lib].history;
        if (s.kind === 'history') {
          if (modes.on !== true) {
            results[s.id].libs[lib] = { na: modes.on, samples: [], errors: [] };
            continue;
          }
          log(`${s.id} ${lib}`);
          record(s, lib, await runChild('child.mjs', job(lib, s), { timeoutMs: 120_000, flags: ['--expose-gc'] }));
        } else {
          // The best mode the library offers: capped, else off, else on (and say so).
          const mode = modes.capped === true ? 'capped' : modes.off === true ? 'off' : 'on';
          log(`${s.id} ${lib} (history ${mode})`);
          const res = await runChild('child.mjs', job(lib, { ...s, params: { ...s.params, mode } }), {
            timeoutMs: s.params.maxMs + 120_000,
            flags: ['--expose-gc', '--max-old-space-size=2048'],
          });
          record(s, lib, res);
          results[s.id].libs[lib].mode = mode;
          results[s.id].libs[lib].modes = modes;
        }
      }
    }
  }

  meta.loadEnd = os.loadavg().map((x) => x.toFixed(2));
  meta.wallSeconds = Math.round((performance.now() - wallStart) / 1000);
  const report = { meta, scenarios: summarise(results) };
  const base = quick ? 'quick' : 'latest';
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, `${base}.json`), `${JSON.stringify(report, null, 2)}\n`);
  write(report, path.join(outDir, `${base}.md`), docs);
  log(`done in ${meta.wallSeconds} s`);
}

// Where `--docs` splices: the whole report into docs/benchmarks.md, its
// summary (headline ratios and targets) into docs/performance.md, each
// between its `<!-- bench:<name>:begin/end -->` markers, headings as rendered.
const SPLICES = [
  { file: 'docs/benchmarks.md', name: 'report', render: renderReport },
  { file: 'docs/performance.md', name: 'summary', render: renderSummary },
];

/** Throws unless every document `--docs` splices into has its markers (checked before a run, not after it). */
function checkDocs() {
  for (const { file, name } of SPLICES) {
    if (!hasMarkers(path.join(root, file), name))
      throw new Error(`bench: ${file} has no <!-- bench:${name}:begin --> … <!-- bench:${name}:end --> markers (or use --no-docs)`);
  }
}

/** Writes the markdown report, and with `docs` splices it and its summary into the docs. */
function write(report, file, docs) {
  const markdown = renderReport(report);
  writeFileSync(file, markdown);
  if (docs) {
    checkDocs();
    for (const { file: doc, name, render } of SPLICES) spliceDocs(path.join(root, doc), render(report), { name, shift: 0 });
  }
  process.stderr.write(`bench: wrote ${path.relative(root, file)}${docs ? ` and spliced it into ${SPLICES.map((x) => x.file).join(' and ')}` : ''}\n`);
}

/** `--render=FILE.json`: renders a saved run again (after a change to report.mjs). */
function rerender(file) {
  const report = JSON.parse(readFileSync(path.resolve(root, file), 'utf8'));
  write(report, path.resolve(root, file.replace(/\.json$/, '.md')), args.docs === true || (args['no-docs'] === undefined && !report.meta.quick));
}

// ── statistics ────────────────────────────────────────────────────────

function stats(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}

/** Medians, min–max and everything the report needs, per scenario and library. */
function summarise(results) {
  for (const s of Object.values(results)) {
    for (const cell of Object.values(s.libs)) {
      const samples = cell.samples;
      if (samples.length === 0) continue;
      if (s.kind === 'timing') cell.us = stats(samples.map((r) => r.usPerOp));
      else if (s.kind === 'scale') {
        cell.first = stats(samples.map((r) => r.first.usPerOp));
        cell.last = stats(samples.map((r) => r.last.usPerOp));
        cell.setupMs = stats(samples.map((r) => r.setupMs));
      } else if (s.kind === 'cold') {
        cell.readyMs = stats(samples.map((r) => r.readyMs));
        cell.libraryMs = stats(samples.map((r) => r.libraryMs));
        cell.wallMs = stats(samples.map((r) => r.wallMs));
      } else if (s.kind === 'history') cell.bytes = stats(samples.map((r) => r.bytesPerRequest));
      else if (s.kind === 'growth') cell.growth = growthOf(samples[0]);
    }
  }
  return results;
}

/**
 * Heap growth of one growth run, measured from the first checkpoint (after
 * a tenth of the run, so one-off warm-up allocations do not count). Flat means
 * under 1 byte per request or under 1 MiB in all.
 */
function growthOf(run) {
  const first = run.samples[1] ?? run.samples[0];
  const last = run.samples[run.samples.length - 1];
  const requests = last.requests - first.requests;
  const bytes = last.heap - first.heap;
  const bytesPerRequest = requests > 0 ? bytes / requests : 0;
  return {
    requests: run.requests,
    stopped: run.stopped,
    heapStart: run.samples[0].heap,
    heapEnd: last.heap,
    bytes,
    bytesPerRequest,
    flat: bytes < 2 ** 20 || bytesPerRequest < 1,
    // Speed in the first and the last stretch between checkpoints: a growing heap slows every collection.
    usFirst: segment(run.samples[0], run.samples[1]),
    usLast: segment(run.samples[run.samples.length - 2], last),
    recorded: run.recorded,
  };
}

function segment(from, to) {
  return from && to && to.requests > from.requests ? ((to.ms - from.ms) * 1000) / (to.requests - from.requests) : undefined;
}

// ── the machine ───────────────────────────────────────────────────────

function machine(libs, described, b, quick) {
  const cpus = os.cpus();
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const versions = {};
  for (const lib of libs) {
    const name = described[lib].library.package;
    if (name === null) continue;
    const file = name === pkg.name ? path.join(root, 'package.json') : path.join(root, 'node_modules', name, 'package.json');
    versions[lib] = { name: described[lib].library.name, package: name, version: JSON.parse(readFileSync(file, 'utf8')).version };
  }
  return {
    date: new Date().toISOString(),
    quick,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    v8: process.versions.v8,
    loadStart: os.loadavg().map((x) => x.toFixed(2)),
    commit: git(),
    libraries: versions,
    names: Object.fromEntries(libs.map((lib) => [lib, described[lib].library.name])),
    budgets: b,
    peers: PEERS.filter((p) => libs.includes(p)),
  };
}

function git() {
  const run = (...argv) => execFileSync('git', argv, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    const dirty = run('status', '--porcelain', '--', 'src') !== '';
    return `${run('rev-parse', '--short=12', 'HEAD')}${dirty ? ' + uncommitted changes in src/' : ''}`;
  } catch {
    return 'unknown';
  }
}

if (args.profile) {
  const child = spawn(process.execPath, [path.join(here, 'profile.mjs'), ...process.argv.slice(2).filter((a) => a !== '--profile')], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 1));
} else if (typeof args.render === 'string') {
  rerender(args.render);
} else {
  await main();
}
