// docs/responses.md, runnable: status, headers, bodies (text, JSON, XML,
// files, streams), dynamic replies, delays and errors.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axios from 'axios';
import pook from 'pook';

function check(label, actual, expected) {
  assert.deepEqual(actual, expected, label);
  console.log(`  ok  ${label}: ${JSON.stringify(actual)}`);
}

pook.activate();

console.log('# status, headers, body');
pook
  .get('api.test/report')
  .reply(200)
  .status(203) // replaces the status given to reply()
  .header('Set-Cookie', 'a=1') // header() appends…
  .header('Set-Cookie', 'b=2')
  .headers({ 'Cache-Control': 'no-store', 'X-Tag': ['x', 'y'] }) // an array adds one header per value
  .set('X-Request-Id', 'first')
  .set('x-request-id', 'second') // …set() replaces
  .type('text') // aliases: json xml html text form urlencoded
  .body('hello');
const report = await fetch('http://api.test/report');
check('status', report.status, 203);
check('set-cookie', report.headers.getSetCookie(), ['a=1', 'b=2']);
check('x-tag', report.headers.get('x-tag'), 'x, y');
check('x-request-id', report.headers.get('x-request-id'), 'second');
check('content-type', report.headers.get('content-type'), 'text/plain');
check('content-length (added for byte bodies)', report.headers.get('content-length'), '5');
check('body', await report.text(), 'hello');

console.log('\n# defaults');
pook.get('api.test/empty').reply();
const empty = await fetch('http://api.test/empty');
check('status 200, empty body', [empty.status, await empty.text()], [200, '']);

console.log('\n# json, xml, file');
pook.get('api.test/user').reply(200).json({ id: 1, name: 'ada' });
const user = await fetch('http://api.test/user');
check('json sets application/json', [user.headers.get('content-type'), await user.json()], ['application/json', { id: 1, name: 'ada' }]);

pook.get('api.test/feed').reply(200).type('application/atom+xml').xml('<feed/>'); // a Content-Type already set is kept
const feed = await fetch('http://api.test/feed');
check('xml keeps a set type', [feed.headers.get('content-type'), await feed.text()], ['application/atom+xml', '<feed/>']);

const dir = mkdtempSync(join(tmpdir(), 'pook-example-'));
const fixture = join(dir, 'user.json');
writeFileSync(fixture, '{"id":2}');
pook.get('api.test/fixture').reply(200).type('json').file(fixture); // read now, when the mock is defined
check('file', await (await fetch('http://api.test/fixture')).json(), { id: 2 });

console.log('\n# streamed bodies');
async function* chunks() {
  yield 'one,';
  yield 'two,';
  yield new TextEncoder().encode('three');
}
pook.get('api.test/stream').reply(200).type('text').body(chunks()); // sent chunk by chunk
const stream = await fetch('http://api.test/stream');
const received = [];
for await (const chunk of stream.body) received.push(new TextDecoder().decode(chunk));
check('chunks arrive one by one', received, ['one,', 'two,', 'three']);
check('a streamed response is chunked, as a real server frames it', stream.headers.get('transfer-encoding'), 'chunked');

// A stream can be read once: a second request to the same mock fails.
pook.get('api.test/once').times(2).reply(200).body(chunks());
await (await fetch('http://api.test/once')).text();
const second = await fetch('http://api.test/once').catch((error) => error.cause);
check('second send of a stream', second.code, 'POOK_INVALID_ARGUMENT');
// For a fresh stream per request, use reply(fn).
pook.get('api.test/fresh').persist().reply(() => ({ headers: { 'content-type': 'text/plain' }, body: chunks() }));
check('reply(fn) stream, 1st', await (await fetch('http://api.test/fresh')).text(), 'one,two,three');
check('reply(fn) stream, 2nd', await (await fetch('http://api.test/fresh')).text(), 'one,two,three');

// Streamed over node:http, the response is chunked.
pook.get('api.test/chunked').reply(200).body(['a', 'b', 'c']);
const chunked = await new Promise((resolve, reject) => {
  http.get('http://api.test/chunked', (res) => {
    let body = '';
    res.on('data', (data) => (body += data));
    res.on('end', () => resolve([res.headers['transfer-encoding'], body]));
  }).on('error', reject);
});
check('node:http sees chunked encoding', chunked, ['chunked', 'abc']);

