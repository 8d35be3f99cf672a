// msw's setupServer (Node), as its docs show it: request handlers with HttpResponse.json.
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { BODY, ORIGIN } from '../fixture.mjs';

export const library = { name: 'msw', package: 'msw' };

export const unsupported = {};

export const history = {
  on: 'msw keeps no request history (it emits life-cycle events instead)',
  off: true,
  capped: 'n/a: msw keeps no request history',
};

const handler = (path, options) => http.get(`${ORIGIN}${path}`, () => HttpResponse.json(BODY), options);

let server;

export async function start(paths) {
  server = setupServer(...paths.map((path) => handler(path)));
  server.listen({ onUnhandledRequest: 'error' });
}

export async function stop() {
  server?.close();
  server = undefined;
}

export function recorded() {
  return 0;
}

// A test file creates its server once; each test adds handlers with use()
// and drops them with resetHandlers(). The cycle still listens and closes, as
// the scenario asks for activation and disabling in every cycle. Created on
// first use, so that other scenarios (cold start) do not pay for it.
let lifecycleServer;

export async function lifecycle(paths, request) {
  lifecycleServer ??= setupServer();
  lifecycleServer.listen({ onUnhandledRequest: 'error' });
  lifecycleServer.use(...paths.map((path) => handler(path, { once: true })));
  for (const path of paths) await request(path);
  lifecycleServer.resetHandlers();
  lifecycleServer.close();
}
