// Record and replay benchmark (docs/record-and-replay.md), run by
// `npm run bench -- --only=har-replay,har-record` or `node bench/har.mjs`
// after a build. Every measurement runs in its own child process (the
// libraries patch globals) against a real server on 127.0.0.1 in this
// process; the figure is the median of the rounds, with their min–max.
//
//   har-replay  10,000 entries on distinct paths, fetch the LAST one:
//               pook loadHar (persistent entries) vs 10,000 hand-written pook
//               mocks vs undici's SnapshotAgent (playback) vs nock.back (lockdown)
//   har-record  a passthrough GET to a loopback server in the child, with and without
//               recording: pook (fetch), undici's SnapshotAgent (record) vs its
//               plain Agent, nock.back (record) on http.get vs plain http.get
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const ENTRIES = 10_000;
const BODY = JSON.stringify({ id: 1, name: 'pook' });

// ── child: one library, one scenario ─────────────────────────────────

async function timeLoop(fn, { warmupMs = 150, measureMs = 500, minOps = 20 } = {}) {
  const end = performance.now() + warmupMs;
  while (performance.now() < end) await fn();
  let ops = 0;
  const start = performance.now();
  while (ops < minOps || performance.now() - start < measureMs) {
    await fn();
    ops++;
  }
  return ((performance.now() - start) * 1000) / ops; // µs per op
}

function httpGet(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        res.resume();
        res.on('end', resolve);
      })
      .on('error', reject);
  });
}

