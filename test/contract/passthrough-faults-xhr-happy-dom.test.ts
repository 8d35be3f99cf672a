// @vitest-environment happy-dom
// The fault contract (faults.ts) for the XMLHttpRequest of happy-dom.
import { describePassthroughFaults, xhrClient } from './faults.js';

// happy-dom's XMLHttpRequest ignores `timeout`: a stalled request is ended by abort(), as its users do.
describePassthroughFaults([xhrClient('XMLHttpRequest (happy-dom)', { timeoutByAbort: true })]);
