// docs/when-nothing-matches.md, runnable: every output quoted on that page
// is printed by this script (run it from the repository root with
// `npm run build && node examples/when-nothing-matches.mjs`), and each claim
// is asserted. Hosts end in `.test`: nothing leaves the process.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import axios from 'axios';
import pook, { PookCallCountError, PookNoMatchesError, PookPendingMocksError, PookUnmatchedRequestsError } from 'pook';

const section = (title) => console.log(`\n===== ${title}`);
const failureOf = (promise) => promise.then(() => assert.fail('the request should have failed'), (error) => error);
function check(label, actual, expected) {
  assert.deepEqual(actual, expected, label);
  console.log(`  ok  ${label}: ${JSON.stringify(actual)}`);
}
function thrown(fn) {
  try {
    fn();
  } catch (error) {
    return error;
  }
  assert.fail('expected a throw');
}

if (process.argv[2] === '--node-debug-child') {
  // The child of the NODE_DEBUG=pook section below.
  pook.activate();
  pook.get('https://api.test/users').reply(200);
  await fetch('https://api.test/users');
  await fetch('https://api.test/teams').catch(() => {});
  process.exit(0);
}

pook.activate();

section('the report');
pook.get('https://api.test/users').reply(200).json([]);
pook.post('https://api.test/users').header('Authorization', /^Bearer /).json({ name: 'ada', address: { city: 'Paris' } }).reply(201);
pook.post('https://api.test/teams').json({ name: 'ada' }).reply(201);
pook.post('https://auth.test/token').reply(200);

const failure = await failureOf(
  fetch('https://api.test/users', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.payload.signature' },
    body: JSON.stringify({ name: 'ada', address: { city: 'Lyon', zip: '69001' } }),
  }),
);
const report = failure.cause;
assert.ok(report instanceof PookNoMatchesError);
console.log(report.message);

section('the same data, structured');
const [closest] = report.candidates;
console.log(
  inspect(
    {
      summary: closest.summary,
      distance: closest.distance,
      state: closest.state,
      failures: closest.failures,
      definedAt: { ...closest.mock.definedAt, file: '…/examples/when-nothing-matches.mjs' },
      failed: closest.results.filter((result) => !result.pass),
    },
    { depth: 5, breakLength: 100 },
  ),
);
check('every mock is a candidate', report.candidates.length, 4);
check('ranking', report.candidates.map((c) => [c.mock.label, c.distance]), [
  ['POST https://api.test/users', 4],
  ['GET https://api.test/users', 8],
  ['POST https://api.test/teams', 14],
  ['POST https://auth.test/token', 110],
]);

section('an expired mock');
pook.reset();
pook.get('https://api.test/token').reply(200).json({ token: 't1' });
await fetch('https://api.test/token');
console.log((await failureOf(fetch('https://api.test/token'))).cause.message);

section('a mock skipped by its filter');
pook.reset();
pook
  .get('https://api.test/users')
  .filter((request) => request.headers.get('x-tenant') === 'acme')
  .reply(200);
console.log((await failureOf(fetch('https://api.test/users', { headers: { 'x-tenant': 'globex' } }))).cause.message);

section('through axios');
pook.reset();
pook.post('https://api.test/users').json({ name: 'ada' }).reply(201);
const viaAxios = await failureOf(axios.post('https://api.test/users', { name: 'bob' }));
check('AxiosError code', viaAxios.code, 'POOK_NO_MATCH');
console.log(viaAxios.message);

section('pook.assertDone()');
pook.reset();
pook.get('https://api.test/users').header('Accept', 'application/json').param('page', '1').reply(200);
pook.post('https://api.test/users').json({ name: 'ada' }).times(2).reply(201);
pook.get('https://api.test/health').persist().reply(204);
await fetch('https://api.test/users', { method: 'POST', body: JSON.stringify({ name: 'ada' }) });
await failureOf(fetch('https://api.test/users?page=2', { headers: { Accept: 'application/json' } }));
const pending = thrown(() => pook.assertDone());
assert.ok(pending instanceof PookPendingMocksError);
console.log(pending.message);

