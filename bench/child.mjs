// One measurement in a fresh process: `node bench/child.mjs '<json job>'`.
// The job names a library adapter (bench/libs/<lib>.mjs) and a scenario; the
// child prints one JSON line with the result on stdout. Each child patches
// globals for one library only, so libraries never see each other.
import http from 'node:http';
import { isDeepStrictEqual } from 'node:util';
import v8 from 'node:v8';
import { BODY, ORIGIN, paths } from './fixture.mjs';

const job = JSON.parse(process.argv[2]);
const lib = await import(`./libs/${job.lib}.mjs`);
const budget = job.budget; // { warmupMs, measureMs, minOps }

// ── clients ───────────────────────────────────────────────────────────

async function fetchJson(path) {
  const response = await fetch(`${ORIGIN}${path}`);
  return response.json();
}

function httpGet(path) {
  return new Promise((resolve, reject) => {
    http
      .get(`${ORIGIN}${path}`, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

let axios;
async function axiosGet(path) {
  const response = await axios.get(`${ORIGIN}${path}`, { adapter: 'http' });
  return response.data;
}

const clients = { fetch: fetchJson, http: httpGet, axios: axiosGet };

// ── measurement ───────────────────────────────────────────────────────

/**
 * Warms `op` up, then runs it until the time budget is spent (and at least
 * `minOps` times). Returns the mean time per operation of the measured part.
 */
async function measure(op, perOp = 1) {
  let start = performance.now();
  for (let i = 0; performance.now() - start < budget.warmupMs || i < 3; i++) await op();
  const profiler = job.profile ? await startProfiler() : undefined;
  let ops = 0;
  start = performance.now();
  let elapsed = 0;
  while (elapsed < budget.measureMs || ops < budget.minOps) {
    await op();
    ops++;
    elapsed = performance.now() - start;
  }
  await profiler?.stop();
  return { usPerOp: (elapsed * 1000) / (ops * perOp), ops: ops * perOp, ms: elapsed };
}

/**
 * With `job.profile` (a file name), the measured part of the run (after the
 * warm-up) is recorded by V8's sampling CPU profiler into that file.
 */
async function startProfiler() {
  const { Session } = await import('node:inspector/promises');
  const { writeFileSync } = await import('node:fs');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: job.profileIntervalUs ?? 100 });
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(job.profile, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

async function check(client, path) {
  const body = await client(path);
  if (!isDeepStrictEqual(body, BODY)) throw new Error(`${job.lib}: ${path} answered ${JSON.stringify(body)}, not the mocked body`);
}

/**
 * The heap in use after full collections. FinalizationRegistry callbacks
 * (undici registers fetch bodies) run only in later tasks, so the child
 * yields to the event loop between collections to let them free what they hold.
 */
async function heapUsed() {
  for (let i = 0; i < 4; i++) {
    globalThis.gc();
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

// ── scenarios ─────────────────────────────────────────────────────────

const scenarios = {
  /** One persistent mock; sequential requests with the given client. */
  async request({ client: name }) {
    if (name === 'axios') axios = (await import('axios')).default;
    const client = clients[name];
    const [path] = paths(1);
    await lib.start([path]);
    await check(client, path);
    const result = await measure(() => client(path));
    await lib.stop();
    return result;
  },

  /** One persistent mock; `concurrency` fetches in flight at once. */
  async concurrent({ concurrency }) {
    const [path] = paths(1);
    await lib.start([path]);
    await check(fetchJson, path);
    const batch = Array.from({ length: concurrency });
    const result = await measure(() => Promise.all(batch.map(() => fetchJson(path))), concurrency);
    await lib.stop();
    return result;
  },

  /** N persistent mocks on distinct paths; fetch the first and the last registered. */
  async scale({ mocks, only }) {
    const all = paths(mocks);
    const first = all[0];
    const last = all[all.length - 1];
    const t0 = performance.now();
    await lib.start(all);
    const setupMs = performance.now() - t0;
    await check(fetchJson, first);
    await check(fetchJson, last);
    // `only` (profiling) measures one of the two paths.
    const firstResult = only === 'last' ? undefined : await measure(() => fetchJson(first));
    const lastResult = only === 'first' ? undefined : await measure(() => fetchJson(last));
    await lib.stop();
    return { setupMs, first: firstResult, last: lastResult };
  },

  /** A test's lifecycle: activate, register 10 mocks, 10 requests, reset, disable. */
  async lifecycle({ mocks }) {
    const all = paths(mocks);
    await lib.lifecycle(all, check.bind(null, fetchJson));
    return measure(() => lib.lifecycle(all, fetchJson));
  },

  /** Retained heap per request recorded in a persistent mock's history. */
  async history({ requests }) {
    const [path] = paths(1);
    await lib.start([path], { history: 'on' });
    await check(fetchJson, path);
    for (let i = 0; i < 500; i++) await fetchJson(path);
    const recordedBefore = lib.recorded();
    const before = await heapUsed();
    for (let i = 0; i < requests; i++) await fetchJson(path);
    const after = await heapUsed();
    const recordedAfter = lib.recorded();
    if (recordedAfter - recordedBefore !== requests) {
      throw new Error(`${job.lib}: history grew by ${recordedAfter - recordedBefore} entries over ${requests} requests`);
    }
    await lib.stop();
    return { requests, bytesPerRequest: (after - before) / requests, heapBefore: before, heapAfter: after };
  },

  /**
   * Heap growth through a persistent mock, history in the given mode, until
   * `requests` requests, the time budget or the heap guard, whichever first.
   * The heap (after full GCs) is sampled at 10 checkpoints.
   */
  async growth({ requests, mode, maxMs, maxHeapGrowth }) {
    const [path] = paths(1);
    await lib.start([path], { history: mode });
    await check(fetchJson, path);
    for (let i = 0; i < 1000; i++) await fetchJson(path);
    const base = await heapUsed();
    // `ms` counts the time spent in requests only: the full collections at
    // each checkpoint take long on a large heap and are not the library's cost.
    const samples = [{ requests: 0, heap: base, ms: 0 }];
    let ms = 0;
    let done = 0;
    let stopped = 'count';
    // A checkpoint every tenth of the count or of the time budget, whichever comes first.
    let nextCount = requests / 10;
    let nextMs = maxMs / 10;
    let t0 = performance.now();
    while (stopped === 'count' && done < requests) {
      await fetchJson(path);
      done++;
      if ((done & 63) !== 0 && done < requests) continue;
      const now = performance.now();
      if (done < nextCount && ms + (now - t0) < nextMs && done < requests) continue;
      ms += now - t0;
      const heap = await heapUsed();
      samples.push({ requests: done, heap, ms });
      nextCount = done + requests / 10;
      nextMs = ms + maxMs / 10;
      if (heap - base > maxHeapGrowth) stopped = 'heap';
      else if (ms > maxMs) stopped = 'time';
      t0 = performance.now();
    }
    const recorded = lib.recorded();
    await lib.stop();
    return { requests: done, stopped, samples, recorded, heapLimit: v8.getHeapStatistics().heap_size_limit };
  },

  /** What the adapter declares: names, unsupported scenarios, history modes. */
  async describe() {
    return { library: lib.library, unsupported: lib.unsupported, history: lib.history };
  },
};

try {
  const result = await scenarios[job.scenario](job.params ?? {});
  process.stdout.write(`${JSON.stringify({ ok: true, result })}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ ok: false, error: String(error?.stack ?? error) })}\n`);
  process.exitCode = 1;
}
