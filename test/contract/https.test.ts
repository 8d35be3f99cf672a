import https from 'node:https';
import { afterAll } from 'vitest';
import { TLS_CERT } from '../helpers/servers.js';
import { nodeHttpAdapter } from '../helpers/node-http-client.js';
import { describeContract } from './contract.js';

// The loopback servers use the self-signed certificate of test/fixtures/tls.
describeContract(nodeHttpAdapter('https.request', https, 'request', () => ({ ca: TLS_CERT })));
describeContract(nodeHttpAdapter('https.get', https, 'get', () => ({ ca: TLS_CERT })));

const keepAlive = new https.Agent({ keepAlive: true, ca: TLS_CERT });
afterAll(() => keepAlive.destroy());
describeContract(nodeHttpAdapter('https.request with a keep-alive agent', https, 'request', () => ({ agent: keepAlive })));