section('pook.assertNoUnmatched()');
const unmatched = thrown(() => pook.assertNoUnmatched());
assert.ok(unmatched instanceof PookUnmatchedRequestsError);
console.log(unmatched.message);

section('mock.assertCalled()');
const health = pook.engine().mocks[2];
const notCalled = thrown(() => health.assertCalled());
assert.ok(notCalled instanceof PookCallCountError);
console.log(notCalled.message);

section('util.inspect(mock) and util.inspect(request)');
console.log(inspect(pook.engine().mocks[0]));
console.log(inspect(pook.unmatchedRequests()[0]));

section('pook.debug()');
pook.reset();
const logged = [];
const write = process.stderr.write;
process.stderr.write = (chunk) => { logged.push(String(chunk)); return true; };
try {
  pook.debug();
  pook.get('https://api.test/users').reply(200).json([]);
  pook.get('https://api.test/broken').error('connection reset');
  await fetch('https://api.test/users');
  await failureOf(fetch('https://api.test/broken'));
  await failureOf(fetch('https://api.test/users', { method: 'DELETE' }));
} finally {
  process.stderr.write = write;
  pook.debug(false);
}
process.stdout.write(logged.join(''));
check('one line per decision', logged.length, 4);

section('NODE_DEBUG=pook');
// NODE_DEBUG is read when Node starts: this script runs itself again with it
// (see the top of the file for what the child does).
const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--node-debug-child'], { env: { ...process.env, NODE_DEBUG: 'pook' }, encoding: 'utf8' });
check('the child ran', run.status, 0);
const nodeDebug = run.stderr;
process.stdout.write(nodeDebug.replace(/^POOK \d+:/gm, 'POOK <pid>:'));
check('two lines', nodeDebug.trimEnd().split('\n').length, 2);

section('engine events');
pook.reset();
const events = [];
const engine = pook.engine();
const listeners = {
  match: ({ request, mock }) => events.push(`match ${request.method} ${request.url.href} → ${mock.label}`),
  unmatched: ({ request, passthrough }) => events.push(`unmatched ${request.method} ${request.url.href} (passthrough: ${passthrough})`),
  error: ({ request, error }) => events.push(`error ${request.method} ${request.url.href}: ${error.name}`),
};
for (const [name, listener] of Object.entries(listeners)) engine.on(name, listener);
pook.get('https://api.test/users').reply(200);
await fetch('https://api.test/users');
await failureOf(fetch('https://api.test/teams'));
for (const [name, listener] of Object.entries(listeners)) engine.off(name, listener);
console.log(events.join('\n'));

section('your functions in a report');
pook.reset();
let tenantChecks = 0;
pook
  .get('https://api.test/users')
  .header('Accept', 'application/json')
  .use(function isAcme(request) {
    tenantChecks++;
    return request.headers.get('x-tenant') === 'acme';
  })
  .reply(200);
const notReached = await failureOf(fetch('https://api.test/users', { headers: { 'x-tenant': 'acme' } }));
console.log(notReached.cause.message);
check('the header failed first: isAcme was not called', tenantChecks, 0);
check('what the report lists as not evaluated', notReached.cause.candidates[0].notEvaluated, ['custom matcher isAcme']);
await failureOf(fetch('https://api.test/users', { headers: { accept: 'application/json', 'x-tenant': 'globex' } }));
check('called once, for the request that reached it; the report reused its answer', tenantChecks, 1);
thrown(() => pook.assertNoUnmatched());
check('the assertion reports call it no more', tenantChecks, 1);

// The sections below show how a report points at a difference; each prints
// the report from "Mocks tried" on (the request block above it is as before).
const fromMocks = (message) => message.slice(message.indexOf('Mocks tried'));

