// A real server's failure, let through by pook, reaches every client as it
// would without pook (docs/networking.md, "When the server fails"): the
// fault contract (faults.ts) for every client that needs no DOM.

import http from 'node:http';
import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axiosAdapter, fetchAdapter, gotAdapter, kyAdapter, nodeFetchAdapter, superagentAdapter } from '../helpers/adapters.js';
import { type ChildRun, runTs } from '../helpers/child.js';
import { FAULTS, type FaultServer, startFaultServer } from '../helpers/fault-server.js';
import { nodeHttpAdapter } from '../helpers/node-http-client.js';
import { TLS_CLIENT_OPTIONS } from '../helpers/servers.js';
import { closeDispatchers, undiciAdapter } from '../helpers/undici-client.js';
import { adapterClient, describePassthroughFaults, FAULT_TIMEOUT, nodeHttpClient } from './faults.js';

afterAll(() => closeDispatchers());

describePassthroughFaults([
  nodeHttpClient('http.get', http, 'get'),
  nodeHttpClient('http.request', http, 'request'),
  nodeHttpClient('http.request with a keep-alive agent', http, 'request', () => ({ agent: new http.Agent({ keepAlive: true }) })),
  nodeHttpClient('https.get', https, 'get', () => ({ ...TLS_CLIENT_OPTIONS })),
  ...[
    nodeHttpAdapter('new http.ClientRequest', http, 'ClientRequest'),
    nodeHttpAdapter('https.request', https, 'request', () => ({ ...TLS_CLIENT_OPTIONS })),
    fetchAdapter,
    undiciAdapter('request', 'global'),
    undiciAdapter('stream', 'global'),
    undiciAdapter('fetch', 'global'),
    undiciAdapter('request', 'agent'),
    undiciAdapter('fetch', 'pool'),
    axiosAdapter,
    gotAdapter,
    nodeFetchAdapter,
    superagentAdapter,
    kyAdapter,
  ].map(adapterClient),
]);

// Whether the process survives: a request with no 'error' listener, in a
// fresh process each, without pook and through pook.
describe('a request nobody listens to for errors', () => {
  let servers: FaultServer[] = [];
  beforeAll(async () => {
    servers = [await startFaultServer('http'), await startFaultServer('https')];
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });

  // Every fault over http; over https the issue's own case (the relay is the same code).
  const cases = [...FAULTS.map((fault) => ['http', fault] as const), ['https', 'close-mid-body'] as const];
  for (const [protocol, fault] of cases) {
    it(`${protocol}.get, ${fault}: the process lives or dies as without pook, with the same events`, async () => {
      const server = servers[protocol === 'http' ? 0 : 1]!;
      const env = { FAULT_URL: server.url(fault), ...(fault === 'stall' && { TIMEOUT: String(FAULT_TIMEOUT) }) };
      const [without, through] = await Promise.all([
        runTs('fault-no-listener.ts', { ...env, POOK: 'off' }),
        runTs('fault-no-listener.ts', { ...env, POOK: 'on' }),
      ]);
      const outcome = (run: ChildRun) => ({ code: run.code, events: JSON.parse(run.stdout) as string[], uncaught: /Unhandled 'error' event/.test(run.stderr) });
      expect(outcome(through)).toEqual(outcome(without));
      // The issue's own case: a server that closes mid-body leaves the process alive.
      if (fault === 'close-mid-body') expect(through.code).toBe(0);
    });
  }
});
