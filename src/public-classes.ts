// The classes and the type guard of the public surface, listed once: index.ts
// re-exports them by name and spreads them into the default export, so
// `import pook from 'pook'` and `import * as pook from 'pook'` cannot drift.
export { Engine } from './engine.js';
export { Mock } from './mock.js';
export { PookRequest } from './request.js';
export { PookResponse } from './response.js';
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
export { FetchInterceptor } from './interceptors/fetch.js';
export { HttpInterceptor } from './interceptors/http.js';
export { UndiciInterceptor } from './interceptors/undici.js';
export { XhrInterceptor } from './interceptors/xhr.js';
