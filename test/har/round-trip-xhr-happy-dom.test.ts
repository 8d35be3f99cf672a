// @vitest-environment happy-dom
// The record and replay round trip (test/har/round-trip.ts) for
// XMLHttpRequest, as the contract suite drives it in happy-dom: the document's
// origin is not the server's, so the server answers with CORS headers.
import { xhrAdapter } from '../helpers/xhr-client.js';
import { describeRoundTrip } from './round-trip.js';

describeRoundTrip(xhrAdapter('XMLHttpRequest (happy-dom)'), { cors: true });
