// A mocha suite written for nock: scopes, query, matchHeader, reply with
// headers, several interceptors on one scope, scope.done() and isDone().
import assert from 'node:assert/strict';
import pook from 'pook';
import { createIssue, listRepos } from './client.mjs';

pook.activate();

const API = 'https://api.github.test';

describe('repos', () => {
  before(() => pook.disableNetwork());
  afterEach(() => pook.reset());

  it('lists the repos of a user', async () => {
    const scope = pook.origin(API).get('/users/ada/repos').query({ page: '2' }).header('authorization', 'token t0k3n').reply(200, [{ name: 'engine' }], { 'X-Total': '1' }).mock;
    const repos = await listRepos('ada', { token: 't0k3n', page: 2 });
    assert.deepEqual(repos, [{ name: 'engine' }]);
    scope.assertCalled(1);
  });

  it('retries on a 503', async () => {
    const scope = pook.origin(API);
    scope.get('/users/ada/repos').query({ page: '1' }).reply(503);
    scope.get('/users/ada/repos').query({ page: '1' }).reply(200, []);
    assert.deepEqual(await listRepos('ada', { page: 1, retries: 1 }), []);
    assert.ok(pook.isDone());
    pook.assertDone();
  });

  it('does not answer a request with another query', async () => {
    pook.origin(API).get('/users/ada/repos').query({ page: '1' }).reply(200, []);
    await assert.rejects(listRepos('ada', { page: 5 }));
    assert.equal(pook.isDone(), false);
  });

  it('creates an issue', async () => {
    pook.origin(API).post('/repos/ada/engine/issues').json({ title: 'bug' }).reply(201, { json: { number: 7, title: 'bug' } }, { Location: '/repos/ada/engine/issues/7' });
    const issue = await createIssue('ada/engine', 'bug');
    assert.deepEqual(issue, { number: 7, title: 'bug', location: '/repos/ada/engine/issues/7' });
    assert.ok(pook.isDone());
  });
});
