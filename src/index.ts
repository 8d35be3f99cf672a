import * as api from './api.js';
import * as classes from './public-classes.js';

export {
  activate,
  on,
  disable,
  off,
  reset,
  isActive,
  engine,
  use,
  mock,
  get,
  post,
  put,
  patch,
  del as delete,
  head,
  options,
  enableNetwork,
  disableNetwork,
  useNetworkFilter,
  flushNetworkFilters,
  pending,
  isPending,
  pendingMocks,
  unmatchedRequests,
  unmatched,
  isUnmatched,
  isDone,
  assertDone,
  assertNoUnmatched,
  regex,
  setMockEngine,
  debug,
  configure,
} from './api.js';
export type { ConfigureOptions, PookScope, UseOptions } from './api.js';
export * from './public-classes.js';
export type { EngineFilter, EngineMapper, EngineOptions } from './engine.js';
export type { MockCallback, MockFilter, MockMapper } from './mock.js';
export type { MockOptions } from './mock-options.js';
export type { ClientName, PookRequestInit } from './request.js';
export type { BodyChunk, BodyInit, DynamicReply, ReplyFunction, ResolvedResponse } from './response.js';
export type { PookErrorCode } from './errors.js';
export type { Candidate, MatchResult, Matcher, MockReport } from './match-result.js';
export type { Difference } from './matchers/deep-diff.js';
export type { SourceLocation } from './definition-site.js';
export type { EngineEventMap, EngineEventName, EngineListener } from './engine-events.js';
export type { CustomMatcher } from './matchers/custom.js';
export type { JsonExpectation } from './matchers/json.js';
export type { ParamValue } from './matchers/query.js';
export type { NetworkFilter } from './network.js';
export type { Interceptor, InterceptorFactory, Outcome, RequestHandler } from './interceptor.js';
export type { NetworkErrorCode } from './network-error.js';

// `del` is only the source name of `delete` (a reserved word), not part of the
// API (SPEC §2: "No other aliases"): the default export leaves it out, as the
// named exports do.
const functions: Omit<typeof api, 'del'> = (({ del: _del, ...rest }: typeof api) => rest)(api);

/**
 * The whole API as one object: `import pook from 'pook'` gives the same
 * functions and classes as `import * as pook from 'pook'`.
 *
 * @example
 * ```ts
 * import pook from 'pook';
 * pook.activate();
 * pook.get('https://api.test/users').reply(200).json([{ id: 1 }]);
 * ```
 */
const pook: Omit<typeof api, 'del'> & { readonly delete: typeof api.del } & typeof classes = Object.freeze({
  ...functions,
  delete: api.del,
  ...classes,
});

export default pook;
