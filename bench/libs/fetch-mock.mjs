// fetch-mock 12: routes on the global fetch (mockGlobal). It replaces fetch only.
import fetchMock from 'fetch-mock';
import { BODY, ORIGIN } from '../fixture.mjs';

export const library = { name: 'fetch-mock', package: 'fetch-mock' };

const FETCH_ONLY = 'fetch-mock replaces fetch only; node:http is not intercepted';
export const unsupported = { http: FETCH_ONLY, axios: FETCH_ONLY };

export const history = {
  on: true,
  off: 'fetch-mock records every call in callHistory; it cannot be turned off (clearHistory() empties it)',
  capped: 'fetch-mock has no history cap',
};

export async function start(paths) {
  fetchMock.mockGlobal();
  for (const path of paths) fetchMock.route(`${ORIGIN}${path}`, { status: 200, body: BODY }, { method: 'get' });
}

export async function stop() {
  fetchMock.removeRoutes();
  fetchMock.clearHistory();
  fetchMock.unmockGlobal();
}

export function recorded() {
  return fetchMock.callHistory.calls().length;
}

export async function lifecycle(paths, request) {
  fetchMock.mockGlobal();
  for (const path of paths) fetchMock.route(`${ORIGIN}${path}`, { status: 200, body: BODY }, { method: 'get', repeat: 1 });
  for (const path of paths) await request(path);
  fetchMock.removeRoutes();
  fetchMock.clearHistory();
  fetchMock.unmockGlobal();
}
