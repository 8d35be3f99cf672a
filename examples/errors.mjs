// docs/errors.md, runnable: the no-match report, the error classes and their
// codes, and how each HTTP client surfaces a pook error.
import assert from 'node:assert/strict';
import http from 'node:http';
import axios from 'axios';
import got from 'got';
import nodeFetch from 'node-fetch';
import pook, { isPookError, PookError, PookInvalidArgumentError, PookInvalidBodyError, PookNoMatchesError } from 'pook';
import superagent from 'superagent';

function check(label, actual, expected) {
  assert.deepEqual(actual, expected, label);
  console.log(`  ok  ${label}: ${JSON.stringify(actual)}`);
}

pook.activate();

console.log('# the no-match report');
pook.get('https://api.test/users').header('Accept', 'application/json').reply(200).json([]);
pook.post('https://api.test/users').json({ name: 'ada' }).reply(201);
pook.get('https://api.test/teams').reply(200);
pook.get('https://api.test/health').reply(204);

const failure = await fetch('https://api.test/users?page=2', { headers: { Accept: 'text/html' } }).catch((error) => error);
const report = failure.cause;
console.log(report.message.replace(/^/gm, '  | '));
assert.ok(report instanceof PookNoMatchesError);
check('the three closest mocks are shown', report.message.includes('closest 3 of 4; pook.debug() shows all'), true);
check('expected vs actual', report.message.includes('✗ header "accept": expected "application/json", got "text/html"'), true);

console.log('\n# the same data, structured');
check('error.request', `${report.request.method} ${report.request.url.href}`, 'GET https://api.test/users?page=2');
const closest = report.candidates[0];
check('closest mock', closest.mock.label, 'GET https://api.test/users');
check('its verdict and distance', [closest.summary, closest.distance, closest.state, closest.failures], ['matches except for header "accept"', 2, 'evaluated', 1]);
check('where it was defined', [closest.mock.definedAt.file.endsWith('examples/errors.mjs'), closest.mock.definedAt.line, closest.mock.definedAt.column], [true, 19, 6]);
check(
  'its failed expectations',
  closest.results.filter((result) => !result.pass).map(({ expectation, expected, actual }) => ({ expectation, expected, actual })),
  [{ expectation: 'header "accept"', expected: 'application/json', actual: 'text/html' }],
);

console.log('\n# pook.debug(): every mock in the report, and a log line per decision on stderr');
pook.debug();
const all = await fetch('https://api.test/nowhere').catch((error) => error.cause);
check('all 4 mocks listed', all.candidates.length, 4);
check('no "closest 3" note', all.message.includes('closest 3'), false);
pook.debug(false);

console.log('\n# error classes and codes');
check('PookNoMatchesError', [report.name, report.code, report instanceof PookError, isPookError(report)], ['PookNoMatchesError', 'POOK_NO_MATCH', true, true]);
try {
  pook.get('api.test/x').times(0);
} catch (error) {
  assert.ok(error instanceof PookInvalidArgumentError);
  check('PookInvalidArgumentError', [error.name, error.code, error.argument], ['PookInvalidArgumentError', 'POOK_INVALID_ARGUMENT', 'times']);
  console.log(`      message: ${error.message}`);
}
try {
  void new pook.PookRequest({ method: 'POST', url: 'http://api.test/', body: 'not json' }).json;
} catch (error) {
  assert.ok(error instanceof PookInvalidBodyError);
  check('PookInvalidBodyError', [error.name, error.code], ['PookInvalidBodyError', 'POOK_INVALID_BODY']);
  console.log(`      message: ${error.message}`);
}

console.log('\n# how each client surfaces a no-match');
pook.reset();
const url = 'http://api.test/missing';

const viaFetch = await fetch(url).catch((error) => error);
check('fetch: TypeError("fetch failed"), cause = pook error', [viaFetch.name, viaFetch.message, viaFetch.cause.code], ['TypeError', 'fetch failed', 'POOK_NO_MATCH']);

const viaHttp = await new Promise((resolve) => http.get(url).on('error', resolve));
check("node:http: 'error' event with the pook error", [viaHttp.name, viaHttp.code], ['PookNoMatchesError', 'POOK_NO_MATCH']);

const viaAxios = await axios.get(url).catch((error) => error);
check('axios: an AxiosError, code and cause from pook', [axios.isAxiosError(viaAxios), viaAxios.code, viaAxios.cause.name], [true, 'POOK_NO_MATCH', 'PookNoMatchesError']);

const viaGot = await got(url, { retry: { limit: 0 } }).catch((error) => error);
check('got: RequestError, code and cause from pook', [viaGot.name, viaGot.code, viaGot.cause.name], ['RequestError', 'POOK_NO_MATCH', 'PookNoMatchesError']);

const viaNodeFetch = await nodeFetch(url).catch((error) => error);
check('node-fetch: FetchError of type "system", code from pook', [viaNodeFetch.name, viaNodeFetch.type, viaNodeFetch.code], ['FetchError', 'system', 'POOK_NO_MATCH']);

const viaSuperagent = await superagent.get(url).catch((error) => error);
check('superagent: the pook error itself', [viaSuperagent.name, viaSuperagent.code], ['PookNoMatchesError', 'POOK_NO_MATCH']);

// Imported here, not at the top: the line numbers above are part of the report.
const { default: ky } = await import('ky');
const { request: undiciRequest, stream: undiciStream, fetch: undiciFetch } = await import('undici');

const viaKy = await ky(url, { retry: 0 }).catch((error) => error);
check('ky: TypeError("fetch failed") from fetch, cause = pook error', [viaKy.name, viaKy.message, viaKy.cause.code], ['TypeError', 'fetch failed', 'POOK_NO_MATCH']);

const viaUndiciRequest = await undiciRequest(url).catch((error) => error);
check('undici.request: the pook error itself', [viaUndiciRequest.name, viaUndiciRequest.code], ['PookNoMatchesError', 'POOK_NO_MATCH']);

const viaUndiciStream = await undiciStream(url, { method: 'GET' }, () => process.stdout).catch((error) => error);
check('undici.stream: the pook error itself', [viaUndiciStream.name, viaUndiciStream.code], ['PookNoMatchesError', 'POOK_NO_MATCH']);

const viaUndiciFetch = await undiciFetch(url).catch((error) => error);
check('undici.fetch: TypeError("fetch failed"), cause = pook error', [viaUndiciFetch.name, viaUndiciFetch.message, viaUndiciFetch.cause.code], ['TypeError', 'fetch failed', 'POOK_NO_MATCH']);

check('every one was recorded as unmatched', pook.unmatched(), 10);

pook.off();
console.log('\nerrors: all examples passed');
