// `node bench/activation.mjs [N…]` (after `npm run build`): what
// `pook.activate()` + `pook.disable()` cost with N CommonJS modules in
// `Module._cache` (default 0, 100, 1,000 and 3,000), as in a test suite's
// process. Each N runs in its own child process: fake cache entries, a
// warm-up of 20,000 cycles, then 50,000 timed ones. Prints µs per cycle.
import { execFileSync } from 'node:child_process';
import Module from 'node:module';
import { fileURLToPath } from 'node:url';

const [mode, arg] = process.argv.slice(2);
if (mode === '--child') {
  const { default: pook } = await import('pook');
  for (let i = 0; i < Number(arg); i++) Module._cache[`/project/node_modules/package-${i}/lib/file-${i}.js`] = { exports: {} };
  for (let i = 0; i < 20_000; i++) {
    pook.activate();
    pook.disable();
  }
  const start = performance.now();
  for (let i = 0; i < 50_000; i++) {
    pook.activate();
    pook.disable();
  }
  process.stdout.write((((performance.now() - start) * 1000) / 50_000).toFixed(2));
} else {
  const counts = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [0, 100, 1_000, 3_000];
  console.log('| modules loaded | µs per activate() + disable() |\n|---|---|');
  for (const count of counts) {
    console.log(
      `| ${count.toLocaleString('en')} | ${execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', String(count)], { encoding: 'utf8' })} |`,
    );
  }
  console.log(`\nNode ${process.version}.`);
}
