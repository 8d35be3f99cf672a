// docs/record-and-replay.md, runnable: record real traffic into a HAR file,
// replay it with the server gone and networking off, and see the no-match
// report when the code changes its request. The "real API" is a server on
// the loopback interface (127.0.0.1); no other host is ever contacted.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pook from 'pook';
import { loadHar, record, withCassette } from 'pook/har';

const server = http.createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ path: req.url, users: ['ann', 'bob'] }));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const api = `http://127.0.0.1:${server.address().port}`;
const file = join(mkdtempSync(join(tmpdir(), 'pook-example-')), 'users.har');

function check(label, actual, expected) {
  assert.deepEqual(actual, expected, label);
  console.log(`  ok  ${label}: ${JSON.stringify(actual)}`);
}

// 1. Record: requests no mock matches go to the real server (networking on
//    for 127.0.0.1) and each exchange is kept, secrets redacted.
pook.activate();
pook.enableNetwork('127.0.0.1');
const recorder = record({ zeroTimings: true });
const live = await (await fetch(`${api}/users?page=1`, { headers: { authorization: 'Bearer s3cret' } })).json();
await recorder.save(file);
recorder.stop();
check('recorded live', live, { path: '/users?page=1', users: ['ann', 'bob'] });
check('the token is not in the file', readFileSync(file, 'utf8').includes('s3cret'), false);

// 2. Replay: networking off, the server closed. The HAR's entries are mocks.
pook.reset();
pook.disableNetwork();
server.close();
const mocks = loadHar(file);
const replayed = await (await fetch(`${api}/users?page=1`, { headers: { authorization: 'Bearer other' } })).json();
check('replayed offline', replayed, live);
check('every entry used', mocks.every((mock) => mock.isDone()), true);

// 3. The code changes its request: pook explains which entry came closest and why.
pook.reset();
loadHar(file);
try {
  await fetch(`${api}/users?page=2`);
  assert.fail('expected the changed request to fail');
} catch (error) {
  check('the changed request fails closed', error.cause.code, 'POOK_NO_MATCH');
  console.log(error.cause.message);
}
pook.reset();

// 4. The same in one call: a cassette (replay by default; POOK_RECORD=missing records what is missing).
const users = await withCassette(file, async () => (await fetch(`${api}/users?page=1`)).json());
check('cassette replay', users, live);

pook.disable();
console.log('record-and-replay: all examples passed');
