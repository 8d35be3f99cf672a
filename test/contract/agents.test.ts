// Keep-alive and custom agents: intercepted like any request while mocked,
// and the caller's own agent used for the real request in network mode.

import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import axios from 'axios';
import got from 'got';
import nodeFetch from 'node-fetch';
import superagent from 'superagent';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pook from '../../src/index.js';
import { nodeHttpAdapter } from '../helpers/node-http-client.js';
import { type EchoServer, startServer, TLS_CERT } from '../helpers/servers.js';

/** Counts the connections the agent opens itself. */
function counting<A extends http.Agent>(agent: A): A & { readonly created: number } {
  let created = 0;
  const createConnection = agent.createConnection.bind(agent);
  agent.createConnection = (...args: Parameters<http.Agent['createConnection']>) => {
    created++;
    return createConnection(...args);
  };
  return Object.defineProperty(agent, 'created', { get: () => created }) as A & { readonly created: number };
}

const agents: http.Agent[] = [];
function keepAliveAgent(): http.Agent & { readonly created: number } {
  const agent = counting(new http.Agent({ keepAlive: true }));
  agents.push(agent);
  return agent;
}

let server: EchoServer;
beforeEach(async () => {
  server = await startServer();
  pook.activate();
});
afterEach(async () => {
  pook.off();
  pook.disableNetwork();
  for (const agent of agents.splice(0)) agent.destroy();
  await server.close();
});

describe('mocked requests through custom agents', () => {
  it('intercepts requests through a keep-alive agent without opening a connection', async () => {
    const agent = keepAliveAgent();
    const client = nodeHttpAdapter('keep-alive', http, 'request', () => ({ agent }));
    pook.get(`${server.origin}/mocked`).times(3).reply(200).body('mocked');
    for (let i = 0; i < 3; i++) expect((await client.request({ url: `${server.origin}/mocked` })).body).toBe('mocked');
    expect(agent.created).toBe(0);
    expect(Object.keys(agent.sockets)).toEqual([]);
    expect(Object.keys(agent.freeSockets)).toEqual([]);
    expect(await server.settledConnections()).toBe(0);
  });

  it('intercepts requests with agent: false', async () => {
    const client = nodeHttpAdapter('agent: false', http, 'request', () => ({ agent: false }));
    pook.get(`${server.origin}/mocked`).times(2).reply(200).body('mocked');
    expect((await client.request({ url: `${server.origin}/mocked` })).body).toBe('mocked');
    expect((await client.request({ url: `${server.origin}/mocked` })).body).toBe('mocked');
    expect(await server.settledConnections()).toBe(0);
  });
});

/**
 * The agents node:http does not run through `http.Agent.prototype.addRequest`
 * (pook's hook for nearly every request): each counts the connections it
 * makes itself, so a test sees that a mocked request never reached it and a
 * real one did.
 */
function unmanaged(origin: string): Array<{ name: string; options: () => http.RequestOptions; made: () => number }> {
  const { hostname, port } = new URL(origin);
  const connect = (): net.Socket => net.connect(Number(port), hostname);
  let viaCreateConnection = 0;
  let viaObject = 0;
  let viaOverride = 0;
  // An agent-like object that is no http.Agent, as agent-base 6 proxies are.
  const objectAgent = {
    addRequest(req: http.ClientRequest) {
      viaObject++;
      req.onSocket(connect());
    },
  };
  class Overriding extends http.Agent {
    addRequest(req: http.ClientRequest, options: object): void {
      viaOverride++;
      (http.Agent.prototype as unknown as { addRequest: (r: unknown, o: unknown) => void }).addRequest.call(this, req, options);
    }
  }
  const overriding = new Overriding();
  agents.push(overriding);
  return [
    {
      name: 'createConnection without an agent',
      options: () => ({
        createConnection: () => {
          viaCreateConnection++;
          return connect();
        },
      }),
      made: () => viaCreateConnection,
    },
    { name: 'an agent-like object that is no http.Agent', options: () => ({ agent: objectAgent as unknown as http.Agent }), made: () => viaObject },
    { name: 'an http.Agent subclass overriding addRequest', options: () => ({ agent: overriding }), made: () => viaOverride },
  ];
}

