// pook, through its public API as a user writes it (the package's own name
// resolves to dist/ through the exports map: run `npm run build` first).
import pook from 'pook';
import { BODY, ORIGIN } from '../fixture.mjs';

export const library = { name: 'pook', package: 'pook' };

/** Scenarios this library cannot run, with the reason (none for pook). */
export const unsupported = {};

/** Request-history modes: true, or why not. */
export const history = {
  on: true,
  off: true,
  capped: true,
};

/** The cap of the `capped` mode: `pook.configure({ historyLimit })`. */
const CAP = 100;

let mocks = [];

/** Activates interception (networking off) with one persistent mock per path. */
export async function start(paths, { history: mode = 'on' } = {}) {
  pook.configure({ historyLimit: mode === 'off' ? 0 : mode === 'capped' ? CAP : Number.POSITIVE_INFINITY });
  pook.activate();
  mocks = paths.map((path) => pook.get(`${ORIGIN}${path}`).persist().reply(200).json(BODY).mock);
}

/** Removes the mocks and every patch. */
export async function stop() {
  pook.off();
  mocks = [];
}

/** Requests recorded in the history of the mocks registered by start(). */
export function recorded() {
  return mocks.reduce((sum, mock) => sum + mock.calls, 0);
}

/** One test's lifecycle: activate, register a mock per path, request each, reset, disable. */
export async function lifecycle(paths, request) {
  pook.activate();
  for (const path of paths) pook.get(`${ORIGIN}${path}`).reply(200).json(BODY);
  for (const path of paths) await request(path);
  pook.reset();
  pook.disable();
}
