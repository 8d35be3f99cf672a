// bench/server.mjs: a mockttp server in a process of its own, with the
// scenario's rules; prints its port.
import { getLocal } from 'mockttp';

const count = Number(process.argv[2]);
const server = getLocal();
await server.start(0);
const body = JSON.stringify([{ id: 1, name: 'ada' }]);
// mockttp sends no Content-Length of its own: without one, the response ends
// with the connection and keep-alive is impossible. Given, as pook sends it.
const headers = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
for (let i = 0; i < count; i++) await server.forGet(`/items/${i}`).always().thenReply(200, body, headers);
console.log(`port ${server.port}`);
process.on('SIGTERM', () => server.stop().then(() => process.exit(0)));
