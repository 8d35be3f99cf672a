// docs/server.md, runnable: a mock server for another process. The test
// (this script) starts `pook serve`, starts the app under test in a child
// process pointed at the server instead of the third-party API, and mocks
// that API remotely with the in-process DSL (pook/remote).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { connect } from 'pook/remote';

/** Starts a child process and resolves with the first URL it prints. */
async function start(args, env = {}) {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8');
  for await (const chunk of child.stdout) {
    out += chunk;
    const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
    if (url !== undefined) return { child, url };
  }
  throw new Error(`no URL printed: ${out}`);
}

// 1. The mock server: what `npx pook serve --port 0` does.
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const server = await start([cli, 'serve', '--port', '0', '--quiet']);

// 2. The app under test, in a process of its own: it calls the users API at $USERS_API.
const appScript = fileURLToPath(new URL('../test/fixtures/server/app/app.mjs', import.meta.url));
const app = await start([appScript], { USERS_API: server.url });
try {

  // 3. The test mocks the third-party API remotely, with pook's DSL.
  const remote = connect(server.url);
  await remote.get().path('/users/7').header('Accept', 'application/json').reply(200).json({ id: 7, name: 'Ada' });

  const greeting = await (await fetch(`${app.url}/profile/7`)).text();
  assert.equal(greeting, 'Hello, Ada!');
  console.log(`  ok  the app in another process got the mocked user: ${JSON.stringify(greeting)}`);

  await remote.assertDone(); // the mock was called, as in-process

  // A call nobody mocked: the server answers the app 501 (the app answers 502), and the test sees why.
  assert.equal((await fetch(`${app.url}/profile/8`)).status, 502);
  const [miss] = await remote.unmatched();
  assert.equal(miss.request.url.endsWith('/users/8'), true);
  assert.equal(miss.nearMisses[0].summary, 'expired after 1 call (times(1)); otherwise matches except for path');
  console.log(`  ok  the unmatched call is recorded with its near miss: ${miss.nearMisses[0].summary}`);

} finally {
  for (const { child } of [app, server]) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}
console.log('server: all examples passed');
