// docs/engines.md, runnable: the Engine, use() scopes, activate(fn),
// engine-level filter/map, custom interceptors and setMockEngine().
import assert from 'node:assert/strict';
import http from 'node:http';
import pook, { Engine, FetchInterceptor, HttpInterceptor, Mock, PookRequest } from 'pook';

function check(label, actual, expected) {
  assert.deepEqual(actual, expected, label);
  console.log(`  ok  ${label}: ${JSON.stringify(actual)}`);
}
async function status(url, init) {
  try {
    return (await fetch(url, init)).status;
  } catch (error) {
    return error.cause?.code ?? error.message;
  }
}

const realFetch = globalThis.fetch;

console.log('# an Engine of your own');
const engine = new Engine({ interceptors: () => [new FetchInterceptor()] });
const mock = engine.addMock(new Mock({ url: 'api.test/ping', method: 'GET', reply: 204 }));
engine.activate();
check('answered by the engine', await status('http://api.test/ping'), 204);
check('mock.calls', mock.calls, 1);
check('engine.match() without an interceptor', engine.match(new PookRequest({ method: 'GET', url: 'http://api.test/other' })), undefined);
engine.disable();
check('disable() restores fetch exactly', globalThis.fetch === realFetch, true);

console.log('\n# activate(fn): activate, run, then disable() and reset()');
const test = pook.activate(async () => {
  pook.get('api.test/users').reply(200).json([{ id: 1 }]);
  const response = await fetch('http://api.test/users');
  return response.json();
});
check('returns what fn returned', await test(), [{ id: 1 }]);
check('inactive and empty afterwards', [pook.isActive(), pook.engine().mocks.length], [false, 0]);

console.log('\n# use(): an isolated engine until disposed');
pook.activate();
pook.get('api.test/global').persist().reply(200);
const scope = pook.use(); // with `using scope = pook.use()` (Node 24+ / TypeScript) dispose is automatic
check('module calls act on the scope', pook.engine() === scope.engine, true);
check('the global mocks are not visible', await status('http://api.test/global'), 'POOK_NO_MATCH');
pook.get('api.test/scoped').reply(200);
check('scope mocks answer', await status('http://api.test/scoped'), 200);
scope.dispose();
check('after dispose the global engine is back', await status('http://api.test/global'), 200);

const result = await pook.use(async (scoped) => {
  pook.get('api.test/inside').reply(201);
  return [await status('http://api.test/inside'), scoped.mocks.length];
});
check('use(fn) returns fn result', result, [201, 1]);
await assert.rejects(
  pook.use(async () => {
    throw new Error('boom');
  }),
  /boom/,
);
check('…and restores the engine when fn throws', await status('http://api.test/global'), 200);

console.log('\n# engine-level filter and map');
pook.reset(); // also flushes engine filters and mappers
const current = pook.engine();
current.map((req) => req.with({ url: req.url.href.replace('//staging.api.test', '//api.test') }));
current.filter((req) => req.url.pathname !== '/telemetry');
pook.get('api.test/users').persist().reply(200);
check('mapped host', await status('http://staging.api.test/users'), 200);
pook.get('api.test/telemetry').reply(200);
const rejected = await fetch('http://api.test/telemetry').catch((error) => error.cause);
check('filtered: unmatched, even though a mock fits', [rejected.code, rejected.message.includes('rejected by an engine filter')], ['POOK_NO_MATCH', true]);

console.log('\n# a custom interceptor');
// A client pook does not know: an object whose send() would talk to some server.
const toy = {
  async send(method, url) {
    throw new Error(`toy client: no real network in this example (${method} ${url})`);
  },
};
// The interceptor adapts it: call -> PookRequest -> engine.handle() -> outcome.
function toyInterceptor() {
  let original;
  return {
    name: 'toy',
    activate(handler) {
      if (original) return; // idempotent
      original = toy.send;
      toy.send = async (method, url) => {
        const outcome = await handler.handle(new PookRequest({ method, url, client: 'toy' }));
        if (outcome.type === 'error') throw outcome.error;
        if (outcome.type === 'passthrough') return original.call(toy, method, url);
        const { status, headers, body } = outcome.response;
        const chunks = [];
        if (body instanceof Uint8Array) chunks.push(body);
        else if (body !== null) for await (const chunk of body) chunks.push(chunk);
        return { status, headers, text: Buffer.concat(chunks).toString() };
      };
    },
    disable() {
      if (!original) return;
      toy.send = original;
      original = undefined;
    },
  };
}
pook.engine().addInterceptor(toyInterceptor()); // activated at once: the engine is active
pook.get('toy.test/hello').filter((req) => req.client === 'toy').reply(200).body('hi from a mock');
check('the toy client is mocked', (await toy.send('GET', 'http://toy.test/hello')).text, 'hi from a mock');
pook.reset(); // rebuilds the interceptors from the factory: an added one is gone
await assert.rejects(toy.send('GET', 'http://toy.test/hello'), /toy client: no real network/);
console.log('  ok  reset() removed the added interceptor');

console.log('\n# setMockEngine(factory): the interceptors of every engine from now on');
pook.setMockEngine(() => [new FetchInterceptor(), new HttpInterceptor(), toyInterceptor()]);
pook.get('toy.test/again').reply(200).body('still mocked');
check('the factory installed it', (await toy.send('GET', 'http://toy.test/again')).text, 'still mocked');
pook.reset();
check('and it survives reset()', pook.engine().interceptors.map((interceptor) => interceptor.name), ['fetch', 'http', 'toy']);

// Only fetch: node:http is no longer intercepted (a loopback server shows it).
pook.setMockEngine(() => [new FetchInterceptor()]);
const server = http.createServer((_req, res) => res.end('real'));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
const viaHttp = await new Promise((resolve, reject) => {
  http.get(`http://127.0.0.1:${port}/`, (res) => {
    let body = '';
    res.on('data', (data) => (body += data));
    res.on('end', () => resolve(body));
  }).on('error', reject);
});
check('node:http reaches the real server', viaHttp, 'real');
check('fetch is still intercepted', await status(`http://127.0.0.1:${port}/`), 'POOK_NO_MATCH');
server.close();

// Back to the default interceptors.
pook.setMockEngine(() => [new FetchInterceptor(), new HttpInterceptor()]);
pook.off();
console.log('\nengines: all examples passed');
