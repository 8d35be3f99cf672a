// `npm run bench -- --profile [--label=before|after] [--only=fetch,…] [--quick] [--no-docs]`:
// where pook's time goes. Runs pook's hot scenarios in child processes under
// V8's sampling CPU profiler (only the measured part, after the warm-up), maps
// the samples of dist/index.cjs back to src/ through the source map, and
// writes bench/results/profile-<label>.md, which docs/benchmarks.md links to.
// If docs/benchmarks.md has markers for the label
// (<!-- bench:profile:<label>:begin/end -->; it has none by default, the
// profiles being long), it also splices the profile there, unless --quick or
// --no-docs (--docs splices even a quick run).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFlags } from './args.mjs';
import { hasMarkers, spliceDocs } from './report.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const args = parseFlags();
const label = typeof args.label === 'string' ? args.label : 'latest';
const quick = Boolean(args.quick);

const TARGETS = [
  { id: 'fetch', title: '`fetch` + `res.json()`, one persistent mock', scenario: 'request', params: { client: 'fetch' } },
  { id: 'fetch-100', title: '`fetch` + `res.json()`, 100 in flight at once', scenario: 'concurrent', params: { concurrency: 100 } },
  { id: 'http-get', title: '`http.get`, whole body read', scenario: 'request', params: { client: 'http' } },
  { id: 'axios', title: '`axios.get` (node http adapter)', scenario: 'request', params: { client: 'axios' } },
  { id: 'lifecycle', title: 'lifecycle: activate, 10 mocks, 10 fetches, reset, disable', scenario: 'lifecycle', params: { mocks: 10 } },
  { id: 'scale-10000', title: '10,000 mocks, fetch of the last registered path', scenario: 'scale', params: { mocks: 10_000, only: 'last' } },
];

// ── source map of the build ───────────────────────────────────────────

// The one implementation: dist/index.js only re-exports dist/index.cjs (tsup.config.ts).
const distFile = path.join(root, 'dist/index.cjs');
const sourceMap = new SourceMap(JSON.parse(readFileSync(`${distFile}.map`, 'utf8')));
const distUrl = new URL(`file://${distFile}`).href;

/** Where a profiled function lives, as `src/x.ts:line` for pook, else a short form of its script. */
function where(frame) {
  const { url, lineNumber, columnNumber } = frame;
  if (url === distUrl) {
    const entry = sourceMap.findEntry(lineNumber, columnNumber);
    if (entry?.originalSource) {
      const source = entry.originalSource.replace(/^.*?\bsrc\//, 'src/');
      return { area: 'pook', at: `${source}:${entry.originalLine + 1}` };
    }
    return { area: 'pook', at: `dist/index.cjs:${lineNumber + 1}` };
  }
  if (url === '') return { area: frame.functionName.startsWith('(') ? frame.functionName : 'V8 builtins', at: '' };
  const short = url.replace(/^file:\/\/.*?node_modules\//, '').replace(/^file:\/\/.*?\/bench\//, 'bench/');
  const at = `${short}:${lineNumber + 1}`;
  if (url.startsWith('node:internal/deps/undici')) return { area: "Node's undici (Request, Response, Headers, body)", at };
  if (url.startsWith('node:')) return { area: 'Node internals', at };
  if (url.includes('/bench/')) return { area: 'benchmark harness', at };
  if (url.includes('node_modules/')) return { area: `node_modules: ${short.split('/')[0]}`, at };
  return { area: 'other', at };
}

// ── reading a profile ─────────────────────────────────────────────────

/** Self and inclusive time per function (name + place), in µs. */
function analyse(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map();
  const inclusive = new Map();
  const areas = new Map();
  const info = new Map();
  const keyOf = (node) => {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const key = `${functionName}@${url}:${lineNumber}:${columnNumber}`;
    if (!info.has(key)) info.set(key, { name: functionName || '(anonymous)', ...where(node.callFrame) });
    return key;
  };
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i + 1] ?? 0; // a sample's time is the gap to the next one
    total += dt;
    const node = byId.get(id);
    const key = keyOf(node);
    self.set(key, (self.get(key) ?? 0) + dt);
    const area = info.get(key).area;
    areas.set(area, (areas.get(area) ?? 0) + dt);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const k = keyOf(byId.get(at));
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
    }
  });
  const rows = (map) => [...map.entries()].map(([key, us]) => ({ ...info.get(key), us })).sort((a, b) => b.us - a.us);
  return { total, self: rows(self), inclusive: rows(inclusive), areas: [...areas.entries()].sort((a, b) => b[1] - a[1]) };
}

// ── the run ───────────────────────────────────────────────────────────