section('a long text body');
pook.reset();
const note = `${'Lorem ipsum dolor sit amet, '.repeat(8)}deliver at noon`;
pook.post('https://api.test/notes').body(note).reply(201);
const longMiss = await failureOf(fetch('https://api.test/notes', { method: 'POST', body: note.replace('noon', 'nine') }));
console.log(fromMocks(longMiss.cause.message));
check('the result keeps both bodies whole', longMiss.cause.candidates[0].results[2].actual.length, note.length);

section('a multi-line text body');
pook.reset();
const csv = ['id,name,role', '1,ada,admin', '2,grace,editor', '3,linus,viewer', '4,guido,viewer', '5,ken,viewer'];
pook.post('https://api.test/import').body(csv.join('\n')).reply(202);
const sentCsv = [...csv.slice(0, 3), '3,linus,editor', ...csv.slice(4), '6,dennis,viewer'];
const csvMiss = await failureOf(fetch('https://api.test/import', { method: 'POST', body: sentCsv.join('\n') }));
console.log(fromMocks(csvMiss.cause.message));

section('a binary body');
pook.reset();
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 40 }, (_, i) => (i * 37) & 0xff)]);
const sentPng = png.slice();
sentPng[21] = 0;
pook.put('https://api.test/avatar').body(png).reply(204);
const pngMiss = await failureOf(fetch('https://api.test/avatar', { method: 'PUT', headers: { 'content-type': 'image/png' }, body: sentPng }));
console.log(fromMocks(pngMiss.cause.message));
check('no U+FFFD in the report', pngMiss.cause.message.includes('\uFFFD'), false);

section('JSON Schema errors');
pook.reset();
pook
  .post('https://api.test/users')
  .jsonSchema({
    type: 'object',
    required: ['id', 'name'],
    additionalProperties: false,
    properties: {
      id: { type: 'integer' },
      name: { type: 'string' },
      role: { enum: ['admin', 'editor', 'viewer'] },
      tags: { type: 'array', items: { type: 'string' } },
    },
  })
  .reply(201);
const schemaMiss = await failureOf(
  fetch('https://api.test/users', { method: 'POST', body: JSON.stringify({ id: '7', role: 'owner', tags: ['a', 2], nickname: 'ada' }) }),
);
console.log(fromMocks(schemaMiss.cause.message));
check('each error is a difference', schemaMiss.cause.candidates[0].results[2].differences.map((d) => d.path), ['$.name', '$.nickname', '$.id', '$.role', '$.tags[1]']);

section('credentials a mock expects');
pook.reset();
pook.get('https://api.test/me').header('Authorization', 'Bearer sk_live_51HxQkP2eZvKYlo2C').reply(200);
const tokenMiss = await failureOf(fetch('https://api.test/me', { headers: { authorization: 'Bearer sk_live_51HxQkP2eZvKYlo2D' } }));
console.log(fromMocks(tokenMiss.cause.message));
console.log(thrown(() => pook.assertDone()).message);
check('the structured result keeps the full value', tokenMiss.cause.candidates[0].results[2].expected, 'Bearer sk_live_51HxQkP2eZvKYlo2C');

section('util.inspect(engine)');
pook.reset();
pook.get('https://api.test/users').reply(200);
pook.get('https://api.test/teams').persist().reply(200);
await fetch('https://api.test/users');
await failureOf(fetch('https://api.test/nowhere'));
pook.enableNetwork('localhost', /\.internal$/);
console.log(inspect(pook.engine()));
pook.disableNetwork();

section('a mock without a path');
pook.reset();
pook.get('https://api.test').header('Accept', 'application/json').reply(200); // no path: any path
const anyPath = await failureOf(fetch('https://api.test/users'));
console.log(anyPath.cause.message);
check('the report says the mock matches any path', anyPath.cause.message.includes('note: the URL has no path'), true);

pook.off();
console.log('\nwhen-nothing-matches: all examples passed');