async function child({ scenario, lib, origin, dir }) {
  const last = `/r/${ENTRIES - 1}`;
  if (scenario === 'har-replay') {
    const started = performance.now();
    let request;
    if (lib === 'pook-har' || lib === 'pook-mocks') {
      const { default: pook } = await import('pook');
      pook.activate();
      if (lib === 'pook-har') {
        const { loadHar } = await import('pook/har');
        loadHar(path.join(dir, 'replay.har'), { persist: true });
      } else {
        for (let i = 0; i < ENTRIES; i++) pook.get(`${origin}/r/${i}`).persist().reply(200).json({ id: 1, name: 'pook' });
      }
      request = async () => (await fetch(origin + last)).json();
    } else if (lib === 'snapshot') {
      const { SnapshotAgent, fetch: undiciFetch } = await import('undici');
      const agent = new SnapshotAgent({ mode: 'playback', snapshotPath: path.join(dir, 'snapshots.json') });
      await agent.loadSnapshots();
      request = async () => (await undiciFetch(origin + last, { dispatcher: agent })).json();
    } else if (lib === 'nock-back') {
      const { default: nock } = await import('nock');
      nock.back.fixtures = dir;
      nock.back.setMode('lockdown');
      const { context } = await nock.back('nock-back.json');
      for (const scope of context.scopes) scope.persist();
      request = async () => (await fetch(origin + last)).json();
    }
    const loadMs = performance.now() - started;
    const body = await request();
    if (body.name !== 'pook') throw new Error(`unexpected body ${JSON.stringify(body)}`);
    return { usPerRequest: await timeLoop(request), loadMs };
  }
  if (scenario === 'har-record') {
    // The server runs in this process: a request then waits for no other
    // process to be scheduled, so a busy machine blurs the ratio less.
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(BODY.length) });
      res.end(BODY);
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${server.address().port}/r/1`;
    if (lib === 'fetch' || lib === 'pook-passthrough' || lib === 'pook-record') {
      if (lib !== 'fetch') {
        const { default: pook } = await import('pook');
        pook.activate();
        pook.enableNetwork('127.0.0.1');
        if (lib === 'pook-record') {
          const { record } = await import('pook/har');
          // Every exchange is recorded (and redacted) for the whole run.
          record();
        }
      }
      return { usPerRequest: await timeLoop(async () => (await fetch(url)).text()) };
    }
    if (lib === 'undici-agent' || lib === 'snapshot-record') {
      const undici = await import('undici');
      const agent =
        lib === 'undici-agent' ? new undici.Agent() : new undici.SnapshotAgent({ mode: 'record', snapshotPath: path.join(dir, 'record-snapshots.json') });
      return { usPerRequest: await timeLoop(async () => (await undici.request(url, { dispatcher: agent })).body.text()) };
    }
    if (lib === 'http-get') return { usPerRequest: await timeLoop(() => httpGet(url)) };
    if (lib === 'nock-back-record') {
      const { default: nock } = await import('nock');
      nock.back.fixtures = mkdtempSync(path.join(os.tmpdir(), 'nock-back-'));
      nock.back.setMode('record');
      await nock.back('recorded.json');
      return { usPerRequest: await timeLoop(() => httpGet(url)) };
    }
  }
  throw new Error(`no such measurement: ${scenario} ${lib}`);
}

// ── parent: fixtures, server, rounds, report ─────────────────────────

function runChild(job) {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ['--no-warnings', fileURLToPath(import.meta.url), '--child', JSON.stringify(job)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => proc.kill('SIGKILL'), 120_000);
    proc.on('exit', () => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()));
      } catch {
        resolve({ ok: false, error: (err.trim().split('\n')[0] || 'no output').slice(0, 200) });
      }
    });
  });
}

function fixtures(dir, origin) {
  const entries = [];
  const nockDefs = [];
  for (let i = 0; i < ENTRIES; i++) {
    entries.push({
      startedDateTime: '1970-01-01T00:00:00.000Z',
      time: 0,
      request: { method: 'GET', url: `${origin}/r/${i}`, httpVersion: 'HTTP/1.1', cookies: [], headers: [], queryString: [], headersSize: -1, bodySize: 0 },
      response: {
        status: 200,
        statusText: 'OK',
        httpVersion: 'HTTP/1.1',
        cookies: [],
        headers: [{ name: 'content-type', value: 'application/json' }],
        content: { size: BODY.length, mimeType: 'application/json', text: BODY },
        redirectURL: '',
        headersSize: -1,
        bodySize: BODY.length,
      },
      cache: {},
      timings: { send: 0, wait: 0, receive: 0 },
    });
    nockDefs.push({
      scope: origin,
      method: 'GET',
      path: `/r/${i}`,
      body: '',
      status: 200,
      response: JSON.parse(BODY),
      rawHeaders: ['content-type', 'application/json'],
    });
  }
  writeFileSync(path.join(dir, 'replay.har'), JSON.stringify({ log: { version: '1.2', creator: { name: 'bench', version: '1' }, entries } }));
  writeFileSync(path.join(dir, 'nock-back.json'), JSON.stringify(nockDefs));
}

async function recordSnapshots(dir, origin) {
  const undici = await import('undici');
  const agent = new undici.SnapshotAgent({ mode: 'record', snapshotPath: path.join(dir, 'snapshots.json') });
  for (let i = 0; i < ENTRIES; i++) await (await undici.fetch(`${origin}/r/${i}`, { dispatcher: agent })).text();
  await agent.saveSnapshots();
  await agent.close();
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const only = (process.argv.find((a) => a.startsWith('--only='))?.slice(7) ?? 'har-replay,har-record').split(',');
  const rounds = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 5);
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(BODY.length) });
    res.end(BODY);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const loadAtStart = os.loadavg()[0];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pook-bench-har-'));
  fixtures(dir, origin);
  const plan = [];
  if (only.includes('har-replay')) {
    await recordSnapshots(dir, origin);
    for (const lib of ['pook-har', 'pook-mocks', 'snapshot', 'nock-back']) plan.push({ scenario: 'har-replay', lib });
  }
  if (only.includes('har-record')) {
    for (const lib of ['fetch', 'pook-passthrough', 'pook-record', 'undici-agent', 'snapshot-record', 'http-get', 'nock-back-record'])
      plan.push({ scenario: 'har-record', lib });
  }
  const results = new Map();
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? plan : [...plan].reverse();
    for (const job of order) {
      const run = await runChild({ ...job, origin, dir });
      const key = `${job.scenario} ${job.lib}`;
      if (!results.has(key)) results.set(key, []);
      results.get(key).push(run);
      process.stderr.write(run.ok ? '.' : `\n${key}: ${run.error}\n`);
    }
  }
  server.closeAllConnections();
  server.close();
  process.stderr.write('\n');
  const lines = [
    `Record and replay benchmark, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} cores, ${rounds} rounds (median, min–max), load average (1 min) ${loadAtStart.toFixed(2)} at the start and ${os.loadavg()[0].toFixed(2)} at the end`,
    '',
  ];
  const figure = (key, field) => {
    const ok = (results.get(key) ?? []).filter((r) => r.ok).map((r) => r.result[field]);
    if (ok.length === 0) return undefined;
    return { median: median(ok), min: Math.min(...ok), max: Math.max(...ok) };
  };
  const fmt = (f, unit) => (f === undefined ? 'failed' : `${f.median.toFixed(1)} ${unit} (${f.min.toFixed(1)}–${f.max.toFixed(1)})`);
  const summary = {};
  if (only.includes('har-replay')) {
    lines.push(
      `## har-replay: ${ENTRIES.toLocaleString('en-US')} entries, fetch the last one`,
      '',
      '| library | per request | loading the 10,000 |',
      '|---|---|---|',
    );
    for (const lib of ['pook-har', 'pook-mocks', 'snapshot', 'nock-back']) {
      lines.push(`| ${lib} | ${fmt(figure(`har-replay ${lib}`, 'usPerRequest'), 'µs')} | ${fmt(figure(`har-replay ${lib}`, 'loadMs'), 'ms')} |`);
    }
    const har = figure('har-replay pook-har', 'usPerRequest');
    const mocks = figure('har-replay pook-mocks', 'usPerRequest');
    if (har && mocks) summary.replayRatio = har.median / mocks.median;
    lines.push('', `pook loadHar / hand-written pook mocks, per request: ${summary.replayRatio?.toFixed(2) ?? 'n/a'}× (target ≤ 1)`, '');
  }
  if (only.includes('har-record')) {
    lines.push('## har-record: a passthrough GET to a loopback server, with and without recording', '', '| measurement | per request |', '|---|---|');
    for (const lib of ['fetch', 'pook-passthrough', 'pook-record', 'undici-agent', 'snapshot-record', 'http-get', 'nock-back-record']) {
      lines.push(`| ${lib} | ${fmt(figure(`har-record ${lib}`, 'usPerRequest'), 'µs')} |`);
    }
    const ratio = (a, b) => {
      const x = figure(`har-record ${a}`, 'usPerRequest');
      const y = figure(`har-record ${b}`, 'usPerRequest');
      return x && y ? x.median / y.median : undefined;
    };
    summary.pookRecordOverhead = ratio('pook-record', 'pook-passthrough');
    summary.snapshotRecordOverhead = ratio('snapshot-record', 'undici-agent');
    summary.nockBackRecordOverhead = ratio('nock-back-record', 'http-get');
    lines.push(
      '',
      `pook recording overhead: ${summary.pookRecordOverhead === undefined ? 'n/a' : `${((summary.pookRecordOverhead - 1) * 100).toFixed(1)} %`} (target ≤ +20 %)`,
      `undici SnapshotAgent record vs its Agent: ${summary.snapshotRecordOverhead === undefined ? 'n/a' : `${((summary.snapshotRecordOverhead - 1) * 100).toFixed(1)} %`}`,
      `nock.back record vs plain http.get: ${summary.nockBackRecordOverhead === undefined ? 'n/a' : `${((summary.nockBackRecordOverhead - 1) * 100).toFixed(1)} %`}`,
    );
  }
  const text = `${lines.join('\n')}\n`;
  process.stdout.write(text);
  const out = path.join(here, 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'har.md'), text);
  writeFileSync(
    path.join(out, 'har.json'),
    `${JSON.stringify({ summary, load: { start: loadAtStart, end: os.loadavg()[0] }, results: Object.fromEntries(results) }, null, 2)}\n`,
  );
}

const childArg = process.argv.indexOf('--child');
if (childArg !== -1) {
  child(JSON.parse(process.argv[childArg + 1])).then(
    (result) => {
      process.stdout.write(`${JSON.stringify({ ok: true, result })}\n`);
      process.exit(0);
    },
    (error) => {
      process.stdout.write(`${JSON.stringify({ ok: false, error: String(error?.stack ?? error) })}\n`);
      process.exit(0);
    },
  );
} else {
  await main();
}
