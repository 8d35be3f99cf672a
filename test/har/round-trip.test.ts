// The record and replay round trip (test/har/round-trip.ts) for every Node
// client of the contract suite.

import http from 'node:http';
import https from 'node:https';
import { afterAll } from 'vitest';
import type { ClientAdapter } from '../contract/contract.js';
import { axiosAdapter, fetchAdapter, gotAdapter, kyAdapter, nodeFetchAdapter, superagentAdapter } from '../helpers/adapters.js';
import { nodeHttpAdapter } from '../helpers/node-http-client.js';
import { TLS_CLIENT_OPTIONS } from '../helpers/servers.js';
import { closeDispatchers, undiciAdapter } from '../helpers/undici-client.js';
import { describeRoundTrip } from './round-trip.js';

const ADAPTERS: readonly ClientAdapter[] = [
  fetchAdapter,
  nodeHttpAdapter('node:http', http, 'request'),
  nodeHttpAdapter('node:https', https, 'request', () => TLS_CLIENT_OPTIONS),
  undiciAdapter('request', 'global'),
  undiciAdapter('fetch', 'agent'),
  axiosAdapter,
  gotAdapter,
  nodeFetchAdapter,
  superagentAdapter,
  kyAdapter,
];

afterAll(() => closeDispatchers());

for (const adapter of ADAPTERS) describeRoundTrip(adapter);
