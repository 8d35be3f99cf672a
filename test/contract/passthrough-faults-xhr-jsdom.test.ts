// @vitest-environment jsdom
// The fault contract (faults.ts) for the XMLHttpRequest of jsdom.
import { describePassthroughFaults, xhrClient } from './faults.js';

describePassthroughFaults([xhrClient('XMLHttpRequest (jsdom)')]);
