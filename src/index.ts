import * as api from './api.js';
import { Engine } from './engine.js';
import {
  PookCallCountError,
  PookError,
  PookInvalidArgumentError,
  PookInvalidBodyError,
  PookNetworkError,
  PookNoMatchesError,
  PookPendingMocksError,
  PookUnmatchedRequestsError,
  isPookError,
} from './errors.js';
import { FetchInterceptor } from './interceptors/fetch.js';
import { HttpInterceptor } from './interceptors/http.js';
import { UndiciInterceptor } from './interceptors/undici.js';
import { XhrInterceptor } from './interceptors/xhr.js';
import { Mock } from './mock.js';
import { PookRequest } from './request.js';
import { PookResponse } from './response.js';

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
} from './api.js';
export type { PookScope, UseOptions } from './api.js';
export { Engine } from './engine.js';
export type { EngineFilter, EngineMapper, EngineOptions } from './engine.js';
export { Mock } from './mock.js';
export type { MockCallback, MockFilter, MockMapper } from './mock.js';
export type { MockOptions } from './mock-options.js';
export { PookRequest } from './request.js';
export type { ClientName, PookRequestInit } from './request.js';
export { PookResponse } from './response.js';
export type { BodyChunk, BodyInit, DynamicReply, ReplyFunction, ResolvedResponse } from './response.js';
export {
  PookError,
  PookNoMatchesError,
  PookInvalidArgumentError,
  PookInvalidBodyError,
  PookNetworkError,
  PookPendingMocksError,
  PookUnmatchedRequestsError,
  PookCallCountError,
  isPookError,
} from './errors.js';
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
export { FetchInterceptor } from './interceptors/fetch.js';
export { HttpInterceptor } from './interceptors/http.js';
export { UndiciInterceptor } from './interceptors/undici.js';
export { XhrInterceptor } from './interceptors/xhr.js';
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
const pook: Omit<typeof api, 'del'> & {
  readonly delete: typeof api.del;
  readonly Engine: typeof Engine;
  readonly Mock: typeof Mock;
  readonly PookRequest: typeof PookRequest;
  readonly PookResponse: typeof PookResponse;
  readonly PookError: typeof PookError;
  readonly PookNoMatchesError: typeof PookNoMatchesError;
  readonly PookInvalidArgumentError: typeof PookInvalidArgumentError;
  readonly PookInvalidBodyError: typeof PookInvalidBodyError;
  readonly PookNetworkError: typeof PookNetworkError;
  readonly PookPendingMocksError: typeof PookPendingMocksError;
  readonly PookUnmatchedRequestsError: typeof PookUnmatchedRequestsError;
  readonly PookCallCountError: typeof PookCallCountError;
  readonly isPookError: typeof isPookError;
  readonly FetchInterceptor: typeof FetchInterceptor;
  readonly HttpInterceptor: typeof HttpInterceptor;
  readonly UndiciInterceptor: typeof UndiciInterceptor;
  readonly XhrInterceptor: typeof XhrInterceptor;
} = Object.freeze({
  ...functions,
  delete: api.del,
  Engine,
  Mock,
  PookRequest,
  PookResponse,
  PookError,
  PookNoMatchesError,
  PookInvalidArgumentError,
  PookInvalidBodyError,
  PookNetworkError,
  PookPendingMocksError,
  PookUnmatchedRequestsError,
  PookCallCountError,
  isPookError,
  FetchInterceptor,
  HttpInterceptor,
  UndiciInterceptor,
  XhrInterceptor,
});

export default pook;
