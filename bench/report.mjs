// Renders a bench run (see run.mjs) as markdown, checks the performance
// targets of issues 6 and 13 against it, and splices generated markdown into a
// document between markers: the whole report (renderReport) into
// docs/benchmarks.md, the summary (renderSummary) into docs/performance.md.
import { readFileSync, writeFileSync } from 'node:fs';

/** The pair of markers named `name`: `<!-- bench:<name>:begin -->` … `<!-- bench:<name>:end -->`. */
export const markers = (name) => ({ begin: `<!-- bench:${name}:begin -->`, end: `<!-- bench:${name}:end -->` });

export const BEGIN = markers('report').begin;
export const END = markers('report').end;

// ── numbers ───────────────────────────────────────────────────────────

const sig = (x, digits = 3) => {
  if (!Number.isFinite(x)) return '–';
  if (x >= 10 ** digits) return Math.round(x).toLocaleString('en-US');
  return Number(x.toPrecision(digits)).toLocaleString('en-US', { maximumFractionDigits: 6 });
};
const us = (s) => `${sig(s.median)} (${sig(s.min)}–${sig(s.max)})`;
const perSecond = (usPerOp) => Math.round(1e6 / usPerOp).toLocaleString('en-US');
/** A rate ratio: how many times as fast `time` is as `reference` (>1: faster). */
const ratio = (time, reference) => (Number.isFinite(time) && Number.isFinite(reference) ? `${sig(reference / time, 2)}×` : '–');
const bytes = (n) => {
  const abs = Math.abs(n);
  if (abs >= 2 ** 20) return `${sig(n / 2 ** 20)} MiB`;
  if (abs >= 2 ** 10) return `${sig(n / 2 ** 10)} KiB`;
  return `${sig(n)} B`;
};

// ── targets ───────────────────────────────────────────────────────────

/**
 * The targets of issues 6 and 13, computed from the run. Each is met, not
 * met, or not measured (a scenario or library left out, or a failed child).
 * A ratio target's note names the figure compared.
 */
export function targets(report) {
  const s = report.scenarios;
  const med = (id, lib, field = 'us') => s[id]?.libs[lib]?.[field]?.median;
  const out = [];
  const check = (target, needed, actual, note) => {
    const ok = Number.isFinite(actual) && Number.isFinite(needed);
    out.push({ target, needed: ok ? needed : undefined, actual: ok ? actual : undefined, met: ok ? actual >= needed : undefined, note });
  };
  for (const id of ['fetch', 'fetch-100']) {
    const pook = med(id, 'pook');
    const label = id === 'fetch' ? 'fetch' : 'fetch, 100 in flight';
    check(`${label}: pook ≥ fetch-mock`, 1, med(id, 'fetch-mock') / pook);
    check(`${label}: pook ≥ 2.5× MockAgent`, 2.5, med(id, 'mockagent') / pook);
    check(`${label}: pook ≥ 30× nock`, 30, med(id, 'nock') / pook);
    check(`${label}: pook ≥ 30× msw`, 30, med(id, 'msw') / pook);
  }
  for (const id of ['http-get', 'axios']) {
    const fastest = Math.min(med(id, 'nock') ?? Infinity, med(id, 'msw') ?? Infinity);
    check(`${id === 'axios' ? 'axios' : 'http.get'}: pook ≥ 5× the faster of nock and msw`, 5, fastest / med(id, 'pook'));
  }
  // Like with like: both "last" figures are the second measurement of their process.
  check('10,000 mocks: last-registered path ≥ 0.8× pook’s own one-mock rate', 0.8, med('scale-1', 'pook', 'last') / med('scale-10000', 'pook', 'last'));
  const peers = report.meta.peers;
  const ahead = (id, field, label) => {
    const pook = med(id, 'pook', field);
    const times = peers.map((p) => med(id, p, field)).filter(Number.isFinite);
    const fastestPeer = times.length === peers.length ? Math.min(...times) : undefined;
    check(`${label}: pook ahead of every peer`, 1, fastestPeer / pook, 'the fastest peer’s time ÷ pook’s');
  };
  ahead('lifecycle', 'us', 'lifecycle');
  ahead('cold-start', 'readyMs', 'cold start');
  // Issue 13, per-test cost: the whole lifecycle (activate, 10 mocks, 10 fetches, reset, disable), as rates.
  check('lifecycle (issue 13): pook ≥ 1.2× fetch-mock', 1.2, med('lifecycle', 'fetch-mock') / med('lifecycle', 'pook'), 'fetch-mock’s µs per cycle ÷ pook’s');
  // Issue 13, per-test-file start: import + activate + first mock, the
  // "import + activate + register" column of the cold-start table (not the
  // "ready" time, which also counts Node's own start-up).
  const importTimes = peers.map((p) => med('cold-start', p, 'libraryMs')).filter(Number.isFinite);
  check(
    'import + activate + first mock (issue 13): pook ≤ ½ the fastest peer',
    2,
    (importTimes.length === peers.length ? Math.min(...importTimes) : undefined) / med('cold-start', 'pook', 'libraryMs'),
    'the fastest peer’s "import + activate + register" ms ÷ pook’s',
  );
  const growth = s.growth?.libs.pook;
  out.push({
    target: 'memory: flat with history capped',
    met: growth === undefined ? undefined : growth.mode === 'capped' && growth.growth?.flat === true,
    note:
      growth === undefined
        ? undefined
        : growth.mode === 'capped'
          ? `capped history: ${growth.growth ? (growth.growth.flat ? 'flat' : 'grows') : 'no result'}`
          : `capped history: ${growth.modes?.capped ?? 'not available'}`,
  });
  return out;
}

