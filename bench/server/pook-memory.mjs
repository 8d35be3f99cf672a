// bench/server.mjs, server-memory: a pook server (`serve()` of pook/server,
// what `pook serve` runs) with a history limit and one persistent mock, in
// a process of its own started with --expose-gc. Sends its port over IPC,
// then answers each 'sample' message with its memory after a full GC.
import { serve } from 'pook/server';

const historyLimit = Number(process.argv[2]);
const server = await serve({ port: 0, historyLimit });
const [mock] = server.add({ method: 'GET', path: '/items/0', persist: true, reply: 200, responseJson: [{ id: 1, name: 'ada' }] });
process.on('message', (message) => {
  if (message !== 'sample') return;
  globalThis.gc();
  globalThis.gc();
  const { rss, heapUsed } = process.memoryUsage();
  process.send({ rss, heapUsed, calls: mock.calls, history: mock.matches.length });
});
process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
process.on('disconnect', () => server.close().then(() => process.exit(0)));
process.send({ port: server.port });
