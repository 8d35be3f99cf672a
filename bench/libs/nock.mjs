// nock, as its README shows it (nock 14+ intercepts fetch as well as node:http).
import nock from 'nock';
import { BODY, ORIGIN } from '../fixture.mjs';

export const library = { name: 'nock', package: 'nock' };

export const unsupported = {};

export const history = {
  on: 'nock keeps no history of the requests its interceptors answered',
  off: true,
  capped: 'n/a: nock keeps no request history',
};

/** nock activates itself on import; start() only makes sure it is active. */
export async function start(paths) {
  if (!nock.isActive()) nock.activate();
  nock.disableNetConnect();
  const scope = nock(ORIGIN).persist();
  for (const path of paths) scope.get(path).reply(200, BODY);
}

export async function stop() {
  nock.cleanAll();
  nock.restore();
  nock.enableNetConnect();
}

export function recorded() {
  return 0;
}

export async function lifecycle(paths, request) {
  if (!nock.isActive()) nock.activate();
  nock.disableNetConnect();
  const scope = nock(ORIGIN);
  for (const path of paths) scope.get(path).reply(200, BODY);
  for (const path of paths) await request(path);
  nock.cleanAll();
  nock.restore();
}
