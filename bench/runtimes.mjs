// pook's fetch scenario on Node, Bun and Deno: `await fetch(url)` +
// `res.json()` through one persistent mock, in a fresh process of each
// runtime (the `bun` and `deno` devDependencies), rounds rotating the order.
// Each child runs this same file with --child and prints its mean µs per
// request; the parent prints a Markdown table (docs/runtimes.md quotes it).
//
//   node bench/runtimes.mjs [--rounds=N] [--requests=N] [--warmup=N] [--json]

import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const flag = (name, fallback) => {
  const found = process.argv.find((arg) => arg.startsWith(`--${name}=`));
  return found === undefined ? fallback : Number(found.split('=')[1]);
};
const REQUESTS = flag('requests', 2_000);
const WARMUP = flag('warmup', 300);
const ROUNDS = flag('rounds', 5);

if (process.argv.includes('--child')) {
  const { default: pook } = await import('../dist/index.js');
  const url = 'http://api.test/users';
  pook.activate();
  pook
    .get(url)
    .persist()
    .reply(200)
    .json({ id: 1, name: 'ada', roles: ['admin'] });
  const once = async () => {
    const body = await (await fetch(url)).json();
    if (body.id !== 1) throw new Error('wrong body');
  };
  for (let i = 0; i < WARMUP; i++) await once();
  const start = performance.now();
  for (let i = 0; i < REQUESTS; i++) await once();
  const us = ((performance.now() - start) * 1000) / REQUESTS;
  pook.off();
  console.log(JSON.stringify({ us }));
} else {
  const bin = (name) => path.join(root, 'node_modules/.bin', name);
  const self = path.join(here, 'runtimes.mjs');
  const counts = [`--requests=${REQUESTS}`, `--warmup=${WARMUP}`];
  const RUNTIMES = {
    node: [process.execPath, [self, '--child', ...counts]],
    bun: [bin('bun'), [self, '--child', ...counts]],
    deno: [bin('deno'), ['run', '--allow-read', self, '--child', ...counts]],
  };
  const env = { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1', DO_NOT_TRACK: '1' };
  const run = ([command, args]) =>
    new Promise((resolve) =>
      execFile(command, args, { cwd: root, env, timeout: 120_000 }, (error, stdout, stderr) => {
        try {
          resolve({ us: JSON.parse(stdout.trim().split('\n').at(-1)).us });
        } catch {
          resolve({ error: String(error?.message ?? stderr).split('\n')[0] });
        }
      }),
    );
  // `node --version` prints v24.x, `bun --version` 1.4.x, `deno --version` "deno 2.9.x (…)".
  const version = ([command]) =>
    new Promise((resolve) =>
      execFile(command, ['--version'], { env }, (_, out) =>
        resolve(
          String(out)
            .split('\n')[0]
            .replace(/^deno | \(.*$/g, '')
            .trim(),
        ),
      ),
    );
  const names = Object.keys(RUNTIMES);
  const times = Object.fromEntries(names.map((name) => [name, []]));
  const errors = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length];
      const result = await run(RUNTIMES[name]);
      if (result.us === undefined) errors[name] = result.error;
      else times[name].push(result.us);
    }
    process.stderr.write(`bench runtimes: round ${round + 1}/${ROUNDS}\n`);
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const rows = [];
  for (const name of names) {
    const t = times[name];
    rows.push(
      t.length === 0
        ? { runtime: name, error: errors[name] }
        : { runtime: name, version: await version(RUNTIMES[name]), median: median(t), min: Math.min(...t), max: Math.max(...t) },
    );
  }
  if (process.argv.includes('--json')) console.log(JSON.stringify({ rows }));
  else {
    const fmt = (n) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });
    console.log(
      `${os.cpus().length} cores, load ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}; ${ROUNDS} rounds of ${REQUESTS} requests after ${WARMUP} warm-up\n`,
    );
    console.log('| runtime | µs per request (median, min–max of rounds) | requests per second |');
    console.log('|---|---|---|');
    for (const row of rows) {
      if (row.error !== undefined) console.log(`| ${row.runtime} | failed: ${row.error} | |`);
      else
        console.log(
          `| ${row.runtime} (${row.version}) | ${fmt(row.median)} (${fmt(row.min)}–${fmt(row.max)}) | ${Math.round(1e6 / row.median).toLocaleString('en-US')} |`,
        );
    }
  }
}
