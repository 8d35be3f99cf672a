import https from 'node:https';
import { afterAll } from 'vitest';
import { nodeHttpAdapter } from '../helpers/node-http-client.js';
import { TLS_CLIENT_OPTIONS } from '../helpers/servers.js';
import { describeContract } from './contract.js';

// The loopback servers use the self-signed certificate of test/fixtures/tls.
describeContract(nodeHttpAdapter('https.request', https, 'request', () => ({ ...TLS_CLIENT_OPTIONS })));
describeContract(nodeHttpAdapter('https.get', https, 'get', () => ({ ...TLS_CLIENT_OPTIONS })));

const keepAlive = new https.Agent({ keepAlive: true, ...TLS_CLIENT_OPTIONS });
afterAll(() => keepAlive.destroy());
describeContract(nodeHttpAdapter('https.request with a keep-alive agent', https, 'request', () => ({ agent: keepAlive })));
