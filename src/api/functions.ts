// Every module-level function of the public API, in one namespace for
// index.ts (the named exports) and namespace.ts (the default export).

export { del, get, head, mock, options, patch, post, put } from './define.js';
export type { ConfigureOptions } from './lifecycle.js';
export { activate, configure, debug, disable, engine, isActive, off, on, reset, setMockEngine } from './lifecycle.js';
export { disableNetwork, enableNetwork, flushNetworkFilters, useNetworkFilter } from './network.js';
export type { PookOrigin } from './origin.js';
export { origin } from './origin.js';
export { regex } from './regex.js';
export { assertDone, assertNoUnmatched, isDone, isPending, isUnmatched, pending, pendingMocks, unmatched, unmatchedRequests } from './status.js';
export type { UseOptions } from './use.js';
export { use } from './use.js';
export type { PookScope } from './use-scope.js';
