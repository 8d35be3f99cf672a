// docs/mocks.md, runnable: how requests are matched, every matcher, and
// times / persist / FIFO. Every claim is an assertion; run with `node examples/mocks.mjs`.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axios from 'axios';
import pook from 'pook';

/** The status fetch got, or 'no match' when pook rejected the request. */
async function status(url, init) {
  try {
    const response = await fetch(url, init);
    await response.arrayBuffer();
    return response.status;
  } catch (error) {
    if (error.cause?.code === 'POOK_NO_MATCH') return 'no match';
    throw error;
  }
}

function section(title) {
  pook.reset(); // flush the previous section's mocks; pook stays active
  console.log(`\n# ${title}`);
}

function check(label, actual, expected) {
  assert.deepEqual(actual, expected, label);
  console.log(`  ok  ${label}: ${JSON.stringify(actual)}`);
}

pook.activate();

// ── URL ────────────────────────────────────────────────────────────────
section('url');
pook.get('api.test/users').times(2).reply(200); // no scheme: http and https, any port
check('no scheme, http', await status('http://api.test/users'), 200);
check('no scheme, https', await status('https://api.test/users'), 200);

pook.get('https://api.test/users').reply(200); // a scheme must be equal
check('https mock, http request', await status('http://api.test/users'), 'no match');

pook.get('api.test:8080/users').times(2).reply(200); // a port must be equal
check('port 8080', await status('http://api.test:8080/users'), 200);
check('port 80', await status('http://api.test/users'), 'no match');

pook.get('https://api.test:443/').reply(200); // 443 is the effective port of https
check('https default port', await status('https://api.test/'), 200);

section('url path');
pook.get('api.test').reply(200); // no path: any path
check('no path, any path', await status('http://api.test/any/thing'), 200);
pook.get('api.test/users').persist().reply(200); // a path is exact
check('exact path', await status('http://api.test/users'), 200);
check('trailing slash counts', await status('http://api.test/users/'), 'no match');
check('case counts', await status('http://api.test/Users'), 'no match');

section('url query and RegExp');
pook.get('api.test/search?q=pook').persist().reply(200); // a query in the URL matches like params()
check('query present', await status('http://api.test/search?q=pook&page=2'), 200);
check('query missing', await status('http://api.test/search'), 'no match');

pook.get(/^https:\/\/api\.test\/users\/\d+$/).reply(200); // a RegExp is tested against the full URL
check('RegExp url', await status('https://api.test/users/42'), 200);
pook.get(pook.regex('API\\.TEST/items')).reply(200); // pook.regex(): case-insensitive by default
check('pook.regex', await status('http://api.test/items'), 200);

// ── regex strings ──────────────────────────────────────────────────────
section('regex strings (Python pook)');
pook.get('re/^https://api\\.test/users/\\d+$/').reply(200); // the whole URL, as a RegExp
check('re/…/ url', await status('https://api.test/users/42'), 200);
pook.mock('api.test').path('re/^/teams/\\d+$/').header('Accept', 're/json/').param('page', 're/^\\d+$/').persist().reply(200);
check('re/…/ path, header, param', await status('http://api.test/teams/7?page=2', { headers: { Accept: 'application/json' } }), 200);
check('case counts, as in Python', await status('http://api.test/teams/7?page=2', { headers: { Accept: 'APPLICATION/JSON' } }), 'no match');
pook.post('api.test/ids').body('re/(?i)"ID":\\s*\\d+/').reply(201); // (?i): Python's inline flag
check('re/…/ body, (?i)', await status('http://api.test/ids', { method: 'POST', body: '{"id": 42}' }), 201);
assert.throws(() => pook.get('api.test').header('Accept', 're/[/'), { code: 'POOK_INVALID_ARGUMENT', argument: 'header "Accept"' });
console.log('  ok  a pattern that does not compile: PookInvalidArgumentError at definition');

// ── method and path ────────────────────────────────────────────────────
section('method and path');
pook.mock('api.test/users', { method: 'put' }).reply(204); // case-insensitive
check('method', await status('http://api.test/users', { method: 'PUT' }), 204);
pook.mock('api.test').method('*').path(/^\/users\/\d+$/).persist().reply(200); // '*' = any method
check('path RegExp, DELETE', await status('http://api.test/users/7', { method: 'DELETE' }), 200);
check('path RegExp, other path', await status('http://api.test/teams/7'), 'no match');
pook.get({ path: '/status' }).reply(200); // a path on any host (pook.get('/status') throws: no host)
check('path only, any host', await status('https://other.test/status'), 200);
assert.throws(() => pook.get('/status'), { code: 'POOK_INVALID_ARGUMENT', argument: 'url' });
pook.mock('api.test').path('//a/b').reply(200); // a path, never a host: //a/b is not a.test's /b
check('path //a/b', await status('http://api.test//a/b'), 200);
assert.throws(() => pook.mock('api.test').path('/a?b=1'), { code: 'POOK_INVALID_ARGUMENT', argument: 'path' });
assert.throws(() => pook.mock('api.test', { method: 'GE T' }), { code: 'POOK_INVALID_ARGUMENT', argument: 'method' });
console.log('  ok  a path with a query, a method that is no HTTP token: PookInvalidArgumentError');