// ── tables ────────────────────────────────────────────────────────────

function columns(report) {
  const libs = Object.keys(report.meta.names);
  return { libs, names: report.meta.names };
}

function naRow(name, cell, width) {
  const why = cell.na ? `n/a: ${cell.na}` : `failed: ${cell.errors[0] ?? 'no result'}`;
  return `| ${name} | ${why} |${' |'.repeat(width - 2)}`;
}

/** A timing table: one row per library, ratios (rates) against every other library. */
function timingTable(report, s, field = 'us', unitLabel = 'µs per request') {
  const { libs, names } = columns(report);
  const present = libs.filter((lib) => s.libs[lib]);
  const refs = present.filter((lib) => s.libs[lib][field]);
  const header = [`library`, unitLabel, unitLabel.startsWith('µs') ? 'per second' : '', ...refs.map((lib) => `vs ${names[lib]}`)].filter((h) => h !== '');
  const rows = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const lib of present) {
    const cell = s.libs[lib];
    const name = lib === 'pook' ? '**pook**' : names[lib];
    if (!cell[field]) {
      rows.push(naRow(name, cell, header.length));
      continue;
    }
    const t = cell[field].median;
    const row = [name, us(cell[field])];
    if (unitLabel.startsWith('µs')) row.push(perSecond(t));
    for (const ref of refs) row.push(ref === lib ? '1×' : ratio(t, s.libs[ref][field].median));
    rows.push(`| ${row.join(' | ')} |`);
  }
  return rows.join('\n');
}

function scaleSection(report) {
  const { libs, names } = columns(report);
  const s = report.scenarios;
  const ids = ['scale-1', 'scale-100', 'scale-1000', 'scale-10000'].filter((id) => s[id]);
  if (ids.length === 0) return '';
  const floor = s.fetch?.libs.floor?.us?.median;
  const out = [
    '### Scaling: N persistent mocks on distinct paths (fetch)',
    '',
    'µs per request for the first and the last registered path, median (min–max); each process measures the',
    'first path, then the last. "last ÷ own N=1" is the library\'s rate on the last path over its rate on the',
    'last (and only) path with one mock (1× = no cost from the other mocks); the vs columns compare the',
    'last-path rates. Setup is the time to register the N mocks.',
    '',
  ];
  const peerCols = libs.filter((lib) => lib !== 'floor');
  const header = [
    'N',
    'library',
    'first',
    'last',
    'last ÷ own N=1',
    ...(floor ? ['vs floor'] : []),
    ...peerCols.map((lib) => `vs ${names[lib]}`),
    'setup (ms)',
  ];
  out.push(`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`);
  for (const id of ids) {
    const n = Number(id.split('-')[1]).toLocaleString('en-US');
    for (const lib of peerCols) {
      const cell = s[id].libs[lib];
      if (!cell) continue;
      const name = lib === 'pook' ? '**pook**' : names[lib];
      if (!cell.last) {
        out.push(`| ${n} | ${name} | ${cell.na ? `n/a: ${cell.na}` : `failed: ${cell.errors[0] ?? 'no result'}`} |${' |'.repeat(header.length - 3)}`);
        continue;
      }
      const last = cell.last.median;
      const own = s['scale-1']?.libs[lib]?.last?.median;
      const row = [n, name, us(cell.first), us(cell.last), ratio(last, own)];
      if (floor) row.push(ratio(last, floor));
      for (const ref of peerCols) {
        const other = s[id].libs[ref]?.last?.median;
        row.push(ref === lib ? '1×' : ratio(last, other));
      }
      row.push(sig(cell.setupMs.median));
      out.push(`| ${row.join(' | ')} |`);
    }
  }
  return out.join('\n');
}

