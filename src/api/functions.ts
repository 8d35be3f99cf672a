// Every module-level function of the public API, in one namespace for
// index.ts (the named exports) and namespace.ts (the default export).

export { configure, activate, on, disable, off, reset, isActive, engine, setMockEngine, debug } from './lifecycle.js';
export type { ConfigureOptions } from './lifecycle.js';
export { use } from './use.js';
export type { UseOptions } from './use.js';
export type { PookScope } from './use-scope.js';
export { mock, get, post, put, patch, del, head, options } from './define.js';
export { enableNetwork, disableNetwork, useNetworkFilter, flushNetworkFilters } from './network.js';
export { pending, isPending, pendingMocks, unmatchedRequests, unmatched, isUnmatched, isDone, assertDone, assertNoUnmatched } from './status.js';
export { regex } from './regex.js';
