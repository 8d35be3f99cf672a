// `node bench/phases.mjs` (after `npm run build`): where a test's lifecycle
// goes — activate, register 10 mocks, 10 fetches, reset, disable — timed
// phase by phase, for pook (definition sites on, the default, and off) and
// fetch-mock, the fastest peer in the lifecycle scenario of `npm run bench`.
// Each library runs in its own child process, rounds alternate the order,
// figures are medians of the rounds. Prints a markdown table.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BODY, ORIGIN, paths } from './fixture.mjs';

const VARIANTS = ['pook', 'pook, definitionSites: false', 'fetch-mock'];
const PHASES = ['activate', 'define', 'fetch', 'reset', 'disable'];
const ROUNDS = 5;
const WARMUP = 2000;
const CYCLES = 4000;

async function child(variant) {
  const all = paths(10);
  const url = (path) => `${ORIGIN}${path}`;
  let lib;
  if (variant.startsWith('pook')) {
    const { default: pook } = await import('pook');
    if (variant.includes('false')) pook.configure({ definitionSites: false });
    lib = {
      activate: () => pook.activate(),
      define: () => {
        for (const path of all) pook.get(url(path)).reply(200).json(BODY);
      },
      reset: () => pook.reset(),
      disable: () => pook.disable(),
    };
  } else {
    const { default: fetchMock } = await import('fetch-mock');
    lib = {
      activate: () => fetchMock.mockGlobal(),
      define: () => {
        for (const path of all) fetchMock.route(url(path), { status: 200, body: BODY }, { method: 'get', repeat: 1 });
      },
      reset: () => {
        fetchMock.removeRoutes();
        fetchMock.clearHistory();
      },
      disable: () => fetchMock.unmockGlobal(),
    };
  }
  const totals = Object.fromEntries(PHASES.map((phase) => [phase, 0]));
  async function cycle(record) {
    for (const phase of PHASES) {
      const start = performance.now();
      if (phase === 'fetch') for (const path of all) await (await fetch(url(path))).json();
      else lib[phase]();
      if (record) totals[phase] += performance.now() - start;
    }
  }
  for (let i = 0; i < WARMUP; i++) await cycle(false);
  for (let i = 0; i < CYCLES; i++) await cycle(true);
  process.stdout.write(JSON.stringify(Object.fromEntries(PHASES.map((phase) => [phase, (totals[phase] * 1000) / CYCLES]))));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

if (process.argv[2] !== undefined) await child(process.argv[2]);
else {
  const runs = Object.fromEntries(VARIANTS.map((variant) => [variant, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = VARIANTS.map((_, i) => VARIANTS[(i + round) % VARIANTS.length]);
    for (const variant of order)
      runs[variant].push(JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), variant], { encoding: 'utf8' })));
  }
  const fmt = (us) => us.toFixed(1);
  console.log(`| library | ${PHASES.join(' | ')} | total |`);
  console.log(`|---|${PHASES.map(() => '---').join('|')}|---|`);
  for (const variant of VARIANTS) {
    const phases = PHASES.map((phase) => median(runs[variant].map((run) => run[phase])));
    const total = median(runs[variant].map((run) => PHASES.reduce((sum, phase) => sum + run[phase], 0)));
    console.log(`| ${variant} | ${phases.map(fmt).join(' | ')} | ${fmt(total)} |`);
  }
  console.log(`\nµs per cycle, median of ${ROUNDS} rounds of ${CYCLES} cycles each; Node ${process.version}.`);
}
