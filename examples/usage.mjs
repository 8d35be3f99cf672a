// README "Usage", runnable: the shape of a test that uses pook, without a
// test runner (each block below is what beforeEach / test / afterEach do).
import assert from 'node:assert/strict';
import axios from 'axios';
import pook from 'pook';

async function listUsers() {
  const response = await fetch('https://api.test/users?active=true', { headers: { Authorization: 'Bearer t0k3n' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

async function createUser(name) {
  const { data } = await axios.post('https://api.test/users', { name });
  return data;
}

// beforeEach
pook.activate();

// test 1: the code under test calls the API with fetch
pook
  .get('https://api.test/users')
  .param('active', 'true')
  .header('Authorization', /^Bearer /)
  .reply(200)
  .json([{ id: 1, name: 'ada' }]);
assert.deepEqual(await listUsers(), [{ id: 1, name: 'ada' }]);
assert.equal(pook.isDone(), true); // every mock was used
assert.equal(pook.isUnmatched(), false); // and nothing else was called
console.log('usage: listUsers() got the mocked list');

// afterEach
pook.off();

// test 2, with activate(fn): activates, runs, then always disables and resets
const test = pook.activate(async () => {
  pook.post('https://api.test/users', { json: { name: 'grace' }, reply: 201, responseJson: { id: 2, name: 'grace' } });
  assert.deepEqual(await createUser('grace'), { id: 2, name: 'grace' });
  assert.equal(pook.isDone(), true);
});
await test();
assert.equal(pook.isActive(), false);
console.log('usage: createUser() got the mocked reply');
console.log('usage: all examples passed');
