// The contract through node:http's and node:https's named ESM imports. pook
// never re-syncs builtin ESM exports, so these stay the original functions
// (the same as functions captured before activation): their requests are
// intercepted at the agent (`http.Agent.prototype.addRequest`).
import { Agent, ClientRequest, get, request } from 'node:http';
import { Agent as HttpsAgent, get as httpsGet, request as httpsRequest } from 'node:https';
import { afterAll } from 'vitest';
import { type DetachedHttp, nodeHttpAdapter } from '../helpers/node-http-client.js';
import { TLS_CLIENT_OPTIONS } from '../helpers/servers.js';
import { describeContract } from './contract.js';

const named: DetachedHttp = { protocol: 'http', request, get, ClientRequest };
const namedHttps: DetachedHttp = { protocol: 'https', request: httpsRequest, get: httpsGet };

describeContract(nodeHttpAdapter('named import: request', named, 'request'));
describeContract(nodeHttpAdapter('named import: get', named, 'get'));
describeContract(nodeHttpAdapter('named import: new ClientRequest', named, 'ClientRequest'));
describeContract(nodeHttpAdapter('named import: request with agent: false', named, 'request', () => ({ agent: false })));

// An http.Agent subclass, as agentkeepalive and proxy agents build them.
class CountingAgent extends Agent {
  sockets_made = 0;
}
const own = new CountingAgent({ keepAlive: true });
const keepAliveHttps = new HttpsAgent({ keepAlive: true, ...TLS_CLIENT_OPTIONS });
afterAll(() => {
  own.destroy();
  keepAliveHttps.destroy();
});
describeContract(nodeHttpAdapter('named import: request with an http.Agent subclass', named, 'request', () => ({ agent: own })));
describeContract(nodeHttpAdapter('named import: https request', namedHttps, 'request', () => ({ ...TLS_CLIENT_OPTIONS })));
describeContract(nodeHttpAdapter('named import: https get with a keep-alive agent', namedHttps, 'get', () => ({ agent: keepAliveHttps })));
