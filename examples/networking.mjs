// docs/networking.md, runnable: real networking mode. A real server on the
// loopback interface (127.0.0.1) stands in for "the network"; no other host
// is ever contacted.
import assert from 'node:assert/strict';
import http from 'node:http';
import axios from 'axios';
import pook from 'pook';

const server = http.createServer((req, res) => {
  res.setHeader('content-type', 'text/plain');
  res.end(`real server: ${req.method} ${req.url}`);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
const real = `http://127.0.0.1:${port}`;

/** What fetch got: the body text, or the pook error code when pook refused. */
async function call(url) {
  try {
    return await (await fetch(url)).text();
  } catch (error) {
    return error.cause?.code ?? error.message;
  }
}
function check(label, actual, expected) {
  assert.deepEqual(actual, expected, label);
  console.log(`  ok  ${label}: ${JSON.stringify(actual)}`);
}

pook.activate();

console.log('# off by default: unmatched requests fail, even to a server that is up');
check('networking flag', pook.engine().networking, false);
check('unmatched, networking off', await call(`${real}/a`), 'POOK_NO_MATCH');

console.log('\n# enableNetwork(): every unmatched request goes to the network');
pook.enableNetwork();
pook.get(`${real}/mocked`).reply(200).body('from a mock');
check('a mock still wins', await call(`${real}/mocked`), 'from a mock');
check('unmatched fetch passes', await call(`${real}/b`), 'real server: GET /b');
check('unmatched axios passes', (await axios.get(`${real}/c`)).data, 'real server: GET /c');

console.log('\n# enableNetwork(hosts): only to these hosts');
pook.reset(); // flushes mocks and filters, keeps the networking flag
pook.enableNetwork('localhost'); // a hostname string, exact…
check('127.0.0.1 is not "localhost"', await call(`${real}/d`), 'POOK_NO_MATCH');
pook.enableNetwork(/^127\./); // …or a RegExp on the hostname; hosts accumulate
check('RegExp accepts 127.0.0.1', await call(`${real}/e`), 'real server: GET /e');

pook.flushNetworkFilters();
pook.enableNetwork('127.0.0.1:1'); // "host:port" compares the port too
check('wrong port', await call(`${real}/f`), 'POOK_NO_MATCH');
pook.enableNetwork(`127.0.0.1:${port}`);
check('right port', await call(`${real}/g`), 'real server: GET /g');

console.log('\n# useNetworkFilter(fn): a request passes when any filter returns true');
pook.flushNetworkFilters();
pook.useNetworkFilter((req) => req.url.pathname.startsWith('/public/'));
check('accepted by the filter', await call(`${real}/public/h`), 'real server: GET /public/h');
check('rejected by every filter', await call(`${real}/private/i`), 'POOK_NO_MATCH');

console.log('\n# disableNetwork(): off again, filters kept');
pook.disableNetwork();
check('blocked', await call(`${real}/public/j`), 'POOK_NO_MATCH');
pook.enableNetwork();
check('filters were kept', await call(`${real}/private/k`), 'POOK_NO_MATCH');

console.log('\n# unmatched requests are recorded, passed or blocked (since the last reset)');
check(
  'unmatchedRequests()',
  pook.unmatchedRequests().map((req) => `${req.client} ${req.url.pathname}`),
  ['/d', '/e', '/f', '/g', '/public/h', '/private/i', '/public/j', '/private/k'].map((path) => `fetch ${path}`),
);
/** The paths of the requests an assertion lists, or 'passed'. */
function listed(assertion) {
  try {
    assertion();
    return 'passed';
  } catch (error) {
    return error.requests.map((req) => req.url.pathname);
  }
}
check('assertNoUnmatched() lists them all', listed(() => pook.assertNoUnmatched()).length, 8);
check(
  'assertNoUnmatched({ passedThrough: false }): only the blocked ones',
  listed(() => pook.assertNoUnmatched({ passedThrough: false })),
  ['/d', '/f', '/private/i', '/public/j', '/private/k'],
);

console.log('\n# an engine filter makes a request unmatched; the networking rule still applies');
pook.reset(); // networking stays on; every filter is flushed
pook.engine().filter((req) => req.url.pathname !== '/skip-mocks');
pook.get(`${real}/skip-mocks`).reply(200).body('from a mock');
check('no mock tried, sent to the network', await call(`${real}/skip-mocks`), 'real server: GET /skip-mocks');
check('and recorded', pook.unmatched(), 1);

console.log('\n# use({ network: true }): a scope with networking on');
pook.off();
await pook.use(async () => {
  check('in the scope', await call(`${real}/scoped`), 'real server: GET /scoped');
  check('recorded in the scope', pook.unmatched(), 1);
}, { network: true });

server.close();
console.log('\nnetworking: all examples passed');