function coldSection(report) {
  const s = report.scenarios['cold-start'];
  if (!s) return '';
  const { libs, names } = columns(report);
  const present = libs.filter((lib) => s.libs[lib]);
  const refs = present.filter((lib) => s.libs[lib].readyMs);
  const header = [
    'library',
    'ready, ms after process start',
    'import + activate + register (ms)',
    'spawn to exit (ms)',
    ...refs.map((lib) => `vs ${names[lib]}`),
  ];
  const rows = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const lib of present) {
    const cell = s.libs[lib];
    const name = lib === 'pook' ? '**pook**' : names[lib];
    if (!cell.readyMs) {
      rows.push(naRow(name, cell, header.length));
      continue;
    }
    const t = cell.readyMs.median;
    rows.push(
      `| ${[name, us(cell.readyMs), us(cell.libraryMs), us(cell.wallMs), ...refs.map((ref) => (ref === lib ? '1×' : ratio(t, s.libs[ref].readyMs.median)))].join(' | ')} |`,
    );
  }
  return [
    `### ${s.title}`,
    '',
    'The floor loads no mocking library (only `node:http` and `node:stream`): its figure is Node’s own start-up. The ratios compare "ready" times;',
    'the issue-13 target compares "import + activate + register" (the library’s own part: import, `activate()`, the first mock).',
    '',
    rows.join('\n'),
  ].join('\n');
}

function historySection(report) {
  const s = report.scenarios.history;
  if (!s) return '';
  const { libs, names } = columns(report);
  const rows = ['| library | retained heap per recorded request | vs pook |', '|---|---|---|'];
  const pook = s.libs.pook?.bytes?.median;
  for (const lib of libs.filter((l) => s.libs[l])) {
    const cell = s.libs[lib];
    const name = lib === 'pook' ? '**pook**' : names[lib];
    if (!cell.bytes) {
      rows.push(`| ${name} | ${cell.na ? `n/a: ${cell.na}` : `failed: ${cell.errors[0] ?? 'no result'}`} | |`);
      continue;
    }
    const b = cell.bytes;
    rows.push(`| ${name} | ${bytes(b.median)} (${bytes(b.min)}–${bytes(b.max)}) | ${pook ? `${sig(b.median / pook, 2)}×` : '–'} |`);
  }
  return [
    `### Memory: ${s.title[0].toLowerCase()}${s.title.slice(1)}`,
    '',
    'Heap in use after full collections, before and after the requests, over their number; each library',
    'with its request history on (MockAgent: `enableCallHistory`). The child checks that the history grew',
    'by exactly that many entries. "vs pook" is a ratio of bytes (below 1 = smaller).',
    '',
    rows.join('\n'),
  ].join('\n');
}