// ── headers ────────────────────────────────────────────────────────────
section('headers');
pook
  .get('api.test/me')
  .header('authorization', /^Bearer /) // name case-insensitive, value exact or RegExp
  .headers({ 'X-Api-Version': '2' })
  .headerPresent('X-Request-Id')
  .headersPresent(['Accept'])
  .headerAbsent('Cookie')
  .persist()
  .reply(200);
const goodHeaders = { Authorization: 'Bearer t0k3n', 'x-api-version': '2', 'X-Request-Id': 'r1' };
check('all headers hold', await status('http://api.test/me', { headers: goodHeaders }), 200);
check('value is case-sensitive', await status('http://api.test/me', { headers: { ...goodHeaders, Authorization: 'bearer t0k3n' } }), 'no match');
check('absent header present', await status('http://api.test/me', { headers: { ...goodHeaders, Cookie: 'a=1' } }), 'no match');

section('default headers of fetch');
// A fetch request carries the headers undici adds on the wire, so header
// matchers see what a real server would.
pook.get('api.test/ua').header('user-agent', 'node').header('accept', '*/*').reply(200);
check('user-agent and accept', await status('http://api.test/ua'), 200);

section('content type');
pook.post('api.test/form').type('form').reply(200); // aliases: json xml html text form urlencoded
check('type(form)', await status('http://api.test/form', { method: 'POST', body: new URLSearchParams({ a: '1' }) }), 200);
pook.post('api.test/json').type('json').reply(200); // no parameters: charset etc. ignored
check('type(json)', await status('http://api.test/json', { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{}' }), 200);

// ── query params ───────────────────────────────────────────────────────
section('query params');
pook.get('api.test/q').param('page', '2').persist().reply(200); // a string: exactly one, equal value
check('page=2', await status('http://api.test/q?page=2&extra=ignored'), 200);
check('page=2&page=3', await status('http://api.test/q?page=2&page=3'), 'no match');

section('query params: arrays, RegExp, numbers');
pook.get('api.test/tags').params({ tag: ['a', 'b'] }).persist().reply(200); // string[]: those values, in order
check('tag=a&tag=b', await status('http://api.test/tags?tag=a&tag=b'), 200);
check('tag=b&tag=a', await status('http://api.test/tags?tag=b&tag=a'), 'no match');
pook.get('api.test/ids').param('id', /^\d+$/).persist().reply(200); // RegExp: every value must match
check('id=1&id=2', await status('http://api.test/ids?id=1&id=2'), 200);
check('id=1&id=x', await status('http://api.test/ids?id=1&id=x'), 'no match');
pook.get('api.test/n').param('limit', 10).reply(200); // numbers and booleans compare as text
check('limit=10', await status('http://api.test/n?limit=10'), 200);

section('paramExists');
pook.get('api.test/t').paramExists('token').persist().reply(200);
check('token=abc', await status('http://api.test/t?token=abc'), 200);
check('token= (empty)', await status('http://api.test/t?token='), 'no match');
pook.get('api.test/e').paramExists('debug', true).reply(200); // allowEmpty
check('?debug', await status('http://api.test/e?debug'), 200);

section('exact query');
pook.get('api.test/list').query({ page: '2' }).persist().reply(200); // these parameters, no other
check('?page=2', await status('http://api.test/list?page=2'), 200);
check('?page=2&debug=1', await status('http://api.test/list?page=2&debug=1'), 'no match');
pook.get('api.test/plain').query({}).reply(200); // {}: no query at all
check('{} and ?x=1', await status('http://api.test/plain?x=1'), 'no match');
check('{} and no query', await status('http://api.test/plain'), 200);

// ── origin and path ────────────────────────────────────────────────────
section('origin and path');
const api = pook.origin('https://api.test');
api.get('/').persist().reply(200); // the root path, exactly
check('origin / and /', await status('https://api.test/'), 200);
check('origin / and /users', await status('https://api.test/users'), 'no match');
pook.get('https://api.test').reply(200); // a URL without a path: any path
check('URL without a path and /users', await status('https://api.test/users'), 200);
const v1 = pook.origin('https://api.test/v1'); // a base path comes before every path
v1.post('/users', { json: { name: 'ada' } }).reply(201);
check('base path', await status('https://api.test/v1/users', { method: 'POST', body: '{"name":"ada"}' }), 201);
api.get(/^\/users\/\d+$/).reply(200); // a RegExp is tested against the whole path
check('RegExp path', await status('https://api.test/users/7'), 200);

// ── bodies ─────────────────────────────────────────────────────────────
section('body');
pook.post('api.test/raw').body('a=1&b=2').reply(200); // exact text (or Uint8Array bytes)
check('exact body', await status('http://api.test/raw', { method: 'POST', body: 'a=1&b=2' }), 200);
pook.post('api.test/raw').body(/"id":\s*\d+/).reply(200); // RegExp searched in the text
check('body RegExp', await status('http://api.test/raw', { method: 'POST', body: '{"id": 12}' }), 200);

section('json');
pook.post('api.test/users').json({ name: 'ada', tags: ['x', 'y'] }).persist().reply(201);
const post = (body) => status('http://api.test/users', { method: 'POST', body: JSON.stringify(body) });
check('key order ignored', await post({ tags: ['x', 'y'], name: 'ada' }), 201);
check('array order counts', await post({ name: 'ada', tags: ['y', 'x'] }), 'no match');
check('extra key fails', await post({ name: 'ada', tags: ['x', 'y'], admin: true }), 'no match');
pook.post('api.test/text').json('{"ok": true}').reply(200); // a string is parsed first
check('json string', await status('http://api.test/text', { method: 'POST', body: '{ "ok":true }' }), 200);
pook.post('api.test/re').json(/"ok":true/).reply(200); // a RegExp is tested against the raw text
check('json RegExp', await status('http://api.test/re', { method: 'POST', body: '{"ok":true}' }), 200);

section('form');
pook.post('api.test/token').form({ grant_type: 'client_credentials', scope: ['read', 'write'] }).persist().reply(200);
const token = (fields) => status('http://api.test/token', { method: 'POST', body: new URLSearchParams(fields) });
check('form fields, any order', await token([['scope', 'read'], ['grant_type', 'client_credentials'], ['scope', 'write']]), 200);
check('form with an extra field', await token([['grant_type', 'client_credentials'], ['scope', 'read'], ['scope', 'write'], ['debug', '1']]), 'no match');

section('jsonSchema');
pook
  .post('api.test/orders')
  .jsonSchema({
    type: 'object',
    required: ['sku', 'quantity'],
    properties: { sku: { type: 'string' }, quantity: { type: 'integer', minimum: 1 } },
  })
  .persist()
  .reply(201);
const order = (body) => status('http://api.test/orders', { method: 'POST', body: JSON.stringify(body) });
check('valid order', await order({ sku: 'A-1', quantity: 2 }), 201);
check('invalid order', await order({ sku: 'A-1', quantity: 0 }), 'no match');

section('xml');
pook.post('api.test/xml').xml('<user id="1"><name>ada</name><role>admin</role></user>').persist().reply(200);
const xml = (body) => status('http://api.test/xml', { method: 'POST', body });
check('sibling order and whitespace ignored', await xml('<user id="1">\n  <role>admin</role>\n  <name>ada</name>\n</user>'), 200);
check('attributes count', await xml('<user id="2"><name>ada</name><role>admin</role></user>'), 'no match');

section('file');
const dir = mkdtempSync(join(tmpdir(), 'pook-example-'));
const upload = join(dir, 'upload.bin');
writeFileSync(upload, new Uint8Array([0, 1, 2, 255]));
pook.put('api.test/upload').file(upload).reply(204); // the file is read now, at definition time
check('file bytes', await status('http://api.test/upload', { method: 'PUT', body: new Uint8Array([0, 1, 2, 255]) }), 204);

// ── custom matchers, filter, map, callback ─────────────────────────────
section('custom matchers');
const isAdmin = (req) => req.headers.get('x-role') === 'admin'; // boolean…
const hasTrace = {
  // …or an object with match(), returning a MatchResult with a reason for the report
  name: 'trace id',
  match: (req) => ({ pass: req.headers.has('x-trace-id'), expectation: 'trace id', expected: 'present', actual: req.headers.get('x-trace-id') ?? 'absent' }),
};
pook.get('api.test/admin').use(isAdmin, hasTrace).persist().reply(200);
check('both matchers hold', await status('http://api.test/admin', { headers: { 'x-role': 'admin', 'x-trace-id': 't' } }), 200);
check('one fails', await status('http://api.test/admin', { headers: { 'x-role': 'user', 'x-trace-id': 't' } }), 'no match');

section('filter, map, callback');
const seen = [];
pook
  .get('api.test/v2/users')
  .filter((req) => req.client === 'fetch') // false: this mock silently skips the request
  .map((req) => req.with({ url: req.url.href.replace('/v1/', '/v2/') })) // what this mock then matches
  .callback((req) => seen.push(req.url.pathname)) // after every match
  .persist()
  .reply(200);
check('mapped /v1 -> /v2', await status('http://api.test/v1/users'), 200);
check('callback saw', seen, ['/v2/users']);
const viaAxios = await axios.get('http://api.test/v2/users').then((r) => r.status, (e) => e.code);
check('filter skips axios (client "http")', viaAxios, 'POOK_NO_MATCH');

// ── options object ─────────────────────────────────────────────────────
section('options object');
pook.post('api.test/items', {
  headers: { 'content-type': /json/ },
  json: { name: 'pen' },
  times: 2,
  reply: 201,
  responseJson: { id: 1, name: 'pen' },
});
const item = await fetch('http://api.test/items', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"pen"}' });
check('options-object mock', [item.status, await item.json()], [201, { id: 1, name: 'pen' }]);
assert.throws(() => pook.get('api.test', { tims: 2 }), { code: 'POOK_INVALID_ARGUMENT', argument: 'tims' });
console.log('  ok  unknown option key: PookInvalidArgumentError naming "tims"');

// ── times, persist, FIFO ───────────────────────────────────────────────
section('times, persist, FIFO');
pook.get('api.test/fifo').times(2).reply(200).body('first');
pook.get('api.test/fifo').reply(200).body('second');
const text = async (url) => (await fetch(url)).text();
check('FIFO', [await text('http://api.test/fifo'), await text('http://api.test/fifo'), await text('http://api.test/fifo')], ['first', 'first', 'second']);
check('all expired', await status('http://api.test/fifo'), 'no match');

const always = pook.get('api.test/health').persist().reply(200).mock;
check('isDone before a call (persist)', always.isDone(), false);
await status('http://api.test/health');
await status('http://api.test/health');
check('persisted: calls', always.calls, 2);
check('isDone / isMatched', [always.isDone(), always.isMatched()], [true, true]);
check('matches', always.matches.map((req) => `${req.method} ${req.url.href}`), ['GET http://api.test/health', 'GET http://api.test/health']);

section('pending and unmatched');
const later = pook.get('api.test/later').reply(200).mock;
check('pending()', pook.pending(), 1);
check('isPending()', pook.isPending(), true);
check('pendingMocks()', pook.pendingMocks().map((mock) => mock.label), [later.label]);
await status('http://api.test/nothing-here');
check('unmatched()', pook.unmatched(), 1);
check('unmatchedRequests()', pook.unmatchedRequests().map((req) => req.url.pathname), ['/nothing-here']);
check('isDone()', pook.isDone(), false);

// ── history limit ──────────────────────────────────────────────────────
section('history limit');
pook.configure({ historyLimit: 2 }); // the global engine and every use() scope opened after
const busy = pook.get('api.test/busy').persist().reply(200).mock;
for (const n of [1, 2, 3]) await status(`http://api.test/busy?n=${n}`);
check('calls counts every match', busy.calls, 3);
check('matches keeps the last two', busy.matches.map((req) => req.url.search), ['?n=2', '?n=3']);
pook.engine().historyLimit = 0; // this engine only: record nothing
await status('http://api.test/busy?n=4');
check('historyLimit 0: no history, calls still counted', [busy.matches.length, busy.calls], [0, 4]);
pook.configure({ historyLimit: Infinity }); // back to the default: complete history

// ── PookRequest ────────────────────────────────────────────────────────
section('PookRequest');
const request = new pook.PookRequest({ method: 'post', url: 'https://api.test/users?tag=a&tag=b', headers: { 'Content-Type': 'application/json' }, body: '{"a":1}' });
check('method', request.method, 'POST');
check('query', { ...request.query }, { tag: ['a', 'b'] });
check('text / json', [request.text, request.json], ['{"a":1}', { a: 1 }]);
check('headers', request.headers.get('content-type'), 'application/json');
check('with()', request.with({ method: 'PUT' }).method, 'PUT');
assert.throws(() => request.headers.set('x-changed', '1'), TypeError);
console.log('  ok  headers are read-only: use request.with({ headers })');
assert.throws(() => new pook.PookRequest({ method: 'GET', url: 'http://api.test/' }).json, { code: 'POOK_INVALID_BODY' });
console.log('  ok  json of an empty body: PookInvalidBodyError');

pook.off();
console.log('\nmocks: all examples passed');
