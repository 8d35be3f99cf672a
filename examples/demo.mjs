// The pook demo: `npm run demo`.
//
// Mocks a small users API, calls it with the global fetch and with axios
// (which runs on node:http), then makes a call no mock matches and prints the
// error pook gives for it. Everything happens in this process: the hosts end
// in `.test`, no socket is opened and no name is resolved.
import assert from 'node:assert/strict';
import axios from 'axios';
import pook from 'pook';

const API = 'https://api.pook.test';
const show = (value) => JSON.stringify(value);
const indent = (text, by = '     ') => text.split('\n').map((line) => (line === '' ? line : by + line)).join('\n');

console.log(`pook demo on Node ${process.version}: every answer below comes from a mock, inside this process.\n`);

// Importing pook patches nothing; interception starts here.
pook.activate();

// 1. Declare the mocks.
const users = [
  { id: 1, name: 'ada' },
  { id: 2, name: 'grace' },
];
pook
  .get(`${API}/users`)
  .persist() // answer every GET, not just the first
  .reply(200)
  .json(users);

pook
  .post(`${API}/users`)
  .header('Content-Type', /^application\/json/)
  .json({ name: 'linus' }) // the request body must be this JSON
  .persist()
  .reply(201)
  .header('Location', `${API}/users/3`)
  .json({ id: 3, name: 'linus' });

console.log('1. mocks');
for (const mock of pook.engine().mocks) console.log(`   ${mock.label}`);

// 2. Call them with fetch.
console.log('\n2. fetch');
const list = await fetch(`${API}/users`);
console.log(`   GET  /users -> ${list.status} ${list.headers.get('content-type')} ${show(await list.json())}`);

const created = await fetch(`${API}/users`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ name: 'linus' }),
});
console.log(`   POST /users -> ${created.status} location=${created.headers.get('location')} ${show(await created.json())}`);

// 3. The same mocks answer axios, which goes through node:http.
console.log('\n3. axios');
const axiosList = await axios.get(`${API}/users`);
console.log(`   GET  /users -> ${axiosList.status} ${show(axiosList.data)}`);
const axiosCreated = await axios.post(`${API}/users`, { name: 'linus' });
console.log(`   POST /users -> ${axiosCreated.status} ${show(axiosCreated.data)}`);

// 4. A call no mock matches fails: fetch rejects with TypeError('fetch failed')
//    whose `cause` is the pook error that explains the miss.
console.log('\n4. a request no mock matches');
try {
  await fetch(`${API}/users`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'guido' }),
  });
  assert.fail('the unmocked request should have failed');
} catch (error) {
  assert.ok(error instanceof TypeError);
  assert.ok(pook.isPookError(error.cause));
  console.log(`   fetch rejected with ${error.name}: ${error.message}`);
  console.log(`   error.cause is ${error.cause.name} (code ${error.cause.code}):\n`);
  console.log(indent(error.cause.message));
}

// 5. What pook recorded.
console.log('\n5. state');
console.log(`   mocks done: ${pook.isDone()}, pending: ${pook.pending()}, unmatched requests: ${pook.unmatched()}`);
for (const mock of pook.engine().mocks) console.log(`   ${mock.label}: ${mock.calls} calls`);
assert.equal(pook.unmatched(), 1);
assert.equal(pook.isDone(), true);

// Put every patched global back.
pook.off();
console.log('\ndemo finished: fetch and node:http are restored.');
