// Cold start in a fresh process: `node bench/cold.mjs <lib>`. Imports the
// library's adapter (and so the library), activates it and registers one
// mock, then reports the time since the process started (performance.now()
// counts from process start) and the part spent importing and registering.
// The floor adapter loads no mocking library: its figure is Node's own start-up.
const name = process.argv[2];
const t0 = performance.now();
const lib = await import(`./libs/${name}.mjs`);
const imported = performance.now();
await lib.start(['/users/0']);
const ready = performance.now();
process.stdout.write(
  `${JSON.stringify({ ok: true, result: { readyMs: ready, importMs: imported - t0, registerMs: ready - imported, libraryMs: ready - t0 } })}\n`,
);
// No stop(): the process ends here, as a test process would.
process.exit(0);
