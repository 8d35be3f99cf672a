// undici's MockAgent installed as the global dispatcher: Node's global fetch
// goes through it. node:http does not use undici's dispatcher at all.
import { getGlobalDispatcher, MockAgent, setGlobalDispatcher } from 'undici';
import { BODY, ORIGIN } from '../fixture.mjs';

export const library = { name: 'MockAgent', package: 'undici' };

const NOT_HTTP = "MockAgent replaces undici's dispatcher; node:http (and axios's http adapter) never goes through it";
export const unsupported = { http: NOT_HTTP, axios: NOT_HTTP };

export const history = {
  on: true,
  off: true,
  capped: 'n/a: MockAgent call history has no cap (it is off by default)',
};

const JSON_HEADERS = { headers: { 'content-type': 'application/json' } };
let agent;
let previous;

export async function start(paths, options = {}) {
  previous = getGlobalDispatcher();
  agent = new MockAgent({ enableCallHistory: options.history === 'on' });
  agent.disableNetConnect();
  setGlobalDispatcher(agent);
  const pool = agent.get(ORIGIN);
  for (const path of paths) pool.intercept({ path, method: 'GET' }).reply(200, BODY, JSON_HEADERS).persist();
}

export async function stop() {
  setGlobalDispatcher(previous);
  await agent?.close();
  agent = undefined;
}

export function recorded() {
  return agent?.getCallHistory()?.calls().length ?? 0;
}

export async function lifecycle(paths, request) {
  const before = getGlobalDispatcher();
  const mockAgent = new MockAgent();
  mockAgent.disableNetConnect();
  setGlobalDispatcher(mockAgent);
  const pool = mockAgent.get(ORIGIN);
  for (const path of paths) pool.intercept({ path, method: 'GET' }).reply(200, BODY, JSON_HEADERS);
  for (const path of paths) await request(path);
  setGlobalDispatcher(before);
  await mockAgent.close();
}