function growthSection(report) {
  const s = report.scenarios.growth;
  if (!s) return '';
  const { libs, names } = columns(report);
  const p = s.params;
  const rows = [
    '| library | history | requests | stopped by | heap after warm-up → end | growth from the first checkpoint | per request | flat | µs per request, first → last tenth |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const lib of libs.filter((l) => s.libs[l])) {
    const cell = s.libs[lib];
    const name = lib === 'pook' ? '**pook**' : names[lib];
    if (cell.modes ? cell.modes.capped !== true && cell.mode === 'on' : lib === 'pook') {
      rows.push(`| ${name} | capped | ${cell.modes?.capped ?? 'not available'} | | | | | | |`);
    }
    if (!cell.growth) {
      rows.push(`| ${name} | ${cell.mode ?? ''} | ${cell.na ? `n/a: ${cell.na}` : `failed: ${cell.errors[0] ?? 'no result'}`} | | | | | | |`);
      continue;
    }
    const g = cell.growth;
    const mode = cell.mode === 'on' ? 'on, uncapped (the only mode)' : cell.mode;
    const stop = { count: 'count', time: `time (${sig(p.maxMs / 1000)} s)`, heap: `heap guard (+${bytes(p.maxHeapGrowth)})` }[g.stopped];
    rows.push(
      `| ${name} | ${mode} | ${g.requests.toLocaleString('en-US')} | ${stop} | ${bytes(g.heapStart)} → ${bytes(g.heapEnd)} | ${bytes(g.bytes)} | ${bytes(g.bytesPerRequest)} | ${g.flat ? 'yes' : '**no**'} | ${sig(g.usFirst)} → ${sig(g.usLast)} |`,
    );
  }
  return [
    `### Memory: ${s.title[0].toLowerCase()}${s.title.slice(1)}`,
    '',
    `Each library in the best history mode it has (capped, else off, else on), sequential fetches until`,
    `${p.requests.toLocaleString('en-US')} requests, ${sig(p.maxMs / 1000)} s or ${bytes(p.maxHeapGrowth)} of heap growth, whichever comes first;`,
    'the heap (after full collections) is sampled at ten checkpoints. Growth is counted from the first',
    'checkpoint; "flat" means under 1 byte per request or under 1 MiB in all. The time budget and the speeds',
    'count the requests only, not the collections at the checkpoints.',
    '',
    rows.join('\n'),
  ].join('\n');
}

// ── the report ────────────────────────────────────────────────────────

/** The whole report as markdown. */
export function renderReport(report) {
  const m = report.meta;
  const s = report.scenarios;
  const libraries = Object.values(m.libraries)
    .map((l) => (l.package === l.name ? `${l.name} ${l.version}` : `${l.name} (${l.package} ${l.version})`))
    .join(', ');
  const t = m.budgets.timing;
  const out = [
    `## Latest run${m.quick ? ' (quick smoke run: budgets too small for real figures)' : ''}`,
    '',
    `- **When**: ${m.date}, ${m.wallSeconds} s wall time for the whole run.`,
    `- **Machine**: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}; load average (1, 5, 15 min) ${m.loadStart.join(', ')} at the start and ${m.loadEnd.join(', ')} at the end.`,
    `- **Node** ${m.node} (V8 ${m.v8}). **Libraries**: ${libraries}; pook at commit ${m.commit}.`,
    `- **Method**: ${m.budgets.rounds} rounds; in each, one fresh process per library and scenario, the libraries in an order that rotates every round. A process warms up for ${t.warmupMs} ms, then measures for ${t.measureMs} ms (at least ${t.minOps} operations) and reports the mean. Figures are the median of the rounds, with the fastest and slowest round in brackets.`,
    '- **Ratios** are rates: "vs X" is how many times as fast the row is as X (above 1×: faster). The floor is what the request costs with no mocking library (see below).',
    '',
    '### Targets (issues 6 and 13), from this run',
    '',
    targetsTable(report),
    '',
  ];
  for (const id of ['fetch', 'fetch-100', 'http-get', 'axios']) {
    if (!s[id]) continue;
    out.push(`### ${s[id].title}`, '', timingTable(report, s[id]), '');
  }
  const scale = scaleSection(report);
  if (scale) out.push(scale, '');
  if (s.lifecycle)
    out.push(
      `### ${s.lifecycle.title}`,
      '',
      'µs per whole cycle (10 requests). The floor is the 10 requests alone.',
      '',
      timingTable(report, s.lifecycle, 'us', 'µs per cycle'),
      '',
    );
  for (const section of [coldSection(report), historySection(report), growthSection(report)]) if (section) out.push(section, '');
  return `${out.join('\n').trimEnd()}\n`;
}

