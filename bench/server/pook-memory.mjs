// bench/server.mjs, server-memory: a server in a process of its own started
// with --expose-gc. `pook`: a pook server (`serve()` of pook/server, what
// `pook serve` runs) with a history limit and one persistent mock; `node`:
// a plain node:http server sending the same response, the control that
// shows what Node itself does with the same load. Sends its port over IPC,
// then answers each 'sample' message with its memory after a full GC.
import http from 'node:http';

const [kind, limit] = process.argv.slice(2);
const BODY = JSON.stringify([{ id: 1, name: 'ada' }]);
let port;
let close;
let counts = () => ({ calls: 0, history: 0 });
if (kind === 'pook') {
  const { serve } = await import('pook/server');
  const server = await serve({ port: 0, historyLimit: Number(limit) });
  const [mock] = server.add({ method: 'GET', path: '/items/0', persist: true, reply: 200, responseJson: JSON.parse(BODY) });
  port = server.port;
  close = () => server.close();
  counts = () => ({ calls: mock.calls, history: mock.matches.length });
} else {
  let calls = 0;
  const server = http.createServer((_req, res) => {
    calls++;
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) });
    res.end(BODY);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = server.address().port;
  close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    });
  counts = () => ({ calls, history: 0 });
}
process.on('message', (message) => {
  if (message !== 'sample') return;
  globalThis.gc();
  globalThis.gc();
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  process.send({ rss, heapUsed, heapTotal, external, arrayBuffers, ...counts() });
});
const stop = () => close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('disconnect', stop);
process.send({ port });
