// A CommonJS mocha suite written for nock: scope options (reqheaders),
// basicAuth, a string body, persist, twice, replyWithError.
const assert = require('node:assert/strict');
const pook = require('pook'); // nock 15 is an ES module
pook.activate();

describe('tokens', () => {
  let client;
  before(async () => {
    client = await import('./client.mjs');
  });
  afterEach(pook.reset);

  it('posts the client credentials as a form, with basic auth', async () => {
    const scope = pook.origin('https://auth.test').post('/oauth/token').body('grant_type=client_credentials&client_id=app').header('content-type', /x-www-form-urlencoded/).header('Authorization', 'Basic YXBwOnMzY3JldA==').reply(200, { json: { access_token: 'abc' } }).mock;
    assert.equal(await client.getToken('app', 's3cret'), 'abc');
    scope.assertCalled(1);
  });

  it('answers twice, then no more', async () => {
    const scope = pook.origin('https://auth.test').post('/oauth/token').times(2).reply(200, { json: { access_token: 'again' } }).mock;
    assert.equal(await client.getToken('app', 'x'), 'again');
    assert.equal(scope.isDone(), false);
    assert.equal(await client.getToken('app', 'x'), 'again');
    scope.assertCalled(2);
    await assert.rejects(client.getToken('app', 'x'));
  });

  it('keeps answering when persisted', async () => {
    pook.origin('https://auth.test').post('/oauth/token').persist().reply(200, { json: { access_token: 'p' } });
    for (let i = 0; i < 3; i++) assert.equal(await client.getToken('app', 'x'), 'p');
  });

  it('fails on a reset connection', async () => {
    pook.origin('http://status.test').get('/health').error('socket hang up');
    await assert.rejects(client.health('http://status.test'), /socket hang up/);
  });
});