console.log('\n# one-call replies');
pook.get('api.test/one/users').reply(200, { json: [{ id: 1 }], headers: { 'X-Total': '1' } }); // response options
const one = await fetch('http://api.test/one/users');
check('options: status, type, header, body', [one.status, one.headers.get('content-type'), one.headers.get('x-total'), await one.json()], [200, 'application/json', '1', [{ id: 1 }]]);
pook.get('api.test/one/text').reply(200, 'ok', { 'Content-Type': 'text/plain' }); // a string: text
pook.get('api.test/one/list').reply(200, [1, 2]); // an array (number, boolean, null): JSON
pook.get('api.test/one/missing').reply(404, { json: { error: 'not found' } }, { 'X-Trace': 't1' });
const text = await fetch('http://api.test/one/text');
check('value: a string is text', [text.headers.get('content-type'), await text.text()], ['text/plain', 'ok']);
const list = await fetch('http://api.test/one/list');
check('value: an array is JSON', [list.headers.get('content-type'), await list.json()], ['application/json', [1, 2]]);
const missing = await fetch('http://api.test/one/missing');
check('options, then headers', [missing.status, missing.headers.get('x-trace'), await missing.json()], [404, 't1', { error: 'not found' }]);
assert.throws(() => pook.get('api.test/one/trap').reply(200, { id: 1 }), /unknown response option "id".*reply\(status, \{ json: … \}\)/);
console.log('  ok  reply(200, { id: 1 }) throws: an object meant as JSON is written { json: … }');

console.log('\n# dynamic replies: reply(fn)');
let nextId = 10;
pook
  .post('api.test/users')
  .persist()
  .reply((req) => ({ status: 201, headers: { Location: `/users/${nextId}` }, json: { id: nextId++, ...req.json } }));
const created = await axios.post('http://api.test/users', { name: 'ada' });
check('axios gets the computed reply', [created.status, created.headers.location, created.data], [201, '/users/10', { id: 10, name: 'ada' }]);
const again = await fetch('http://api.test/users', { method: 'POST', body: '{"name":"grace"}' });
check('…and fetch the next one', await again.json(), { id: 11, name: 'grace' });

pook.get('api.test/web').reply(async () => new Response('made by a Response', { status: 202, headers: { 'X-From': 'Response' } }));
const web = await fetch('http://api.test/web');
check('a WHATWG Response', [web.status, web.headers.get('x-from'), await web.text()], [202, 'Response', 'made by a Response']);

console.log('\n# redirects');
pook.get('api.test/old').reply(301).header('Location', '/new');
pook.get('api.test/new').reply(200).body('moved');
const moved = await fetch('http://api.test/old');
check('fetch follows a mocked redirect', [moved.status, moved.url, moved.redirected, moved.type, await moved.text()], [200, 'http://api.test/new', true, 'basic', 'moved']);
pook.get('api.test/away').reply(302).header('Location', 'http://other.test/there');
pook.get('other.test/there').reply(200).body('elsewhere');
const away = await fetch('http://api.test/away');
check("type is 'cors' once a redirect left the first origin", away.type, 'cors');
const immutable = (() => {
  try {
    away.headers.set('x-changed', '1');
    return 'changed';
  } catch (error) {
    return `${error.name}: ${error.message}`;
  }
})();
check('the headers of a mocked fetch Response are immutable', immutable, 'TypeError: immutable');

console.log('\n# delay');
pook.get('api.test/slow').delay(150).reply(200);
const started = Date.now();
await fetch('http://api.test/slow');
const elapsed = Date.now() - started;
assert.ok(elapsed >= 140, `took ${elapsed} ms`);
console.log(`  ok  response after >= 150 ms (${elapsed >= 140})`);

console.log('\n# errors');
pook.get('api.test/reset').error('socket hang up'); // a string becomes an Error
const failed = await fetch('http://api.test/reset').catch((error) => error);
check('fetch: TypeError, cause is the error', [failed.name, failed.message, failed.cause.message], ['TypeError', 'fetch failed', 'socket hang up']);
const custom = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
pook.get('api.test/refused').error(custom);
const refused = await axios.get('http://api.test/refused').catch((error) => error);
check('axios: wraps it like a network error', [refused.code, refused.cause === custom], ['ECONNREFUSED', true]);

console.log('\n# options object');
pook.get('api.test/opts', {
  reply: 200,
  responseHeaders: { 'X-Api': 'v2' },
  responseType: 'json',
  responseBody: '{"from":"options"}', // or responseJson / responseXml / responseFile
});
const opts = await fetch('http://api.test/opts');
check('response keys', [opts.headers.get('x-api'), await opts.json()], ['v2', { from: 'options' }]);

console.log('\n# definition-time validation');
assert.throws(() => pook.get('api.test').reply(600), { code: 'POOK_INVALID_ARGUMENT', argument: 'reply' });
assert.throws(() => pook.get('api.test').reply().header('X-Bad', 'a\r\nb'), { code: 'POOK_INVALID_ARGUMENT' });
assert.throws(() => pook.get('api.test').reply().json({ big: 1n }), { code: 'POOK_INVALID_ARGUMENT', argument: 'json' });
assert.throws(() => pook.get('api.test').reply().file('/no/such/file'), { code: 'POOK_INVALID_ARGUMENT', argument: 'file' });
assert.throws(() => pook.get('api.test').reply(103), { code: 'POOK_INVALID_ARGUMENT', argument: 'reply' });
assert.throws(() => pook.get('api.test').reply().header('X-Snow', '☃'), { code: 'POOK_INVALID_ARGUMENT', argument: 'header "X-Snow"' });
console.log('  ok  bad status (a 1xx too), header, JSON and file fail where the mock is written');

pook.off();
console.log('\nresponses: all examples passed');