const pct = (part, total) => `${((100 * part) / total).toFixed(1)}%`;
const IGNORED = new Set(['(root)', '(program)', '(idle)', '(garbage collector)', 'processTicksAndRejections', 'runMicrotasks', 'measure']);

function commit() {
  const git = (...argv) => execFileSync('git', argv, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    return `${git('rev-parse', '--short=12', 'HEAD')}${git('status', '--porcelain', '--', 'src') === '' ? '' : ' + uncommitted changes in src/'}`;
  } catch {
    return 'unknown';
  }
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'pook-profile-'));
const out = [
  `## CPU profile (${label}): ${new Date().toISOString()}`,
  '',
  `pook at commit ${commit()}; Node ${process.version}, ${os.cpus()[0]?.model.trim()} ×${os.cpus().length}, load average ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')}.`,
  'V8 sampling profiler, 100 µs interval, over the measured part of each run only (after the warm-up);',
  "pook's frames are mapped from dist/ back to src/ through the build's source map. Self time is spent in",
  'the function itself; inclusive time also counts what it calls. Percentages are of the sampled time.',
  '',
];
try {
  const only = typeof args.only === 'string' ? new Set(args.only.split(',')) : undefined;
  for (const target of TARGETS.filter((t) => only === undefined || only.has(t.id))) {
    const file = path.join(dir, `${target.id}.cpuprofile`);
    const job = {
      lib: 'pook',
      scenario: target.scenario,
      params: target.params,
      budget: quick ? { warmupMs: 50, measureMs: 200, minOps: 3 } : { warmupMs: 500, measureMs: 4000, minOps: 5 },
      profile: file,
    };
    process.stderr.write(`profile: ${target.id}\n`);
    const child = spawnSync(process.execPath, [path.join(here, 'child.mjs'), JSON.stringify(job)], { cwd: root, encoding: 'utf8', timeout: 180_000 });
    const line = child.stdout.trim().split('\n').pop() ?? '';
    const parsed = line.startsWith('{') ? JSON.parse(line) : { ok: false, error: child.stderr };
    if (!parsed.ok) throw new Error(`profile: ${target.id} failed: ${parsed.error}`);
    const measured = parsed.result.last ?? parsed.result;
    const { total, self, inclusive, areas } = analyse(JSON.parse(readFileSync(file, 'utf8')));
    out.push(
      `### ${target.title}`,
      '',
      `${Math.round(total / 1000).toLocaleString('en-US')} ms sampled, ${measured.ops.toLocaleString('en-US')} operations, ${measured.usPerOp.toPrecision(3)} µs each (slowed by the profiler).`,
      '',
      '| self time by area | share |',
      '|---|---|',
      ...areas.slice(0, 8).map(([area, us]) => `| ${area} | ${pct(us, total)} |`),
      '',
      '| top self time | where | share |',
      '|---|---|---|',
      ...self
        .filter((r) => r.name !== '(idle)')
        .slice(0, 15)
        .map((r) => `| \`${r.name}\` | ${r.at || r.area} | ${pct(r.us, total)} |`),
      '',
      '| top inclusive time (pook frames) | where | share |',
      '|---|---|---|',
      ...inclusive
        .filter((r) => r.area === 'pook' && !IGNORED.has(r.name))
        .slice(0, 12)
        .map((r) => `| \`${r.name}\` | ${r.at} | ${pct(r.us, total)} |`),
      '',
      '| top inclusive time (Node and V8 frames) | where | share |',
      '|---|---|---|',
      ...inclusive
        .filter((r) => r.area !== 'pook' && r.area !== 'benchmark harness' && !r.name.startsWith('(') && !IGNORED.has(r.name))
        .slice(0, 8)
        .map((r) => `| \`${r.name}\` | ${r.at || r.area} | ${pct(r.us, total)} |`),
      '',
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const markdown = `${out.join('\n').trimEnd()}\n`;
const resultsDir = path.join(here, 'results');
mkdirSync(resultsDir, { recursive: true });
const target = path.join(resultsDir, `profile-${label}.md`);
writeFileSync(target, markdown);
process.stderr.write(`profile: wrote ${path.relative(root, target)}\n`);

const docs = path.join(root, 'docs/benchmarks.md');
const splice = args.docs === true || (args['no-docs'] === undefined && !quick);
if (splice && hasMarkers(docs, `profile:${label}`)) {
  // Headings two levels down: under a "### <label>" heading of a "## CPU profiles" section.
  spliceDocs(docs, markdown, { name: `profile:${label}`, shift: 2 });
  process.stderr.write(`profile: spliced into docs/benchmarks.md (${label})\n`);
}
