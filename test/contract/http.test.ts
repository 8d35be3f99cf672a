import http from 'node:http';
import { afterAll } from 'vitest';
import { nodeHttpAdapter } from '../helpers/node-http-client.js';
import { describeContract } from './contract.js';

describeContract(nodeHttpAdapter('http.request', http, 'request'));
describeContract(nodeHttpAdapter('http.get', http, 'get'));
describeContract(nodeHttpAdapter('new http.ClientRequest', http, 'ClientRequest'));

// The same contract through the agents callers commonly pass.
const keepAlive = new http.Agent({ keepAlive: true });
afterAll(() => keepAlive.destroy());
describeContract(nodeHttpAdapter('http.request with a keep-alive agent', http, 'request', () => ({ agent: keepAlive })));
describeContract(nodeHttpAdapter('http.request with agent: false', http, 'request', () => ({ agent: false })));