/** The targets of issues 6 and 13 as a table: needed, measured and met. */
function targetsTable(report) {
  return [
    '| target | needed | measured | met |',
    '|---|---|---|---|',
    ...targets(report).map(
      (x) =>
        `| ${x.target} | ${x.needed === undefined ? '' : `${sig(x.needed, 2)}×`} | ${x.actual === undefined ? (x.note ?? 'not measured') : `${sig(x.actual, 2)}×${x.note ? ` (${x.note})` : ''}`} | ${x.met === undefined ? 'not measured' : x.met ? 'met' : '**not met**'} |`,
    ),
  ].join('\n');
}

/** The scenarios of the summary: id, label, the figure compared, its unit. */
const HEADLINES = [
  ['fetch', '`fetch(url)` + `.json()`, per request', 'us', 'µs'],
  ['fetch-100', 'the same, 100 in flight, per request', 'us', 'µs'],
  ['http-get', '`http.get(url)`, per request', 'us', 'µs'],
  ['axios', '`axios.get(url)`, per request', 'us', 'µs'],
  ['scale-10000', '10,000 mocks: fetch of the last registered path', 'last', 'µs'],
  ['lifecycle', 'a test’s lifecycle (10 mocks, 10 fetches), per cycle', 'us', 'µs'],
  ['cold-start', 'cold start: ready, after process start', 'readyMs', 'ms'],
  ['cold-start', 'cold start: import + activate + first mock', 'libraryMs', 'ms'],
];

/**
 * The summary for docs/performance.md: pook's median in each headline
 * scenario with the same ratios as the full report, then the targets.
 */
export function renderSummary(report) {
  const m = report.meta;
  const s = report.scenarios;
  const { libs, names } = columns(report);
  const others = libs.filter((lib) => lib !== 'pook');
  const header = ['scenario', 'pook (median)', ...others.map((lib) => `vs ${names[lib]}`)];
  const rows = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const [id, label, field, unit] of HEADLINES) {
    const pook = s[id]?.libs.pook?.[field]?.median;
    if (pook === undefined) continue;
    const versus = others.map((lib) => {
      const cell = s[id].libs[lib];
      // The scaling scenarios run no floor; the full report compares them with the fetch floor.
      const other = cell ? cell[field]?.median : lib === 'floor' && id.startsWith('scale-') ? s.fetch?.libs.floor?.us?.median : undefined;
      if (other !== undefined) return ratio(pook, other);
      return cell?.na ? 'n/a' : cell ? 'failed' : '–';
    });
    rows.push(`| ${[label, `${sig(pook)} ${unit}`, ...versus].join(' | ')} |`);
  }
  return [
    `Run of ${m.date}${m.quick ? ' (a quick smoke run: budgets too small for real figures)' : ''}: pook at commit ${m.commit}, Node ${m.node}, ${m.cpu}, ${m.cores} cores, load average (1 min) ${m.loadStart[0]} at the start and ${m.loadEnd[0]} at the end.`,
    `pook's median of ${m.budgets.rounds} rounds, and how many times as fast as each library pook is in the same run (above 1×: faster; n/a: the library cannot run the scenario).`,
    '',
    rows.join('\n'),
    '',
    '### Targets (issues 6 and 13)',
    '',
    targetsTable(report),
    '',
  ].join('\n');
}

/**
 * Replaces what lies between the markers `name` of `file` with `markdown`,
 * its headings `shift` levels down (1 by default: under a "##" section).
 */
export function spliceDocs(file, markdown, { name = 'report', shift = 1 } = {}) {
  const marks = markers(name);
  const text = readFileSync(file, 'utf8');
  const begin = text.indexOf(marks.begin);
  const end = text.indexOf(marks.end);
  if (begin === -1 || end < begin) throw new Error(`bench: ${file} has no ${marks.begin} … ${marks.end} markers`);
  const nested = shift > 0 ? markdown.replace(/^(#{2,5}) /gm, `${'#'.repeat(shift)}$1 `) : markdown;
  writeFileSync(file, `${text.slice(0, begin + marks.begin.length)}\n\n${nested}\n${text.slice(end)}`);
}

/** Whether `file` exists and has the markers `name`, in order. */
export function hasMarkers(file, name) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  const { begin, end } = markers(name);
  return text.includes(begin) && text.indexOf(end) > text.indexOf(begin);
}
