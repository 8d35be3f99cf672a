// The public surface of pook's browser build (`pook/browser`, and `pook`
// under the `browser` export condition): the same functions, mocks,
// matchers and reports as the Node entry (src/index.ts), with the page's
// fetch and XMLHttpRequest intercepted, and no Node builtin in its module
// graph (docs/browsers.md). It first says that there are no Node builtins,
// then installs its default interceptors. Keep the named exports in step
// with src/index.ts: test/browser/bundle.test.ts compares them.
import './builtins.js';
import './runtime.js';

export type { ConfigureOptions, PookOrigin, PookScope, UseOptions } from '../api/functions.js';
export {
  activate,
  assertDone,
  assertNoUnmatched,
  configure,
  debug,
  del as delete,
  disable,
  disableNetwork,
  enableNetwork,
  engine,
  flushNetworkFilters,
  get,
  head,
  isActive,
  isDone,
  isPending,
  isUnmatched,
  mock,
  off,
  on,
  options,
  origin,
  patch,
  pending,
  pendingMocks,
  post,
  put,
  regex,
  reset,
  setMockEngine,
  unmatched,
  unmatchedRequests,
  use,
  useNetworkFilter,
} from '../api/functions.js';
export type { PookErrorCode } from '../core/errors/pook-error.js';
export type { Interceptor, InterceptorFactory, Outcome, RequestHandler } from '../core/interceptor.js';
export type { Difference, Matcher, MatchResult } from '../core/matcher.js';
export type { ExchangeObserver, ObservedExchange, ObservedResponse } from '../core/observed-exchange.js';
export type { ClientName, PookRequestInit } from '../core/pook-request.js';
export type { ResolvedResponse } from '../core/resolved-response.js';
export type { NetworkErrorCode } from '../engine/connection-failure.js';
export type { SourceLocation } from '../engine/definition-site.js';
export type { AssertNoUnmatchedOptions, EngineFilter, EngineMapper, EngineOptions } from '../engine/engine.js';
export type { EngineEventMap, EngineEventName, EngineListener } from '../engine/engine-events.js';
export type { Candidate } from '../engine/errors/no-matches-error.js';
export type { CustomMatcher, MockCallback, MockFilter, MockMapper, MockOptions, MockReport, ReplyFunction } from '../engine/mock.js';
export type { MockOptionsOf } from '../engine/mock-options.js';
export type { NetworkFilter } from '../engine/network-policy.js';
export type { BodyChunk, BodyInit, DynamicReply } from '../engine/pook-response.js';
export type { ReplyBody, ReplyOptions, ResponseHeaders } from '../engine/reply-content.js';
export type { CustomMatcherOf } from '../matchers/custom.js';
export type { JsonExpectation } from '../matchers/json.js';
export type { ParamValue } from '../matchers/query.js';
export { default } from './namespace.js';
export * from './public-classes.js';