describe('agents node:http does not manage', () => {
  it.each([0, 1, 2])('intercepts a mocked request through them (%#)', async (index) => {
    const agent = unmanaged(server.origin)[index]!;
    const client = nodeHttpAdapter(agent.name, http, 'request', agent.options);
    pook.get(`${server.origin}/mocked`).reply(200).body('mocked');
    expect((await client.request({ url: `${server.origin}/mocked` })).body).toBe('mocked');
    expect(agent.made()).toBe(0);
    expect(await server.settledConnections()).toBe(0);
  });

  it.each([0, 1, 2])('sends a real request through them in network mode (%#)', async (index) => {
    pook.enableNetwork();
    const agent = unmanaged(server.origin)[index]!;
    const client = nodeHttpAdapter(agent.name, http, 'request', agent.options);
    expect((await client.request({ url: `${server.origin}/real` })).headers['x-echo']).toBe('real');
    expect(agent.made()).toBe(1);
    expect(server.requests.map((echo) => echo.url)).toEqual(['/real']);
  });

  it('intercepts a mocked request when the global agent is replaced by one that is no http.Agent', async () => {
    const { hostname, port } = new URL(server.origin);
    let made = 0;
    const globalAgent = http.globalAgent;
    http.globalAgent = {
      addRequest: (req: http.ClientRequest) => {
        made++;
        req.onSocket(net.connect(Number(port), hostname));
      },
    } as unknown as http.Agent;
    try {
      pook.get(`${server.origin}/mocked`).reply(200).body('mocked');
      const client = nodeHttpAdapter('replaced global agent', http, 'get');
      expect((await client.request({ url: `${server.origin}/mocked` })).body).toBe('mocked');
      expect(made).toBe(0);
    } finally {
      http.globalAgent = globalAgent;
    }
  });
});

describe('real requests (network mode) use the caller’s agent', () => {
  beforeEach(() => pook.enableNetwork());

  it('reuses one keep-alive connection of the caller’s http agent', async () => {
    const agent = keepAliveAgent();
    const client = nodeHttpAdapter('keep-alive', http, 'request', () => ({ agent }));
    for (const path of ['/one', '/two']) expect((await client.request({ url: `${server.origin}${path}` })).headers['x-echo']).toBe('real');
    expect(agent.created).toBe(1);
    expect(await server.settledConnections()).toBe(1);
    expect(server.requests.map((echo) => echo.url)).toEqual(['/one', '/two']);
  });

  it('keeps answering a matched request from the mock although the agent holds a live connection', async () => {
    const agent = keepAliveAgent();
    const client = nodeHttpAdapter('keep-alive', http, 'request', () => ({ agent }));
    expect((await client.request({ url: `${server.origin}/real` })).headers['x-echo']).toBe('real');
    pook.get(`${server.origin}/mocked`).reply(200).body('mocked');
    expect((await client.request({ url: `${server.origin}/mocked` })).body).toBe('mocked');
    expect(server.requests.map((echo) => echo.url)).toEqual(['/real']);
  });

  it('uses the caller’s https agent and its TLS options', async () => {
    const tlsServer = await startServer({ protocol: 'https' });
    const agent = counting(new https.Agent({ keepAlive: true, ca: TLS_CERT }));
    agents.push(agent);
    try {
      const client = nodeHttpAdapter('https keep-alive', https, 'request', () => ({ agent }));
      for (const path of ['/one', '/two']) expect((await client.request({ url: `${tlsServer.origin}${path}` })).headers['x-echo']).toBe('real');
      expect(agent.created).toBe(1);
      expect(await tlsServer.settledConnections()).toBe(1);
    } finally {
      agent.destroy();
      await tlsServer.close();
    }
  });

  it('opens a connection per request with agent: false', async () => {
    const client = nodeHttpAdapter('agent: false', http, 'request', () => ({ agent: false }));
    for (const path of ['/one', '/two']) expect((await client.request({ url: `${server.origin}${path}` })).headers['x-echo']).toBe('real');
    expect(await server.settledConnections()).toBe(2);
  });

  it('uses the agent given to axios, got, node-fetch and superagent', async () => {
    const agent = keepAliveAgent();
    await axios.get(`${server.origin}/axios`, { httpAgent: agent, proxy: false });
    await got(`${server.origin}/got`, { agent: { http: agent }, retry: { limit: 0 } });
    await (await nodeFetch(`${server.origin}/node-fetch`, { agent })).text();
    await superagent.get(`${server.origin}/superagent`).agent(agent);
    expect(server.requests.map((echo) => echo.url)).toEqual(['/axios', '/got', '/node-fetch', '/superagent']);
    expect(agent.created).toBeGreaterThanOrEqual(1);
    expect(await server.settledConnections()).toBe(agent.created);
  });
});
